package io.karrier.protocol.body;

import java.util.Map;

/**
 * The response body of GET_CONSUME_STATS (208), which mqadmin consumerProgress prints. The map is
 * keyed by MessageQueue and written with object keys (REMOTING.md §3.4, §11 item 11).
 *
 * @param consumeTps the group's recent consume rate
 * @param offsetTable queue to offsets; never {@code null}
 */
public record ConsumeStats(double consumeTps, Map<MessageQueue, OffsetWrapper> offsetTable) {

    public ConsumeStats {
        offsetTable = Copies.map(offsetTable);
    }
}
