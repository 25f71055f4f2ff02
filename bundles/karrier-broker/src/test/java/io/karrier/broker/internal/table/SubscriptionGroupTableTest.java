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
import io.karrier.protocol.body.SubscriptionGroupConfig;
import io.karrier.store.internal.table.DocumentDirectory;

class SubscriptionGroupTableTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private DocumentDirectory documents() {
        return new DocumentDirectory(dir.resolve("config"));
    }

    private Path file() throws IOException {
        return Files.createDirectories(dir.resolve("config")).resolve("subscriptionGroup.json");
    }

    @Test
    void changesBumpTheVersionOnlyWhenTheyChangeSomething() throws IOException {
        SubscriptionGroupTable table = SubscriptionGroupTable.open(documents(), CLOCK);

        assertThat(table.put(SubscriptionGroupConfig.of("g"))).isTrue();
        assertThat(table.put(SubscriptionGroupConfig.of("g"))).isFalse();
        assertThat(table.putIfAbsent(new SubscriptionGroupConfig(0, true, true, true, "g", false, 3, 1, 1)))
                .isEqualTo(SubscriptionGroupConfig.of("g"));
        assertThat(table.remove("g")).isTrue();
        assertThat(table.remove("g")).isFalse();

        assertThat(table.snapshot().dataVersion()).isEqualTo(new DataVersion(2, 1_700_000_000_000L));
        assertThat(table.size()).isZero();
    }

    @Test
    void writesRocketMqShapedJsonAndReloadsIt() throws IOException {
        SubscriptionGroupTable table = SubscriptionGroupTable.open(documents(), CLOCK);
        table.put(SubscriptionGroupConfig.of("g"));
        table.persist();

        assertThat(file()).hasContent("{\"dataVersion\":{\"counter\":1,\"timestamp\":1700000000000},"
                + "\"subscriptionGroupTable\":{\"g\":{\"brokerId\":0,\"consumeBroadcastEnable\":true,"
                + "\"consumeEnable\":true,\"consumeFromMinEnable\":true,\"groupName\":\"g\","
                + "\"notifyConsumerIdsChangedEnable\":true,\"retryMaxTimes\":16,\"retryQueueNums\":1,"
                + "\"whichBrokerWhenConsumeSlowly\":1}}}");
        SubscriptionGroupTable reopened = SubscriptionGroupTable.open(documents(), CLOCK);
        assertThat(reopened.snapshot()).isEqualTo(table.snapshot());
        assertThat(reopened.persist()).as("nothing changed since the load").isFalse();
    }

    @Test
    void readsRocketMqsOwnFileWithMissingAndUnknownProperties() throws IOException {
        Files.writeString(file(), """
                {
                	"dataVersion":{"counter":7,"stateVersion":0,"timestamp":1600000000000},
                	"subscriptionGroupTable":{
                		"orders":{"groupName":"orders","consumeEnable":false,"retryMaxTimes":3,"groupRetryPolicy":{}}
                	}
                }""");

        SubscriptionGroupTable table = SubscriptionGroupTable.open(documents(), CLOCK);

        assertThat(table.get("orders")).contains(new SubscriptionGroupConfig(0, true, false, true, "orders", true, 3,
                1, 1));
        assertThat(table.snapshot().dataVersion()).isEqualTo(new DataVersion(7, 1_600_000_000_000L));
    }

    @Test
    void refusesAFileWhoseKeyAndGroupDisagree() throws IOException {
        Files.writeString(file(), "{\"subscriptionGroupTable\":{\"a\":{\"groupName\":\"b\"}}}");

        assertThatThrownBy(() -> SubscriptionGroupTable.open(documents(), CLOCK)).isInstanceOf(IOException.class);
    }
}
