package io.karrier.broker.internal.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.protocol.body.DataVersion;
import io.karrier.protocol.body.TopicConfig;
import io.karrier.protocol.body.TopicFilterType;
import io.karrier.store.internal.table.DocumentDirectory;

class TopicConfigTableTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private DocumentDirectory documents() {
        return new DocumentDirectory(dir.resolve("config"));
    }

    private Path file() throws IOException {
        return Files.createDirectories(dir.resolve("config")).resolve("topics.json");
    }

    @Test
    void putBumpsTheVersionOnlyOnChange() throws IOException {
        TopicConfigTable table = TopicConfigTable.open(documents(), CLOCK);
        assertThat(table.dataVersion()).isEqualTo(new DataVersion(0, 1_700_000_000_000L));

        assertThat(table.put(TopicConfig.of("t"))).isTrue();
        assertThat(table.put(TopicConfig.of("t"))).isFalse();
        assertThat(table.dataVersion().counter()).isEqualTo(1);

        assertThat(table.put(new TopicConfig("t", 8, 8, 6, TopicFilterType.SINGLE_TAG, 0, true))).isTrue();
        assertThat(table.remove("t")).isTrue();
        assertThat(table.remove("t")).isFalse();
        assertThat(table.dataVersion().counter()).isEqualTo(3);
        assertThat(table.get("t")).isEmpty();
    }

    @Test
    void writesRocketMqShapedJsonAndReloadsIt() throws IOException {
        TopicConfigTable table = TopicConfigTable.open(documents(), CLOCK);
        table.put(TopicConfig.of("TopicTest"));
        table.put(new TopicConfig("ordered", 4, 2, 7, TopicFilterType.MULTI_TAG, 1, true));
        table.persist();

        assertThat(file()).hasContent("{\"dataVersion\":{\"counter\":2,\"timestamp\":1700000000000},"
                + "\"topicConfigTable\":{"
                + "\"TopicTest\":{\"topicName\":\"TopicTest\",\"readQueueNums\":16,\"writeQueueNums\":16,\"perm\":6,"
                + "\"topicFilterType\":\"SINGLE_TAG\",\"topicSysFlag\":0,\"order\":false},"
                + "\"ordered\":{\"topicName\":\"ordered\",\"readQueueNums\":4,\"writeQueueNums\":2,\"perm\":7,"
                + "\"topicFilterType\":\"MULTI_TAG\",\"topicSysFlag\":1,\"order\":true}}}");
        TopicConfigTable reopened = TopicConfigTable.open(documents(), Clock.systemUTC());
        assertThat(reopened.all()).isEqualTo(table.all());
        assertThat(reopened.dataVersion()).isEqualTo(new DataVersion(2, 1_700_000_000_000L));
        assertThat(reopened.persist()).isFalse();
    }

    @Test
    void loadsRocketMqFileWithExtraFields() throws IOException {
        Files.writeString(file(), "{\n\t\"dataVersion\":{\"counter\":5,\"stateVersion\":0,\"timestamp\":42},\n"
                + "\t\"topicConfigTable\":{\"TBW102\":{\"order\":false,\"perm\":7,\"readQueueNums\":8,"
                + "\"topicFilterType\":\"SINGLE_TAG\",\"topicName\":\"TBW102\",\"topicSysFlag\":0,"
                + "\"writeQueueNums\":8,\"attributes\":{}}}\n}");

        TopicConfigTable table = TopicConfigTable.open(documents(), CLOCK);

        assertThat(table.get("TBW102")).contains(
                new TopicConfig("TBW102", 8, 8, 7, TopicFilterType.SINGLE_TAG, 0, false));
        assertThat(table.dataVersion()).isEqualTo(new DataVersion(5, 42));
    }

    @Test
    void entryWhoseNameDiffersFromItsKeyDoesNotParse() throws IOException {
        Files.writeString(file(), "{\"dataVersion\":{\"counter\":1,\"timestamp\":1},"
                + "\"topicConfigTable\":{\"a\":{\"topicName\":\"b\",\"readQueueNums\":1,\"writeQueueNums\":1,"
                + "\"perm\":6,\"topicFilterType\":\"SINGLE_TAG\",\"topicSysFlag\":0,\"order\":false}}}");

        assertThatThrownBy(() -> TopicConfigTable.open(documents(), CLOCK))
                .isInstanceOf(IOException.class).hasMessageContaining("topics.json");
    }

    @Test
    void truncatedMainFallsBackToBackup() throws IOException {
        TopicConfigTable table = TopicConfigTable.open(documents(), CLOCK);
        table.put(TopicConfig.of("a"));
        table.persist();
        table.put(TopicConfig.of("b"));
        table.persist();
        Files.writeString(file(), "{\"dataVersion\":{\"counter\":2,");

        TopicConfigTable reopened = TopicConfigTable.open(documents(), CLOCK);

        assertThat(reopened.all()).containsOnlyKeys("a");
        assertThat(reopened.dataVersion().counter()).isEqualTo(1);
    }
}
