package io.karrier.shell.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.SubscriptionData;
import io.karrier.protocol.header.OffsetResponseHeader;
import io.karrier.protocol.header.PullMessageRequestHeader;
import io.karrier.protocol.header.PullMessageResponseHeader;
import io.karrier.protocol.header.PullSysFlag;
import io.karrier.protocol.header.QueryConsumerOffsetRequestHeader;
import io.karrier.protocol.header.QueryMessageRequestHeader;
import io.karrier.protocol.header.QueueRequestHeader;
import io.karrier.protocol.header.SendMessageRequestHeader;
import io.karrier.protocol.header.SendMessageRequestHeaderV2;
import io.karrier.protocol.header.SendMessageResponseHeader;
import io.karrier.protocol.header.UpdateConsumerOffsetRequestHeader;
import io.karrier.protocol.header.ViewMessageRequestHeader;
import io.karrier.protocol.message.MalformedMessageException;
import io.karrier.protocol.message.MessageProperties;
import io.karrier.protocol.message.MessagePropertyKeys;
import io.karrier.protocol.message.OffsetMessageId;
import io.karrier.protocol.message.UniqueKeyGenerator;

/**
 * The message side of the shell's requests to the local broker: send one message, pull without
 * holding, read and commit a group's offsets, look messages up by id or key. Thread-safe.
 */
public final class MessageClient {

    /** The producer group the shell's sends name. */
    static final String PRODUCER_GROUP = "KARRIER_SHELL_PRODUCER";
    /** Queues a topic gets when a send creates it from the template topic. */
    private static final int DEFAULT_TOPIC_QUEUES = 4;
    /** Most messages QUERY_MESSAGE returns for one key. */
    private static final int MAX_QUERY_RESULTS = 32;
    private static final UniqueKeyGenerator UNIQUE_KEYS = UniqueKeyGenerator.forThisProcess(new byte[] {127, 0, 0, 1});

    private final ServerCalls broker;
    private final String brokerName;

    MessageClient(ServerCalls broker, String brokerName) {
        this.broker = broker;
        this.brokerName = brokerName;
    }

    /** What the broker said about a stored message. */
    public record SendReceipt(String msgId, String offsetMsgId, int queueId, long queueOffset) {
    }

    /** What one pull returned. */
    public record PullBatch(List<ShownMessage> messages, long nextBeginOffset, long minOffset, long maxOffset) {
    }

    /**
     * Sends one message (SEND_MESSAGE_V2) and waits until the broker has stored it.
     *
     * @param topic the topic
     * @param queueId the queue to write to
     * @param body the body
     * @param userProperties the user's properties, tags and keys included under their RocketMQ names
     */
    public SendReceipt send(String topic, int queueId, byte[] body, Map<String, String> userProperties)
            throws AdminException {
        Map<String, String> properties = new LinkedHashMap<>(userProperties);
        String msgId = UNIQUE_KEYS.next();
        properties.put(MessagePropertyKeys.UNIQ_KEY, msgId);
        properties.put(MessagePropertyKeys.WAIT, "true");
        String encoded;
        try {
            encoded = MessageProperties.format(properties);
        } catch (IllegalArgumentException e) {
            throw new AdminException("send to " + topic + ": " + e.getMessage());
        }
        SendMessageRequestHeader header = new SendMessageRequestHeader(PRODUCER_GROUP, topic, AdminClient.DEFAULT_TOPIC,
                DEFAULT_TOPIC_QUEUES, queueId, 0, System.currentTimeMillis(), 0, encoded, 0, false, false, null,
                brokerName);
        String what = "send to " + topic;
        RemotingCommand response = broker.expectSuccess(what, RequestCode.SEND_MESSAGE_V2,
                new SendMessageRequestHeaderV2(header), body);
        SendMessageResponseHeader answer = ServerCalls.header(what,
                r -> SendMessageResponseHeader.from(r.extFields()), response);
        return new SendReceipt(msgId, answer.msgId(), answer.queueId(), answer.queueOffset());
    }

    /**
     * Pulls up to {@code max} messages of every tag from one queue, without holding the request
     * and without committing an offset.
     */
    public PullBatch pull(String group, String topic, int queueId, long offset, int max) throws AdminException {
        PullMessageRequestHeader header = new PullMessageRequestHeader(group, topic, queueId, offset, max,
                PullSysFlag.SUBSCRIPTION, 0, 0, SubscriptionData.SUB_ALL, System.currentTimeMillis(),
                SubscriptionData.TAG, brokerName);
        String what = "pull " + topic + " queue " + queueId + " at " + offset;
        RemotingCommand response = broker.send(RequestCode.PULL_MESSAGE, header, null);
        int code = response.code();
        if (code != ResponseCode.SUCCESS && code != ResponseCode.PULL_NOT_FOUND
                && code != ResponseCode.PULL_RETRY_IMMEDIATELY && code != ResponseCode.PULL_OFFSET_MOVED) {
            throw AdminException.refused(what, code, response.remark());
        }
        PullMessageResponseHeader answer = ServerCalls.header(what,
                r -> PullMessageResponseHeader.from(r.extFields()), response);
        List<ShownMessage> messages = code == ResponseCode.SUCCESS ? decode(what, response) : List.of();
        return new PullBatch(messages, answer.nextBeginOffset(), answer.minOffset(), answer.maxOffset());
    }

