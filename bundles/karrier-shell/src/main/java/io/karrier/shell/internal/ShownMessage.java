package io.karrier.shell.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.karrier.protocol.message.MessagePropertyKeys;
import io.karrier.protocol.message.StoredMessageDecoder;
import io.karrier.protocol.message.StoredMessageView;

/**
 * A stored message as the shell shows it, copied out of the response that carried it.
 *
 * @param topic the topic
 * @param queueId the queue
 * @param queueOffset its offset in the queue
 * @param offsetMsgId the offset message id (store host and commit-log offset)
 * @param properties the message properties (UNIQ_KEY, TAGS, KEYS and the user's)
 * @param bornTimestamp when the producer made it, epoch millis
 * @param storeTimestamp when the broker stored it, epoch millis
 * @param reconsumeTimes how often it was redelivered
 * @param bornHost the producer's address
 * @param body the body as the producer sent it (inflated when it was stored compressed)
 */
public record ShownMessage(String topic, int queueId, long queueOffset, String offsetMsgId,
        Map<String, String> properties, long bornTimestamp, long storeTimestamp, int reconsumeTimes,
        String bornHost, byte[] body) {

    /** Largest inflated body accepted; RocketMQ's own limit on a message body. */
    private static final int MAX_BODY = 4 * 1024 * 1024;

    /** @return the client's unique id (UNIQ_KEY), else the offset message id */
    public String msgId() {
        String unique = properties.get(MessagePropertyKeys.UNIQ_KEY);
        return unique == null ? offsetMsgId : unique;
    }

    /** @return the tags, or {@code ""} */
    public String tags() {
        return properties.getOrDefault(MessagePropertyKeys.TAGS, "");
    }

    /** @return the keys (space separated), or {@code ""} */
    public String keys() {
        return properties.getOrDefault(MessagePropertyKeys.KEYS, "");
    }

    /**
     * @param records stored records one after another, as PULL_MESSAGE, QUERY_MESSAGE and
     *        VIEW_MESSAGE_BY_ID answer
     * @return the messages, in order
     * @throws io.karrier.protocol.message.MalformedMessageException when a record is corrupt
     */
    static List<ShownMessage> decodeAll(byte[] records) {
        List<ShownMessage> messages = new ArrayList<>();
        if (records == null) {
            return messages;
        }
        for (StoredMessageView view : StoredMessageDecoder.decodeAll(ByteBuffer.wrap(records))) {
            messages.add(new ShownMessage(view.topic(), view.queueId(), view.queueOffset(),
                    view.offsetMessageId().encode(), view.properties(), view.bornTimestamp(), view.storeTimestamp(),
                    view.reconsumeTimes(), view.bornHost().toString(), view.uncompressedBody(MAX_BODY)));
        }
        return messages;
    }
}
