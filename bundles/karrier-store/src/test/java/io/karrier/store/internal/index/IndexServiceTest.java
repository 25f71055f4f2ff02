package io.karrier.store.internal.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import org.apache.rocketmq.common.UtilAll;
import org.apache.rocketmq.common.message.MessageConst;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexServiceTest {

    private static final long T0 = 1_700_000_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(T0), ZoneId.systemDefault());
    /** Three entries a file. */
    private static final IndexSettings TINY = new IndexSettings(3, 4, 100);

    @TempDir
    Path dir;

    private IndexService index;

    @AfterEach
    void closeIndex() {
        if (index != null) {
            index.close();
        }
    }

    private IndexService open(IndexSettings settings) throws IOException {
        if (index != null) {
            index.close();
        }
        index = IndexService.open(dir.resolve("index"), settings, CLOCK);
        return index;
    }

    private List<Long> all(String topic, String key) {
        return index.query(topic, key, 1_000, 0, Long.MAX_VALUE);
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> listing = Files.list(dir.resolve("index"))) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Ten records, key "k" and unique key "u<i>", at offsets 0..9, one second apart: 7 files of 3. */
    private void tenRecords() throws IOException {
        for (int i = 0; i < 10; i++) {
            index.indexRecord("T", "k", null, i, T0 + 1_000L * i);
        }
    }

    @Test
    void indexesTheUniqueKeyAndEachKeysValue() throws Exception {
        open(new IndexSettings(11, 100, 10));
        index.indexRecord("T", "a  b" + MessageConst.KEY_SEPARATOR + "c ", "UNIQ-1", 100, T0);
        index.indexRecord("T", "", "", 200, T0);
        index.indexRecord("T", null, null, 300, T0);

        for (String key : List.of("a", "b", "c", "UNIQ-1")) {
            assertThat(all("T", key)).as(key).containsExactly(100L);
        }
        assertThat(all("T", "")).isEmpty();
        assertThat(index.files()).singleElement().satisfies(f -> assertThat(f.entryCount()).isEqualTo(4));
    }

    @Test
    void theSameKeyInTwoTopicsIsTwoKeys() throws Exception {
        open(new IndexSettings(11, 100, 10));
        assertThat(IndexKey.hash("T1#order")).isNotEqualTo(IndexKey.hash("T2#order"));
        index.indexRecord("T1", "order", null, 100, T0);
        index.indexRecord("T2", "order", null, 200, T0);

        assertThat(all("T1", "order")).containsExactly(100L);
        assertThat(all("T2", "order")).containsExactly(200L);
        assertThat(all("T3", "order")).isEmpty();
    }

    @Test
    void rollsWhenFullAndAnswersAcrossFilesNewestFirst() throws Exception {
        open(TINY);
        tenRecords();

        assertThat(index.files()).hasSize(4);
        assertThat(fileNames()).hasSize(4).first().isEqualTo(UtilAll.timeMillisToHumanString(T0));
        assertThat(fileNames()).doesNotHaveDuplicates().isSorted();
        assertThat(all("T", "k")).containsExactly(9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L, 0L);
        assertThat(index.query("T", "k", 4, 0, Long.MAX_VALUE)).containsExactly(9L, 8L, 7L, 6L);
        assertThat(index.query("T", "k", 0, 0, Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void filtersByTimeAcrossFiles() throws Exception {
        open(TINY);
        tenRecords();

        assertThat(index.query("T", "k", 100, T0 + 2_000, T0 + 5_999)).containsExactly(5L, 4L, 3L, 2L);
        assertThat(index.query("T", "k", 100, T0 + 9_000, Long.MAX_VALUE)).containsExactly(9L);
        // entry 8 (at T0 + 8 s) shares its second with the range, but its file ends before the range
        assertThat(index.query("T", "k", 100, T0 + 8_500, Long.MAX_VALUE)).containsExactly(9L);
        assertThat(index.query("T", "k", 100, T0 + 20_000, Long.MAX_VALUE)).isEmpty();
        assertThat(index.query("T", "k", 100, 0, T0 - 1)).isEmpty();
    }

    @Test
    void aReopenedIndexGivesTheSameAnswersAndGoesOnWriting() throws Exception {
        open(TINY);
        tenRecords();
        List<Long> before = index.query("T", "k", 100, T0 + 1_000, T0 + 8_000);

        open(TINY);
        assertThat(index.query("T", "k", 100, T0 + 1_000, T0 + 8_000)).isEqualTo(before).hasSize(8);
        index.indexRecord("T", "k", null, 10, T0 + 10_000);
        index.indexRecord("T", "k", null, 11, T0 + 11_000);
        assertThat(index.files()).hasSize(4);
        assertThat(index.query("T", "k", 3, 0, Long.MAX_VALUE)).containsExactly(11L, 10L, 9L);
    }

    @Test
    void reAddingRecordsAfterReopenIndexesNothingTwice() throws Exception {
        open(TINY);
        index.indexRecord("T", "a b", null, 10, T0);
        index.indexRecord("T", "c d e f", null, 20, T0 + 1_000); // c fills file 1, d e f fill file 2
        // a crash right after rolling leaves an empty newest file
        IndexFile.open(dir.resolve("index").resolve(UtilAll.timeMillisToHumanString(T0 + 60_000)), 3, 4).close();

        open(TINY);
        index.indexRecord("T", "a b", null, 10, T0);
        index.indexRecord("T", "c d e f", null, 20, T0 + 1_000);

        assertThat(index.files()).extracting(IndexFile::entryCount).containsExactly(3, 3, 0);
        for (String key : List.of("c", "d", "e", "f")) {
            assertThat(all("T", key)).as(key).containsExactly(20L);
        }
        index.indexRecord("T", "g", null, 30, T0 + 2_000);
        assertThat(index.files()).extracting(IndexFile::entryCount).containsExactly(3, 3, 1);
    }

    @Test
    void retentionDeletesFilesBelowTheOffsetButNeverTheNewest() throws Exception {
        open(TINY);
        tenRecords(); // files end at 2, 5, 8, 9

        assertThat(index.deleteFilesBelow(6)).isEqualTo(2);
        assertThat(fileNames()).hasSize(2);
        assertThat(all("T", "k")).containsExactly(9L, 8L, 7L, 6L);
        assertThat(index.deleteFilesBelow(Long.MAX_VALUE)).isEqualTo(1);
        assertThat(fileNames()).hasSize(1);
        assertThat(all("T", "k")).containsExactly(9L);

        open(TINY);
        assertThat(all("T", "k")).containsExactly(9L);
    }

    @Test
    void keepsAtMostMaxFiles() throws Exception {
        open(new IndexSettings(3, 4, 2));
        tenRecords();

        assertThat(fileNames()).hasSize(2);
        assertThat(all("T", "k")).containsExactly(9L, 8L, 7L, 6L);
    }

    @Test
    void ignoresStrangeNamesAndRefusesAnotherGeometry() throws Exception {
        open(TINY);
        tenRecords();
        Files.writeString(dir.resolve("index").resolve("README"), "not an index file");

        open(TINY);
        assertThat(index.files()).hasSize(4);
        index.close();
        index = null;
        assertThatThrownBy(() -> open(new IndexSettings(5, 4, 100))).isInstanceOf(IOException.class);
    }

    @Test
    void readersRunWhileTheWriterRollsAndDeletes() throws Exception {
        open(new IndexSettings(7, 200, 1_000));
        int keys = 50;
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> answers = Stream.generate(() -> readers.submit(() -> {
                int queries = 0;
                while (writing.get() || queries == 0) {
                    int k = queries++ % keys;
                    List<Long> found = index.query("T", "k" + k, 50, 0, Long.MAX_VALUE);
                    assertThat(found).isSortedAccordingTo((a, b) -> Long.compare(b, a)).allSatisfy(
                            offset -> assertThat(IndexKey.hash("T#k" + offset % keys))
                                    .isEqualTo(IndexKey.hash("T#k" + k)));
                }
                return queries;
            })).limit(3).toList();
            for (int i = 0; i < 5_000; i++) {
                index.indexRecord("T", "k" + i % keys, null, i, T0 + i);
                if (i % 100 == 99) {
                    index.deleteFilesBelow(i - 1_000);
                }
            }
            writing.set(false);
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isPositive();
            }
        } finally {
            writing.set(false);
            readers.shutdownNow();
        }
        assertThat(index.query("T", "k7", 3, 0, Long.MAX_VALUE)).containsExactly(4_957L, 4_907L, 4_857L);
        assertThat(index.files().get(0).endPhyOffset()).isGreaterThanOrEqualTo(3_900);
    }
}
