package io.karrier.broker.internal.send;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.ProcessorFamily;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.api.store.AppendRequest;
import io.karrier.api.store.AppendResult;
import io.karrier.api.store.AppendStatus;
import io.karrier.api.store.MessageStore;
import io.karrier.broker.internal.BrokerSettings;
import io.karrier.broker.internal.stats.MessageCounter;
import io.karrier.broker.internal.topic.Permission;
import io.karrier.broker.internal.topic.TopicConfigs;
import io.karrier.broker.internal.topic.TopicNames;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.TopicConfig;
import io.karrier.protocol.body.TopicFilterType;
import io.karrier.protocol.header.SendMessageRequestHeader;
import io.karrier.protocol.header.SendMessageRequestHeaderV2;
import io.karrier.protocol.message.BatchBodyCodec;
import io.karrier.protocol.message.BatchItem;
import io.karrier.protocol.message.MalformedMessageException;
import io.karrier.protocol.message.MessageProperties;
import io.karrier.protocol.message.MessagePropertyKeys;
import io.karrier.protocol.message.MessageSysFlag;

/**
 * SEND_MESSAGE, SEND_MESSAGE_V2 and SEND_BATCH_MESSAGE, checked and answered as RocketMQ 4.9.7's
 * SendMessageProcessor does (same codes and remarks, so the official client's retry logic does the
 * right thing). The answer is written when the store's append completes, at the durability the flush
 * strategy in force promises; no thread waits for it.
 *
 * <p>Not yet here (each is its own bundle to come): transactional half messages are refused with
 * NO_PERMISSION, as a RocketMQ broker with rejectTransactionMessage does; sends to a retry topic are
 * stored as sent, without the retry/DLQ bookkeeping.
 */
