package io.karrier.store.internal.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumeQueueTableTest {

    @TempDir
    Path dir;

    @Test
    void createsQueuesLazilyAndLoadsThemAllOnOpen() throws IOException {
        try (ConsumeQueueTable table = ConsumeQueueTable.open(dir, 8, false)) {
            assertThat(table.find("topicA", 0)).isNull();
            ConsumeQueue queue = table.getOrCreate("topicA", 0);
            assertThat(table.getOrCreate("topicA", 0)).isSameAs(queue);
            queue.put(0, 0, 100, 7);
            queue.put(1, 100, 100, 7);
            table.getOrCreate("%RETRY%group", 11).put(0, 200, 90, 0);
            table.force();
        }
        assertThat(dir.resolve("topicA/0/00000000000000000000")).exists();
        Files.createDirectories(dir.resolve("not a topic!"));
        try (ConsumeQueueTable table = ConsumeQueueTable.open(dir, 8, false)) {
            assertThat(table.all()).hasSize(2);
            assertThat(table.find("topicA", 0).maxOffset()).isEqualTo(2);
            assertThat(table.find("%RETRY%group", 11).entry(0).commitLogOffset()).isEqualTo(200);
            table.truncateToCommitLog(100);
            assertThat(table.find("topicA", 0).maxOffset()).isEqualTo(1);
            assertThat(table.find("%RETRY%group", 11).maxOffset()).isZero();
            assertThatThrownBy(() -> table.getOrCreate("../escape", 0)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
