package io.karrier.api.store;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One message to append, with the fields of RocketMQ's stored record that the sender decides. The
 * store fills in the queue offset, physical offset, store time and body CRC.
 *
 * @param topic the topic, at most 127 bytes of UTF-8
 * @param queueId the logical queue
 * @param flag the user's message flag
 * @param body the body as sent (possibly compressed); its remaining bytes are stored
 * @param properties the properties string (RocketMQ's {@code \u0001}/{@code \u0002} format), may be empty
 * @param sysFlag MessageSysFlag bits as sent
 * @param bornTimestamp the producer's clock, ms
 * @param bornHost the producer's address
 * @param storeHost the broker's advertised address, stored so offset message ids point back at it
 * @param reconsumeTimes how often the message was consumed and sent back
 * @param preparedTransactionOffset for a committed transactional message, the half message's
 *        commit-log offset; otherwise 0
 */
public record AppendRequest(String topic, int queueId, int flag, ByteBuffer body, String properties, int sysFlag,
        long bornTimestamp, InetSocketAddress bornHost, InetSocketAddress storeHost, int reconsumeTimes,
        long preparedTransactionOffset) {

    public AppendRequest {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(bornHost, "bornHost");
        Objects.requireNonNull(storeHost, "storeHost");
    }
}