public final class SendProcessor implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(SendProcessor.class);
    private static final String REGION = "DefaultRegion";

    private final BrokerSettings settings;
    private final MessageStore store;
    private final TopicConfigs topics;
    private final InetSocketAddress storeHost;
    private final MessageCounter stored;

    /** @param stored counts the messages stored */
    public SendProcessor(BrokerSettings settings, MessageStore store, TopicConfigs topics, MessageCounter stored) {
        this.settings = settings;
        this.store = store;
        this.topics = topics;
        this.stored = stored;
        this.storeHost = new InetSocketAddress(settings.brokerIP(), settings.listenPort());
    }

    @Override
    public ProcessorFamily family() {
        return ProcessorFamily.SEND;
    }

    @Override
    public CompletionStage<RemotingCommand> process(ClientChannel channel, RemotingCommand request) {
        SendMessageRequestHeader header = request.code() == RequestCode.SEND_MESSAGE
                ? SendMessageRequestHeader.from(request.extFields())
                : SendMessageRequestHeaderV2.from(request.extFields()).v1();
        TopicConfig topic;
        try {
            Checked checked = check(header, channel);
            if (checked.refusal != null) {
                return CompletableFuture.completedFuture(checked.refusal);
            }
            topic = checked.topic;
        } catch (IOException e) {
            LOG.error("Topic {} could not be created for {}", header.topic(), channel.remoteAddress(), e);
            return completed(ResponseCode.SYSTEM_ERROR, "topic config not saved: " + e.getMessage());
        }
        byte[] body = request.bodyBytes();
        if (body == null) {
            body = new byte[0];
        }
        if (body.length > settings.maxMessageSize()) {
            return completed(ResponseCode.MESSAGE_ILLEGAL, illegalMessageRemark());
        }
        int queueId = header.queueId() < 0
                ? ThreadLocalRandom.current().nextInt(Math.max(1, topic.writeQueueNums()))
                : header.queueId();
        int sysFlag = header.sysFlag();
        if (topic.topicFilterType() == TopicFilterType.MULTI_TAG) {
            sysFlag |= MessageSysFlag.MULTI_TAGS;
        }
        Map<String, String> properties = MessageProperties.parse(header.properties());
        if (Boolean.parseBoolean(properties.get(MessagePropertyKeys.TRAN_MSG))
                || MessageSysFlag.transactionType(sysFlag) == MessageSysFlag.TRANSACTION_PREPARED_TYPE) {
            return completed(ResponseCode.NO_PERMISSION,
                    "the broker[" + settings.brokerIP() + "] sending transaction message is forbidden");
        }
        // Not stored: WAIT only tells this broker whether to wait for the store, which it always does.
        properties.remove(MessagePropertyKeys.WAIT);
        properties.put(MessagePropertyKeys.CLUSTER, settings.clusterName());
        String storedProperties = MessageProperties.format(properties);
        int reconsumeTimes = header.reconsumeTimes() == null ? 0 : header.reconsumeTimes();

        CompletionStage<AppendResult> appended;
        int messages = 1;
        if (request.code() == RequestCode.SEND_BATCH_MESSAGE) {
            Optional<RemotingCommand> refusal = batchRefusal(header, properties);
            if (refusal.isPresent()) {
                return CompletableFuture.completedFuture(refusal.get());
            }
            List<BatchItem> items;
            try {
                items = BatchBodyCodec.decode(ByteBuffer.wrap(body));
            } catch (MalformedMessageException e) {
                return completed(ResponseCode.MESSAGE_ILLEGAL, "the batch body is malformed: " + e.getMessage());
            }
            List<AppendRequest> appends = new ArrayList<>(items.size());
            for (BatchItem item : items) {
                appends.add(new AppendRequest(header.topic(), queueId, item.flag(), item.body(),
                        MessageProperties.concat(item.properties(), storedProperties), sysFlag, header.bornTimestamp(),
                        channel.remoteAddress(), storeHost, reconsumeTimes, 0));
            }
            appended = store.appendBatch(appends);
            messages = appends.size();
        } else {
            appended = store.append(new AppendRequest(header.topic(), queueId, header.flag(), ByteBuffer.wrap(body),
                    storedProperties, sysFlag, header.bornTimestamp(), channel.remoteAddress(), storeHost,
                    reconsumeTimes, 0));
        }
        int chosenQueue = queueId;
        int appendedMessages = messages;
        return appended.handle((result, failure) -> {
            if (failure != null) {
                LOG.error("Append to {}-{} failed", header.topic(), chosenQueue, failure);
                return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "store failed: " + failure);
            }
            if (result.status() == AppendStatus.PUT_OK) {
                stored.add(appendedMessages);
            }
            return SendResponses.of(result, chosenQueue, storeHost, illegalMessageRemark())
                    .putExtField(SendResponses.MSG_REGION, REGION)
                    .putExtField(SendResponses.TRACE_ON, "true");
        });
    }

    /** The topic to store into, or the answer that refuses the send (AbstractSendMessageProcessor.msgCheck). */
    private Checked check(SendMessageRequestHeader header, ClientChannel channel) throws IOException {
        String topicName = header.topic();
        Optional<String> problem = TopicNames.problem(topicName);
        if (problem.isPresent()) {
            return Checked.refused(ResponseCode.SYSTEM_ERROR, problem.get());
        }
        if (TopicNames.isNotAllowedSend(topicName)) {
            return Checked.refused(ResponseCode.NO_PERMISSION, "Sending message to topic[" + topicName + "] is forbidden.");
        }
        String producer = String.valueOf(channel.remoteAddress());
        Optional<TopicConfig> topic = topics.findOrCreateOnSend(topicName, header.defaultTopic(),
                header.defaultTopicQueueNums(), 0, producer);
        if (topic.isEmpty() && topicName.startsWith(TopicNames.RETRY_GROUP_TOPIC_PREFIX)) {
            topic = Optional.of(topics.findOrCreate(topicName, 1, Permission.READ | Permission.WRITE, 0));
        }
        if (topic.isEmpty()) {
            return Checked.refused(ResponseCode.TOPIC_NOT_EXIST, "topic[" + topicName
                    + "] not exist, apply first please! \nSee http://rocketmq.apache.org/docs/faq/ for further details.");
        }
        if (!Permission.writeable(topic.get().perm())) {
            return Checked.refused(ResponseCode.NO_PERMISSION,
                    "the topic[" + topicName + "] sending message is forbidden");
        }
        int validIds = Math.max(topic.get().writeQueueNums(), topic.get().readQueueNums());
        if (header.queueId() >= validIds) {
            return Checked.refused(ResponseCode.SYSTEM_ERROR, String.format("request queueId[%d] is illegal, %s Producer: %s",
                    header.queueId(), topic.get(), producer));
        }
        return new Checked(topic.get(), null);
    }

    private static Optional<RemotingCommand> batchRefusal(SendMessageRequestHeader header, Map<String, String> properties) {
        if (header.topic().length() > Byte.MAX_VALUE) {
            return Optional.of(RemotingCommand.response(ResponseCode.MESSAGE_ILLEGAL,
                    "message topic length too long " + header.topic().length()));
        }
        if (header.topic().startsWith(TopicNames.RETRY_GROUP_TOPIC_PREFIX)) {
            return Optional.of(RemotingCommand.response(ResponseCode.MESSAGE_ILLEGAL,
                    "batch request does not support retry group " + header.topic()));
        }
        if (properties.containsKey(MessagePropertyKeys.DELAY)) {
            return Optional.of(RemotingCommand.response(ResponseCode.MESSAGE_ILLEGAL,
                    "batch message does not support delay level"));
        }
        return Optional.empty();
    }

    private String illegalMessageRemark() {
        return String.format("the message is illegal, maybe msg body or properties length not matched. msg body "
                + "length limit %dB, msg properties length limit 32KB.", settings.maxMessageSize());
    }

    private static CompletableFuture<RemotingCommand> completed(int code, String remark) {
        return CompletableFuture.completedFuture(RemotingCommand.response(code, remark));
    }

    /** Either the topic a send goes to or the answer refusing it. */
    private record Checked(TopicConfig topic, RemotingCommand refusal) {
        static Checked refused(int code, String remark) {
            return new Checked(null, RemotingCommand.response(code, remark));
        }
    }
}