    /** @return the group's committed offset of the queue, or empty when it has none */
    public OptionalLong consumerOffset(String group, String topic, int queueId) throws AdminException {
        String what = "offset of " + group + " in " + topic + " queue " + queueId;
        RemotingCommand response = broker.send(RequestCode.QUERY_CONSUMER_OFFSET,
                new QueryConsumerOffsetRequestHeader(group, topic, queueId, brokerName), null);
        if (response.code() == ResponseCode.QUERY_NOT_FOUND) {
            return OptionalLong.empty();
        }
        if (response.code() != ResponseCode.SUCCESS) {
            throw AdminException.refused(what, response.code(), response.remark());
        }
        return OptionalLong.of(ServerCalls.header(what, r -> OffsetResponseHeader.from(r.extFields()), response)
                .offset());
    }

    /** Commits the group's offset of the queue (UPDATE_CONSUMER_OFFSET). */
    public void commitOffset(String group, String topic, int queueId, long offset) throws AdminException {
        broker.expectSuccess("commit offset of " + group + " in " + topic + " queue " + queueId,
                RequestCode.UPDATE_CONSUMER_OFFSET,
                new UpdateConsumerOffsetRequestHeader(group, topic, queueId, offset, brokerName), null);
    }

    /** @return the queue's smallest offset */
    public long minOffset(String topic, int queueId) throws AdminException {
        return offset("min offset", RequestCode.GET_MIN_OFFSET, topic, queueId);
    }

    /** @return the queue's next offset to be written */
    public long maxOffset(String topic, int queueId) throws AdminException {
        return offset("max offset", RequestCode.GET_MAX_OFFSET, topic, queueId);
    }

    /**
     * @param offsetMsgId an offset message id (32 or 56 hex characters)
     * @return the message stored there (VIEW_MESSAGE_BY_ID)
     */
    public ShownMessage view(String offsetMsgId) throws AdminException {
        OffsetMessageId id;
        try {
            id = OffsetMessageId.parse(offsetMsgId);
        } catch (MalformedMessageException e) {
            throw new AdminException("not an offset message id: " + e.getMessage());
        }
        String what = "view message " + offsetMsgId;
        RemotingCommand response = broker.expectSuccess(what, RequestCode.VIEW_MESSAGE_BY_ID,
                new ViewMessageRequestHeader(id.commitLogOffset()), null);
        List<ShownMessage> messages = decode(what, response);
        if (messages.isEmpty()) {
            throw new AdminException(ResponseCode.QUERY_NOT_FOUND, what + ": no message stored there");
        }
        return messages.get(0);
    }

    /**
     * @param topic the topic
     * @param key a key the producer set, or a unique message id when {@code uniqueKey}
     * @param uniqueKey whether {@code key} is a unique id (UNIQ_KEY) rather than a user key
     * @return the matching messages (QUERY_MESSAGE), possibly none
     */
    public List<ShownMessage> query(String topic, String key, boolean uniqueKey) throws AdminException {
        String what = "query " + topic + " for " + key;
        RemotingCommand response = broker.send(RequestCode.QUERY_MESSAGE, new QueryMessageRequestHeader(topic, key,
                MAX_QUERY_RESULTS, 0, Long.MAX_VALUE, uniqueKey), null);
        if (response.code() == ResponseCode.QUERY_NOT_FOUND) {
            return List.of();
        }
        if (response.code() != ResponseCode.SUCCESS) {
            throw AdminException.refused(what, response.code(), response.remark());
        }
        return decode(what, response);
    }

    private long offset(String name, int code, String topic, int queueId) throws AdminException {
        String what = name + " of " + topic + " queue " + queueId;
        RemotingCommand response = broker.expectSuccess(what, code, new QueueRequestHeader(topic, queueId, brokerName),
                null);
        return ServerCalls.header(what, r -> OffsetResponseHeader.from(r.extFields()), response).offset();
    }

    private static List<ShownMessage> decode(String what, RemotingCommand response) throws AdminException {
        try {
            return ShownMessage.decodeAll(response.bodyBytes());
        } catch (MalformedMessageException e) {
            throw new AdminException(what + ": unreadable record: " + e.getMessage());
        }
    }
}
