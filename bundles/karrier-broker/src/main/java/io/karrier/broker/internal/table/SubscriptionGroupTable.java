package io.karrier.broker.internal.table;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

import io.karrier.api.store.DurableDocuments;
import io.karrier.protocol.body.DataVersion;
import io.karrier.protocol.body.SubscriptionGroupConfig;
import io.karrier.protocol.body.SubscriptionGroupWrapper;

/**
 * Consumer group name → {@link SubscriptionGroupConfig}, with a {@link DataVersion} bumped on every
 * change. Document {@value #DOCUMENT}, as RocketMQ's SubscriptionGroupManager writes it:
 * {@code {"dataVersion":{"counter":2,"timestamp":1700000000000},"subscriptionGroupTable":{"g":{"brokerId":0,
 * "consumeBroadcastEnable":true,"consumeEnable":true,"consumeFromMinEnable":true,"groupName":"g",
 * "notifyConsumerIdsChangedEnable":true,"retryMaxTimes":16,"retryQueueNums":1,"whichBrokerWhenConsumeSlowly":1}}}}.
 * See {@link VersionedTable} for thread-safety.
 */
public final class SubscriptionGroupTable extends VersionedTable<SubscriptionGroupConfig, SubscriptionGroupWrapper> {

    /** The document's name. */
    public static final String DOCUMENT = "subscriptionGroup.json";

    private SubscriptionGroupTable(DurableDocuments documents, Clock clock) {
        super(documents, DOCUMENT, SubscriptionGroupWrapper.class, clock);
    }

    /** Opens the table, loading its current or previous copy; throws if a copy exists but none parses. */
    public static SubscriptionGroupTable open(DurableDocuments documents, Clock clock) throws IOException {
        SubscriptionGroupTable table = new SubscriptionGroupTable(documents, clock);
        table.load();
        return table;
    }

    @Override
    protected String nameOf(SubscriptionGroupConfig entry) {
        return entry.groupName();
    }

    @Override
    protected SubscriptionGroupWrapper document(DataVersion version, Map<String, SubscriptionGroupConfig> entries) {
        return new SubscriptionGroupWrapper(version, entries);
    }

    @Override
    protected DataVersion versionOf(SubscriptionGroupWrapper document) {
        return document.dataVersion();
    }

    @Override
    protected Map<String, SubscriptionGroupConfig> entriesOf(SubscriptionGroupWrapper document) {
        return document.subscriptionGroupTable();
    }
}
