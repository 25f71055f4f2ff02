package io.karrier.broker.internal.admin;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.ProcessorFamily;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.api.store.GetResult;
import io.karrier.api.store.MessageFilter;
import io.karrier.api.store.MessageStore;
import io.karrier.broker.internal.client.ConsumerRegistry;
import io.karrier.broker.internal.offset.ConsumerOffsets;
import io.karrier.broker.internal.stats.TrafficStats;
import io.karrier.broker.internal.topic.TopicConfigs;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.ConsumeStats;
import io.karrier.protocol.body.MessageQueue;
import io.karrier.protocol.body.OffsetWrapper;
import io.karrier.protocol.body.RemotingJson;
import io.karrier.protocol.body.TopicConfig;
import io.karrier.protocol.body.TopicOffset;
import io.karrier.protocol.body.TopicStatsTable;
import io.karrier.protocol.header.GetConsumeStatsRequestHeader;
import io.karrier.protocol.header.TopicRequestHeader;
import io.karrier.protocol.message.StoredMessageLayout;

/**
 * GET_TOPIC_STATS_INFO (202, mqadmin topicStatus) and GET_CONSUME_STATS (208, consumerProgress),
 * answered per queue as RocketMQ 4.9.7's AdminBrokerProcessor does: a topic's write queues with their
 * min and max offsets and the store time of their last message; a group's read queues with the
 * queue's max offset, the group's committed offset and the store time of the last message it
 * consumed, and the messages per second the group pulled over the last minute.
 */
public final class QueueStatsProcessor implements RequestProcessor {

    private final String brokerName;
    private final MessageStore store;
    private final TopicConfigs topics;
    private final ConsumerOffsets offsets;
    private final ConsumerRegistry consumers;
    private final TrafficStats traffic;

    /**
     * @param consumers the connected consumer groups and their subscriptions
     * @param traffic the groups' pull rates
     */
    public QueueStatsProcessor(String brokerName, MessageStore store, TopicConfigs topics, ConsumerOffsets offsets,
            ConsumerRegistry consumers, TrafficStats traffic) {
        this.brokerName = brokerName;
        this.store = store;
        this.topics = topics;
        this.offsets = offsets;
        this.consumers = consumers;
        this.traffic = traffic;
    }

    @Override
    public ProcessorFamily family() {
        return ProcessorFamily.ADMIN;
    }

    @Override
    public CompletionStage<RemotingCommand> process(ClientChannel channel, RemotingCommand request) {
        return CompletableFuture.completedFuture(switch (request.code()) {
            case RequestCode.GET_TOPIC_STATS_INFO -> topicStats(TopicRequestHeader.from(request.extFields()).topic());
            case RequestCode.GET_CONSUME_STATS -> consumeStats(GetConsumeStatsRequestHeader.from(request.extFields()));
            default -> RemotingCommand.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    "request code " + request.code() + " not supported");
        });
    }

    private RemotingCommand topicStats(String topicName) {
        Optional<TopicConfig> topic = topics.find(topicName);
        if (topic.isEmpty()) {
            return RemotingCommand.response(ResponseCode.TOPIC_NOT_EXIST, "topic[" + topicName + "] not exist");
        }
        Map<MessageQueue, TopicOffset> table = new HashMap<>();
        for (int queueId = 0; queueId < topic.get().writeQueueNums(); queueId++) {
            long min = Math.max(0, store.minOffset(topicName, queueId));
            long max = Math.max(0, store.maxOffset(topicName, queueId));
            long lastUpdate = max > 0 ? storeTime(topicName, queueId, max - 1) : 0;
            table.put(MessageQueue.of(topicName, brokerName, queueId), new TopicOffset(lastUpdate, max, min));
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null)
                .body(RemotingJson.encode(new TopicStatsTable(table)));
    }

    private RemotingCommand consumeStats(GetConsumeStatsRequestHeader header) {
        String group = header.consumerGroup();
        Set<String> topicNames = header.topic() == null || header.topic().isBlank() ? offsets.topics(group)
                : Set.of(header.topic());
        Map<MessageQueue, OffsetWrapper> table = new HashMap<>();
        double consumeTps = 0;
        for (String topicName : topicNames) {
            Optional<TopicConfig> topic = topics.find(topicName);
            // As RocketMQ: skip topics gone, and topics a connected group no longer subscribes to.
            if (topic.isEmpty() || unsubscribed(group, topicName)) {
                continue;
            }
            for (int queueId = 0; queueId < topic.get().readQueueNums(); queueId++) {
                long brokerOffset = Math.max(0, store.maxOffset(topicName, queueId));
                long consumerOffset = Math.max(0, offsets.find(group, topicName, queueId).orElse(0));
                long lastTimestamp = consumerOffset > 0 ? storeTime(topicName, queueId, consumerOffset - 1) : 0;
                table.put(MessageQueue.of(topicName, brokerName, queueId),
                        new OffsetWrapper(brokerOffset, consumerOffset, lastTimestamp));
            }
            consumeTps += traffic.consumeTps(group, topicName);
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null)
                .body(RemotingJson.encode(new ConsumeStats(consumeTps, table)));
    }

    private boolean unsubscribed(String group, String topic) {
        return consumers.connection(group).isPresent() && consumers.find(group, topic).isEmpty();
    }

    /** @return the store time of the message at the queue offset, or 0 when it is no longer stored */
    private long storeTime(String topic, int queueId, long offset) {
        try (GetResult result = store.get(topic, queueId, offset, 1, 1, MessageFilter.ALL)) {
            if (result.records().records().isEmpty()) {
                return 0;
            }
            ByteBuffer record = result.records().records().get(0);
            int sysFlag = record.getInt(record.position() + StoredMessageLayout.SYS_FLAG_OFFSET);
            return record.getLong(record.position() + StoredMessageLayout.storeTimestampOffset(sysFlag));
        }
    }
}
