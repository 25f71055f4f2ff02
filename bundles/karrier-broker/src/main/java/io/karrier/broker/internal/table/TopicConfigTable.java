package io.karrier.broker.internal.table;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

import io.karrier.api.store.DurableDocuments;
import io.karrier.protocol.body.DataVersion;
import io.karrier.protocol.body.TopicConfig;
import io.karrier.protocol.body.TopicConfigSerializeWrapper;

/**
 * Topic name → {@link TopicConfig}, with a {@link DataVersion} bumped on every change. Document
 * {@value #DOCUMENT}, as RocketMQ's TopicConfigManager writes {@code topics.json}:
 * {@code {"dataVersion":{"counter":3,"timestamp":1700000000000},"topicConfigTable":{"t":{"topicName":"t",
 * "readQueueNums":16,"writeQueueNums":16,"perm":6,"topicFilterType":"SINGLE_TAG","topicSysFlag":0,"order":false}}}}.
 * Changes are rare (admin commands, auto-create); see {@link VersionedTable} for thread-safety.
 */
public final class TopicConfigTable extends VersionedTable<TopicConfig, TopicConfigSerializeWrapper> {

    /** The document's name. */
    public static final String DOCUMENT = "topics.json";

    private TopicConfigTable(DurableDocuments documents, Clock clock) {
        super(documents, DOCUMENT, TopicConfigSerializeWrapper.class, clock);
    }

    /** Opens the table, loading its current or previous copy; throws if a copy exists but none parses. */
    public static TopicConfigTable open(DurableDocuments documents, Clock clock) throws IOException {
        TopicConfigTable table = new TopicConfigTable(documents, clock);
        table.load();
        return table;
    }

    @Override
    protected String nameOf(TopicConfig entry) {
        return entry.topicName();
    }

    @Override
    protected TopicConfigSerializeWrapper document(DataVersion version, Map<String, TopicConfig> entries) {
        return new TopicConfigSerializeWrapper(version, entries);
    }

    @Override
    protected DataVersion versionOf(TopicConfigSerializeWrapper document) {
        return document.dataVersion();
    }

    @Override
    protected Map<String, TopicConfig> entriesOf(TopicConfigSerializeWrapper document) {
        return document.topicConfigTable();
    }
}
