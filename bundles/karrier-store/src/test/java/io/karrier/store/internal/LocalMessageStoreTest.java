package io.karrier.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.api.store.AppendRequest;
import io.karrier.api.store.AppendResult;
import io.karrier.api.store.AppendStatus;
import io.karrier.api.store.GetResult;
import io.karrier.api.store.GetStatus;
import io.karrier.api.store.MessageFilter;
import io.karrier.api.store.SelectedRecords;
import io.karrier.protocol.message.StoredMessageDecoder;
import io.karrier.protocol.message.StoredMessageView;
import io.karrier.protocol.message.TagHashCode;
import io.karrier.store.internal.index.IndexSettings;

/** The store end to end on small files: append, dispatch, read, reopen, recover. */
class LocalMessageStoreTest {

    private static final InetSocketAddress PRODUCER = new InetSocketAddress("127.0.0.1", 5555);
    private static final InetSocketAddress BROKER = new InetSocketAddress("127.0.0.1", 10911);

    @TempDir
    Path directory;

    @TempDir
    Path crashImage;

    private final List<LocalMessageStore> open = new ArrayList<>();

    @AfterEach
    void closeStores() throws IOException {
        for (LocalMessageStore store : open) {
            store.close();
        }
    }

    private LocalMessageStore open(Path root, Duration strategyWait) throws IOException {
        LocalMessageStore store = LocalMessageStore.open(new StoreSettings(root, 64 * 1024, 64, 4096, strategyWait,
                false, new IndexSettings(64, 256, 4)), Clock.systemUTC());
        open.add(store);
        return store;
    }

    private LocalMessageStore openWith(TestFlushStrategy strategy) throws IOException {
        LocalMessageStore store = open(directory, Duration.ofSeconds(5));
        store.flushSwitch().add(strategy, 0, 1);
        return store;
    }

