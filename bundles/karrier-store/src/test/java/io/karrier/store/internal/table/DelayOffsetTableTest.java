package io.karrier.store.internal.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DelayOffsetTableTest {

    @TempDir
    Path dir;

    @Test
    void updatePersistReopen() throws IOException {
        Path file = dir.resolve("delayOffset.json");
        DelayOffsetTable table = DelayOffsetTable.open(file);
        table.update(3, 7);
        table.update(1, 100);
        table.update(1, 101);

        assertThat(table.persist()).isTrue();

        assertThat(file).hasContent("{\"offsetTable\":{\"1\":101,\"3\":7}}");
        DelayOffsetTable reopened = DelayOffsetTable.open(file);
        assertThat(reopened.offsets()).containsExactly(Map.entry(1, 101L), Map.entry(3, 7L));
        assertThat(reopened.offset(2)).isEmpty();
        assertThat(reopened.offset(3)).isEqualTo(OptionalLong.of(7));
    }

    @Test
    void sameOffsetAgainIsNotAChange() throws IOException {
        DelayOffsetTable table = DelayOffsetTable.open(dir.resolve("delayOffset.json"));
        table.update(1, 5);
        table.persist();

        table.update(1, 5);

        assertThat(table.persist()).isFalse();
    }

    @Test
    void loadsRocketMqFile() throws IOException {
        Path file = dir.resolve("delayOffset.json");
        Files.writeString(file, "{\"offsetTable\":{1:10,18:3},\"dataVersion\":{\"counter\":1,\"timestamp\":2}}");

        assertThat(DelayOffsetTable.open(file).offsets()).containsExactly(Map.entry(1, 10L), Map.entry(18, 3L));
    }
}
