package io.karrier.broker.internal.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.store.internal.table.DocumentDirectory;

class ConsumerOffsetTableTest {

    @TempDir
    Path dir;

    private DocumentDirectory documents() {
        return new DocumentDirectory(dir.resolve("config"));
    }

    private Path file() {
        return dir.resolve("config/consumerOffset.json");
    }

    @Test
    void commitThenQuery() throws IOException {
        ConsumerOffsetTable table = ConsumerOffsetTable.open(documents());

        table.commit("t", "g", 0, 123);
        table.commit("t", "g", 0, 124);
        table.commit("t", "g", 3, 7);

        assertThat(table.offset("t", "g", 0)).isEqualTo(OptionalLong.of(124));
        assertThat(table.offset("t", "g", 1)).isEmpty();
        assertThat(table.offset("t", "other", 0)).isEmpty();
        assertThat(table.offsets("t", "g")).containsExactly(Map.entry(0, 124L), Map.entry(3, 7L));
    }

    @Test
    void writesRocketMqShapedJson() throws IOException {
        ConsumerOffsetTable table = ConsumerOffsetTable.open(documents());
        table.commit("t", "g", 1, 45);
        table.commit("t", "g", 0, 123);

        table.persist();

        assertThat(file()).hasContent("{\"offsetTable\":{\"t@g\":{\"0\":123,\"1\":45}}}");
    }

