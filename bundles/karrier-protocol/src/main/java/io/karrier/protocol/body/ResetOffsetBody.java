package io.karrier.protocol.body;

import java.util.Map;

/**
 * The body of RESET_CONSUMER_CLIENT_OFFSET (220) to a client and of the INVOKE_BROKER_TO_RESET_OFFSET
 * (222) response: queue to the new offset, written with object keys (REMOTING.md §3.4).
 *
 * @param offsetTable queue to offset; never {@code null}
 */
public record ResetOffsetBody(Map<MessageQueue, Long> offsetTable) {

    public ResetOffsetBody {
        offsetTable = Copies.map(offsetTable);
    }
}
