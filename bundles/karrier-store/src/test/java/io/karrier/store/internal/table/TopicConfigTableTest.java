package io.karrier.store.internal.table;

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

class TopicConfigTableTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("topics.json");
    }

    @Test
    void putBumpsTheVersionOnlyOnChange() throws IOException {
        TopicConfigTable table = TopicConfigTable.open(file(), CLOCK);
        assertThat(table.dataVersion()).isEqualTo(new DataVersion(0, 1_700_000_000_000L));

        assertThat(table.put(TopicConfig.withDefaults("t"))).isTrue();
        assertThat(table.put(TopicConfig.withDefaults("t"))).isFalse();
        assertThat(table.dataVersion().counter()).isEqualTo(1);

        assertThat(table.put(new TopicConfig("t", 8, 8, 6, TopicConfig.FilterType.SINGLE_TAG, 0, true))).isTrue();
        assertThat(table.remove("t")).isTrue();
        assertThat(table.remove("t")).isFalse();
        assertThat(table.dataVersion().counter()).isEqualTo(3);
        assertThat(table.get("t")).isEmpty();
    }

    @Test
    void writesRocketMqShapedJsonAndReloadsIt() throws IOException {
        TopicConfigTable table = TopicConfigTable.open(file(), CLOCK);
        table.put(TopicConfig.withDefaults("TopicTest"));
        table.put(new TopicConfig("ordered", 4, 2, 7, TopicConfig.FilterType.MULTI_TAG, 1, true));
        table.persist();

        assertThat(file()).hasContent("{\"dataVersion\":{\"counter\":2,\"timestamp\":1700000000000},"
                + "\"topicConfigTable\":{"
                + "\"TopicTest\":{\"topicName\":\"TopicTest\",\"readQueueNums\":16,\"writeQueueNums\":16,\"perm\":6,"
                + "\"topicFilterType\":\"SINGLE_TAG\",\"topicSysFlag\":0,\"order\":false},"
                + "\"ordered\":{\"topicName\":\"ordered\",\"readQueueNums\":4,\"writeQueueNums\":2,\"perm\":7,"
                + "\"topicFilterType\":\"MULTI_TAG\",\"topicSysFlag\":1,\"order\":true}}}");
        TopicConfigTable reopened = TopicConfigTable.open(file(), Clock.systemUTC());
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

        TopicConfigTable table = TopicConfigTable.open(file(), CLOCK);

        assertThat(table.get("TBW102")).contains(
                new TopicConfig("TBW102", 8, 8, 7, TopicConfig.FilterType.SINGLE_TAG, 0, false));
        assertThat(table.dataVersion()).isEqualTo(new DataVersion(5, 42));
    }

    @Test
    void entryWhoseNameDiffersFromItsKeyDoesNotParse() throws IOException {
        Files.writeString(file(), "{\"dataVersion\":{\"counter\":1,\"timestamp\":1},"
                + "\"topicConfigTable\":{\"a\":{\"topicName\":\"b\",\"readQueueNums\":1,\"writeQueueNums\":1,"
                + "\"perm\":6,\"topicFilterType\":\"SINGLE_TAG\",\"topicSysFlag\":0,\"order\":false}}}");

        assertThatThrownBy(() -> TopicConfigTable.open(file(), CLOCK))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("topics.json");
    }

    @Test
    void truncatedMainFallsBackToBackup() throws IOException {
        TopicConfigTable table = TopicConfigTable.open(file(), CLOCK);
        table.put(TopicConfig.withDefaults("a"));
        table.persist();
        table.put(TopicConfig.withDefaults("b"));
        table.persist();
        Files.writeString(file(), "{\"dataVersion\":{\"counter\":2,");

        TopicConfigTable reopened = TopicConfigTable.open(file(), CLOCK);

        assertThat(reopened.all()).containsOnlyKeys("a");
        assertThat(reopened.dataVersion().counter()).isEqualTo(1);
    }
}
