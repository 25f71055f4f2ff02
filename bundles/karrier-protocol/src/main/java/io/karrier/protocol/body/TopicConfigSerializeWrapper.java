package io.karrier.protocol.body;

import java.util.Map;

/**
 * A broker's topic table with its version, the heart of broker registration (REMOTING.md §5.2).
 *
 * @param dataVersion the table's version; an absent one reads as counter 0, timestamp 0
 * @param topicConfigTable topic name to config; never {@code null}
 */
public record TopicConfigSerializeWrapper(DataVersion dataVersion, Map<String, TopicConfig> topicConfigTable) {

    public TopicConfigSerializeWrapper {
        topicConfigTable = Copies.map(topicConfigTable);
        if (dataVersion == null) {
            dataVersion = new DataVersion(0, 0);
        }
    }
}
