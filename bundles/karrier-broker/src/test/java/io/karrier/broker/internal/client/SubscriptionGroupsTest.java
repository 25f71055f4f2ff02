package io.karrier.broker.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.broker.internal.TestClock;
import io.karrier.protocol.body.SubscriptionGroupConfig;
import io.karrier.store.internal.table.DocumentDirectory;

class SubscriptionGroupsTest {

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock();

    private SubscriptionGroups open(boolean autoCreate, int maxGroups) throws IOException {
        return SubscriptionGroups.open(new DocumentDirectory(dir), new ClientSettings(autoCreate, true,
                Duration.ofSeconds(120), Duration.ofSeconds(60), 10, 10, maxGroups, 10), clock);
    }

    @Test
    void hasRocketMqsBuiltInGroupsAndAutoCreatesWithItsDefaults() throws IOException {
        SubscriptionGroups groups = open(true, 100);

        assertThat(groups.find("TOOLS_CONSUMER")).contains(SubscriptionGroupConfig.of("TOOLS_CONSUMER"));
        assertThat(groups.find("g")).isEmpty();
        assertThat(groups.findOrAutoCreate("g")).contains(SubscriptionGroupConfig.of("g"));
        assertThat(groups.find("g")).contains(SubscriptionGroupConfig.of("g"));
    }

    @Test
    void withoutAutoCreateOnlySystemGroupsAreCreated() throws IOException {
        SubscriptionGroups groups = open(false, 100);

        assertThat(groups.findOrAutoCreate("g")).isEmpty();
        assertThat(groups.findOrAutoCreate("CID_RMQ_SYS_TRANS")).isPresent();
    }

    @Test
    void adminChangesAreWrittenAtOnceAndKeptAcrossRestarts() throws IOException {
        SubscriptionGroups groups = open(true, 100);
        SubscriptionGroupConfig quiet = new SubscriptionGroupConfig(0, true, true, true, "g", false, 3, 2, 1);

        assertThat(groups.createOrUpdate(quiet)).isTrue();
        groups.createOrUpdate(new SubscriptionGroupConfig(0, false, true, true, "TOOLS_CONSUMER", true, 16, 1, 1));
        groups.delete("CID_ONSAPI_OWNER");

        SubscriptionGroups reopened = open(true, 100);
        assertThat(reopened.find("g")).contains(quiet);
        assertThat(reopened.find("TOOLS_CONSUMER").orElseThrow().consumeBroadcastEnable())
                .as("an administrator's change to a built-in group stays").isFalse();
        assertThat(reopened.find("CID_ONSAPI_OWNER")).as("a deleted built-in group comes back at start")
                .isPresent();
    }

    @Test
    void theLimitStopsNewGroupsNotChangesToKnownOnes() throws IOException {
        SubscriptionGroups groups = open(true, 8); // 7 built-in groups

        assertThat(groups.findOrAutoCreate("g")).isPresent();
        assertThat(groups.findOrAutoCreate("h")).isEmpty();
        assertThat(groups.createOrUpdate(SubscriptionGroupConfig.of("h"))).isFalse();
        assertThat(groups.createOrUpdate(new SubscriptionGroupConfig(0, true, true, true, "g", false, 3, 1, 1)))
                .isTrue();
        assertThat(groups.find("h")).isEmpty();
    }
}