    @Test
    void loadsRocketMqFileWithUnquotedIntegerKeys() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\n\t\"offsetTable\":{\n\t\t\"%RETRY%g@g\":{0:5},\"t@g\":{0:123,1:45}\n\t}\n}");

        ConsumerOffsetTable table = ConsumerOffsetTable.open(documents());

        assertThat(table.offsets("t", "g")).containsExactly(Map.entry(0, 123L), Map.entry(1, 45L));
        assertThat(table.offset("%RETRY%g", "g", 0)).isEqualTo(OptionalLong.of(5));
    }

    @Test
    void persistAndReopenRoundTrips() throws IOException {
        ConsumerOffsetTable table = ConsumerOffsetTable.open(documents());
        table.commit("t1", "g1", 0, 1);
        table.commit("t1", "g2", 5, Long.MAX_VALUE);
        table.commit("t2", "g1", 2, 0);
        table.persist();

        ConsumerOffsetTable reopened = ConsumerOffsetTable.open(documents());

        assertThat(reopened.snapshot()).isEqualTo(table.snapshot());
        assertThat(reopened.offset("t1", "g2", 5)).isEqualTo(OptionalLong.of(Long.MAX_VALUE));
    }

    @Test
    void removeGroupAndRemoveTopicDropOnlyTheirKeys() throws IOException {
        ConsumerOffsetTable table = ConsumerOffsetTable.open(documents());
        table.commit("t1", "g1", 0, 1);
        table.commit("t1", "g2", 0, 2);
        table.commit("t2", "g1", 0, 3);
        table.commit("g1", "t1", 0, 4); // names swapped: must survive both removes below

        assertThat(table.removeGroup("g1")).isTrue();
        assertThat(table.snapshot().offsetTable()).containsOnlyKeys("t1@g2", "g1@t1");
        assertThat(table.removeTopic("t1")).isTrue();
        assertThat(table.snapshot().offsetTable()).containsOnlyKeys("g1@t1");
        assertThat(table.removeTopic("nope")).isFalse();
    }

    @Test
    void refusesAtSignInNames() throws IOException {
        ConsumerOffsetTable table = ConsumerOffsetTable.open(documents());

        assertThatThrownBy(() -> table.commit("a@b", "g", 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.offset("t", "g@x", 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concurrentCommitsThenPersistAndReloadGiveTheLastOffsetOfEveryQueue() throws Exception {
        ConsumerOffsetTable table = ConsumerOffsetTable.open(documents());
        int threads = 16;
        int commitsPerQueue = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        // Each thread owns its queues, so the last offset per queue is known; groups are shared so
        // threads contend on the same topic@group map. A persister runs alongside.
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                go.await();
                for (int i = 1; i <= commitsPerQueue; i++) {
                    for (int g = 0; g < 4; g++) {
                        table.commit("topic" + (thread % 3), "group" + g, thread, i);
                    }
                }
                return null;
            }));
        }
        Future<?> persister = pool.submit(() -> {
            go.await();
            for (int i = 0; i < 20; i++) {
                table.persist();
            }
            return null;
        });
        go.countDown();
        for (Future<?> future : futures) {
            future.get(30, TimeUnit.SECONDS);
        }
        persister.get(30, TimeUnit.SECONDS);
        pool.shutdown();

        // The persister may already have written the final state; either way nothing is dirty after this.
        table.persist();
        assertThat(table.persist()).isFalse();
        ConsumerOffsetTable reopened = ConsumerOffsetTable.open(documents());

        assertThat(reopened.snapshot()).isEqualTo(table.snapshot());
        for (int t = 0; t < threads; t++) {
            for (int g = 0; g < 4; g++) {
                assertThat(reopened.offset("topic" + (t % 3), "group" + g, t))
                        .isEqualTo(OptionalLong.of(commitsPerQueue));
            }
        }
        assertThat(reopened.snapshot().offsetTable()).hasSize(3 * 4);
    }

    @Test
    void persistOfAnUnchangedTableDoesNotWrite() throws IOException {
        ConsumerOffsetTable table = ConsumerOffsetTable.open(documents());
        table.commit("t", "g", 0, 10);
        assertThat(table.persist()).isTrue();
        // Removing the file makes any rewrite visible, whatever the clock's granularity.
        Files.delete(file());

        table.commit("t", "g", 0, 10); // same offset again, as clients re-send every 5 s
        assertThat(table.persist()).isFalse();

        assertThat(file()).doesNotExist();
        assertThat(table.writes()).isEqualTo(1);
        table.commit("t", "g", 0, 11);
        assertThat(table.persist()).isTrue();
        assertThat(file()).exists();
    }

    @Test
    void freshlyLoadedTableIsNotDirty() throws IOException {
        ConsumerOffsetTable table = ConsumerOffsetTable.open(documents());
        table.commit("t", "g", 0, 10);
        table.persist();

        ConsumerOffsetTable reopened = ConsumerOffsetTable.open(documents());

        assertThat(reopened.persist()).isFalse();
        assertThat(ConsumerOffsetTable.open(new DocumentDirectory(dir.resolve("empty"))).persist()).isFalse();
    }

    @Test
    void truncatedMainFallsBackToBackup() throws IOException {
        ConsumerOffsetTable table = ConsumerOffsetTable.open(documents());
        table.commit("t", "g", 0, 1);
        table.persist();
        table.commit("t", "g", 0, 2);
        table.persist();
        byte[] main = Files.readAllBytes(file());
        Files.write(file(), java.util.Arrays.copyOf(main, main.length - 3));

        assertThat(ConsumerOffsetTable.open(documents()).offset("t", "g", 0)).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void leftoverTempIsIgnored() throws IOException {
        ConsumerOffsetTable table = ConsumerOffsetTable.open(documents());
        table.commit("t", "g", 0, 1);
        table.persist();
        Files.writeString(file().resolveSibling("consumerOffset.json.tmp"), "{\"offsetTable\":{\"t@g\":{\"0\":9");

        assertThat(ConsumerOffsetTable.open(documents()).offset("t", "g", 0)).isEqualTo(OptionalLong.of(1));
        assertThat(file().resolveSibling("consumerOffset.json.tmp")).doesNotExist();
    }

    @Test
    void bothCopiesGarbageRefusesToOpen() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"offsetTable\":{\"t@g\":{\"0\":1");
        Files.writeString(file().resolveSibling("consumerOffset.json.bak"), "\0\0\0");

        assertThatThrownBy(() -> ConsumerOffsetTable.open(documents()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("consumerOffset.json");
    }

    @Test
    void wellFormedJsonOfTheWrongShapeDoesNotParse() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"offsetTable\":{\"t@g\":{\"0\":null}}}");
        Files.writeString(file().resolveSibling("consumerOffset.json.bak"), "{}");

        assertThatThrownBy(() -> ConsumerOffsetTable.open(documents())).isInstanceOf(IOException.class);
    }

    @Test
    void trailingGarbageDoesNotParse() throws IOException {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"offsetTable\":{}}}");

        assertThatThrownBy(() -> ConsumerOffsetTable.open(documents())).isInstanceOf(IOException.class);
    }
}