    private static AppendRequest message(String topic, int queueId, String body, String tag, String keys) {
        String properties = "TAGS\u0001" + tag + "\u0002KEYS\u0001" + keys + "\u0002UNIQ_KEY\u0001U-" + body;
        return new AppendRequest(topic, queueId, 0, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)),
                properties, 0, System.currentTimeMillis(), PRODUCER, BROKER, 0, 0);
    }

    private static AppendResult append(LocalMessageStore store, AppendRequest request) throws Exception {
        return store.append(request).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static List<String> bodies(GetResult result) {
        return result.records().records().stream()
                .map(record -> StoredMessageDecoder.decode(record, 0))
                .map(view -> new String(view.bodyBytes(), StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void appendsAreReadBackInQueueOrderWithTheirOffsets() throws Exception {
        LocalMessageStore store = openWith(TestFlushStrategy.pageCache());
        for (int i = 0; i < 300; i++) {
            AppendResult result = append(store, message("T", i % 2, "m" + i, "tag" + (i % 3), "k" + i));
            assertThat(result.status()).isEqualTo(AppendStatus.PUT_OK);
            assertThat(result.queueOffset()).isEqualTo(i / 2);
        }
        await(() -> store.maxOffset("T", 0) == 150 && store.maxOffset("T", 1) == 150);

        try (GetResult result = store.get("T", 0, 140, 32, 1 << 20, MessageFilter.ALL)) {
            assertThat(result.status()).isEqualTo(GetStatus.FOUND);
            assertThat(bodies(result)).containsExactly("m280", "m282", "m284", "m286", "m288", "m290", "m292",
                    "m294", "m296", "m298");
            assertThat(result.nextBeginOffset()).isEqualTo(150);
            assertThat(result.maxOffset()).isEqualTo(150);
            StoredMessageView first = StoredMessageDecoder.decode(result.records().records().get(0), 0);
            assertThat(first.queueOffset()).isEqualTo(140);
            assertThat(first.properties()).containsEntry("TAGS", "tag1").containsKey("__KCRC");
        }
    }

    @Test
    void answersRocketMqStatusesAtTheQueueEdges() throws Exception {
        LocalMessageStore store = openWith(TestFlushStrategy.pageCache());
        for (int i = 0; i < 3; i++) {
            append(store, message("T", 0, "m" + i, "a", "k"));
        }
        await(() -> store.maxOffset("T", 0) == 3);

        try (GetResult caughtUp = store.get("T", 0, 3, 32, 1 << 20, MessageFilter.ALL);
                GetResult beyond = store.get("T", 0, 9, 32, 1 << 20, MessageFilter.ALL);
                GetResult unknown = store.get("other", 0, 0, 32, 1 << 20, MessageFilter.ALL)) {
            assertThat(caughtUp.status()).isEqualTo(GetStatus.OFFSET_OVERFLOW_ONE);
            assertThat(caughtUp.nextBeginOffset()).isEqualTo(3);
            assertThat(beyond.status()).isEqualTo(GetStatus.OFFSET_OVERFLOW_BADLY);
            assertThat(beyond.nextBeginOffset()).isZero();
            assertThat(unknown.status()).isEqualTo(GetStatus.NO_MATCHED_LOGIC_QUEUE);
        }
    }

    @Test
    void filtersByTagHashAndCountsSkippedEntries() throws Exception {
        LocalMessageStore store = openWith(TestFlushStrategy.pageCache());
        for (int i = 0; i < 10; i++) {
            append(store, message("T", 0, "m" + i, i % 5 == 0 ? "wanted" : "other", "k"));
        }
        await(() -> store.maxOffset("T", 0) == 10);
        long wanted = TagHashCode.of("wanted");
        MessageFilter filter = new MessageFilter() {
            @Override
            public boolean matchesTagHash(long tagHash) {
                return tagHash == wanted;
            }

            @Override
            public boolean matchesRecord(ByteBuffer record) {
                return true;
            }
        };

        try (GetResult result = store.get("T", 0, 1, 32, 1 << 20, filter);
                GetResult none = store.get("T", 0, 6, 3, 1 << 20, filter)) {
            assertThat(bodies(result)).containsExactly("m5");
            assertThat(result.nextBeginOffset()).isEqualTo(10);
            assertThat(none.status()).isEqualTo(GetStatus.NO_MATCHED_MESSAGE);
            assertThat(none.nextBeginOffset()).isEqualTo(10);
        }
    }

    @Test
    void findsMessagesByKeyAndByCommitLogOffset() throws Exception {
        LocalMessageStore store = openWith(TestFlushStrategy.pageCache());
        AppendResult stored = append(store, message("T", 0, "hello", "a", "order-1 customer-7"));
        append(store, message("T", 0, "other", "a", "order-2"));
        await(() -> store.maxOffset("T", 0) == 2);

        try (SelectedRecords byKey = store.queryByKey("T", "customer-7", 32, 0, Long.MAX_VALUE);
                SelectedRecords byUniqueKey = store.queryByKey("T", "U-hello", 32, 0, Long.MAX_VALUE);
                SelectedRecords byOffset = store.readAt(stored.commitLogOffsets()[0]);
                SelectedRecords nothing = store.readAt(stored.commitLogOffsets()[0] + 1)) {
            assertThat(byKey.records()).hasSize(1);
            assertThat(byUniqueKey.records()).hasSize(1);
            assertThat(new String(StoredMessageDecoder.decode(byOffset.records().get(0), 0).bodyBytes(),
                    StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(nothing.records()).isEmpty();
        }
    }

    @Test
    void refusesOversizedBodiesAndMixedBatches() throws Exception {
        LocalMessageStore store = openWith(TestFlushStrategy.pageCache());

        AppendResult tooLarge = append(store, message("T", 0, "x".repeat(5000), "a", "k"));
        AppendResult mixed = store.appendBatch(List.of(message("T", 0, "a", "a", "k"), message("U", 0, "b", "a", "k")))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(tooLarge.status()).isEqualTo(AppendStatus.MESSAGE_ILLEGAL);
        assertThat(tooLarge.detail()).contains("5000").contains("4096");
        assertThat(mixed.status()).isEqualTo(AppendStatus.MESSAGE_ILLEGAL);
        assertThat(store.commitLogMaxOffset()).isZero();
    }

    @Test
    void answersFlushDiskTimeoutWhenTheStrategyCannotMakeTheAppendDurable() throws Exception {
        TestFlushStrategy strategy = TestFlushStrategy.forcing();
        LocalMessageStore store = openWith(strategy);
        strategy.failAppends();

        AppendResult result = append(store, message("T", 0, "m", "a", "k"));

        assertThat(result.status()).isEqualTo(AppendStatus.FLUSH_DISK_TIMEOUT);
        assertThat(result.stored()).isTrue();
        assertThat(result.detail()).contains("force timed out");
    }

    @Test
    void answersBusyWhenNoFlushStrategyArrivesInTime() throws Exception {
        LocalMessageStore store = open(directory, Duration.ofMillis(100));

        AppendResult result = append(store, message("T", 0, "m", "a", "k"));

        assertThat(result.status()).isEqualTo(AppendStatus.BUSY);
        assertThat(store.commitLogMaxOffset()).isZero();
    }

    @Test
    void showsRecordsToConsumersOnlyOnceForcedWhenTheStrategyAcknowledgesAfterForce() throws Exception {
        TestFlushStrategy manual = TestFlushStrategy.manual();
        LocalMessageStore store = openWith(manual);
        append(store, message("T", 0, "m", "a", "k"));
        Thread.sleep(100);
        assertThat(store.maxOffset("T", 0)).isZero();

        manual.forceNow();

        await(() -> store.maxOffset("T", 0) == 1);
    }

    @Test
    void reopensAfterACleanCloseWhereItLeftOff() throws Exception {
        LocalMessageStore store = openWith(TestFlushStrategy.forcing());
        for (int i = 0; i < 100; i++) {
            append(store, message("T", 0, "m" + i, "a", "k" + i));
        }
        store.close();
        open.remove(store);

        LocalMessageStore reopened = openWith(TestFlushStrategy.forcing());
        assertThat(reopened.maxOffset("T", 0)).isEqualTo(100);
        assertThat(append(reopened, message("T", 0, "m100", "a", "k")).queueOffset()).isEqualTo(100);
        await(() -> reopened.maxOffset("T", 0) == 101);
        try (GetResult result = reopened.get("T", 0, 98, 32, 1 << 20, MessageFilter.ALL)) {
            assertThat(bodies(result)).containsExactly("m98", "m99", "m100");
        }
    }

    @Test
    void recoversFromACrashImageWithEveryAcknowledgedRecord() throws Exception {
        LocalMessageStore store = openWith(TestFlushStrategy.forcing());
        for (int i = 0; i < 500; i++) {
            append(store, message("T", i % 4, "m" + i, "a", "k" + i));
        }
        copyTree(directory, crashImage);

        LocalMessageStore recovered = open(crashImage, Duration.ofSeconds(5));
        recovered.flushSwitch().add(TestFlushStrategy.forcing(), 0, 1);

        for (int queue = 0; queue < 4; queue++) {
            assertThat(recovered.maxOffset("T", queue)).isEqualTo(125);
            try (GetResult result = recovered.get("T", queue, 0, 200, 1 << 20, MessageFilter.ALL)) {
                assertThat(result.records().records()).hasSize(125);
            }
        }
        assertThat(append(recovered, message("T", 0, "after", "a", "k")).queueOffset()).isEqualTo(125);
    }

    @Test
    void rebuildsQueuesAndIndexOfManyTopicsFromTheLogAlone() throws Exception {
        // more topics than the dispatcher's topic cache holds, some of them prefixes of others
        LocalMessageStore store = openWith(TestFlushStrategy.forcing());
        for (int i = 0; i < 200; i++) {
            String topic = "T" + (i % 25);
            append(store, message(topic, (i / 25) % 2, "m" + i, "tag" + (i % 3), "k" + i + " both" + i + "  "));
        }
        copyTree(directory, crashImage);
        for (String gone : List.of("checkpoint", "checkpoint.bak", "checkpoint.tmp")) {
            Files.deleteIfExists(crashImage.resolve(gone));
        }
        Files.walk(crashImage.resolve("consumequeue")).sorted(java.util.Comparator.reverseOrder()).forEach(
                path -> path.toFile().delete());
        Files.walk(crashImage.resolve("index")).sorted(java.util.Comparator.reverseOrder()).forEach(
                path -> path.toFile().delete());
        Path abort = crashImage.resolve(io.karrier.store.internal.table.AbortMarker.FILE_NAME);
        if (!Files.exists(abort)) {
            Files.createFile(abort);
        }

        LocalMessageStore rebuilt = open(crashImage, Duration.ofSeconds(5));
        for (int t = 0; t < 25; t++) {
            String topic = "T" + t;
            for (int queue = 0; queue < 2; queue++) {
                assertThat(rebuilt.maxOffset(topic, queue)).as("%s-%d", topic, queue).isEqualTo(4);
                try (GetResult result = rebuilt.get(topic, queue, 0, 32, 1 << 20, MessageFilter.ALL)) {
                    for (ByteBuffer record : result.records().records()) {
                        StoredMessageView view = StoredMessageDecoder.decode(record, 0);
                        assertThat(view.topic()).isEqualTo(topic);
                        assertThat(view.queueId()).isEqualTo(queue);
                    }
                    assertThat(result.records().records()).hasSize(4);
                }
            }
        }
        for (int i : new int[] {0, 1, 24, 25, 199}) {
            for (String key : List.of("k" + i, "both" + i, "U-m" + i)) {
                try (var found = rebuilt.queryByKey("T" + (i % 25), key, 10, 0, Long.MAX_VALUE)) {
                    assertThat(found.records()).as(key).hasSize(1);
                    assertThat(new String(StoredMessageDecoder.decode(found.records().get(0), 0).bodyBytes(),
                            StandardCharsets.UTF_8)).isEqualTo("m" + i);
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
