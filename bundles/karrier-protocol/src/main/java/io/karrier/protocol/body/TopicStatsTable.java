package io.karrier.protocol.body;

import java.util.Map;

/**
 * The response body of GET_TOPIC_STATS_INFO (202). The map is keyed by MessageQueue and written
 * with object keys, as the client needs (REMOTING.md §3.4, §11 item 11).
 *
 * @param offsetTable queue to offsets; never {@code null}
 */
public record TopicStatsTable(Map<MessageQueue, TopicOffset> offsetTable) {

    public TopicStatsTable {
        offsetTable = Copies.map(offsetTable);
    }
}
