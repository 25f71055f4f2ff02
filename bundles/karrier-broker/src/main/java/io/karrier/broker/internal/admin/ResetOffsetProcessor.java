package io.karrier.broker.internal.admin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.ProcessorFamily;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.api.store.MessageStore;
import io.karrier.broker.internal.client.ConsumerRegistry;
import io.karrier.broker.internal.offset.ConsumerOffsets;
import io.karrier.broker.internal.topic.TopicConfigs;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.MessageQueue;
import io.karrier.protocol.body.RemotingJson;
import io.karrier.protocol.body.ResetOffsetBody;
import io.karrier.protocol.body.TopicConfig;
import io.karrier.protocol.header.ResetOffsetRequestHeader;

/**
 * INVOKE_BROKER_TO_RESET_OFFSET (222, mqadmin resetOffsetByTime): for each write queue of the topic,
 * the offset of the message stored at the timestamp (-1: the queue's end), kept only if it goes back
 * (or if forced), as RocketMQ 4.9.7's Broker2Client.resetOffset computes it. Those offsets are
 * committed here and sent to every connected client of the group (RESET_CONSUMER_CLIENT_OFFSET 220,
 * oneway), which drops what it holds and pulls from there. With no client connected the answer is
 * CONSUMER_NOT_ONLINE and nothing changes; mqadmin then falls back to committing offsets itself.
 */
public final class ResetOffsetProcessor implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(ResetOffsetProcessor.class);

    private final String brokerName;
    private final MessageStore store;
    private final TopicConfigs topics;
    private final ConsumerOffsets offsets;
    private final ConsumerRegistry consumers;

    public ResetOffsetProcessor(String brokerName, MessageStore store, TopicConfigs topics, ConsumerOffsets offsets,
            ConsumerRegistry consumers) {
        this.brokerName = brokerName;
        this.store = store;
        this.topics = topics;
        this.offsets = offsets;
        this.consumers = consumers;
    }

    @Override
    public ProcessorFamily family() {
        return ProcessorFamily.ADMIN;
    }

    @Override
    public CompletionStage<RemotingCommand> process(ClientChannel channel, RemotingCommand request) {
        return CompletableFuture.completedFuture(reset(ResetOffsetRequestHeader.from(request.extFields())));
    }

    private RemotingCommand reset(ResetOffsetRequestHeader header) {
        String topicName = header.topic();
        String group = header.group();
        Optional<TopicConfig> topic = topics.find(topicName);
        if (topic.isEmpty()) {
            return refused(ResponseCode.SYSTEM_ERROR,
                    "[reset-offset] reset offset failed, no topic in this broker. topic=" + topicName);
        }
        Map<MessageQueue, Long> targets = new HashMap<>();
        for (int queueId = 0; queueId < topic.get().writeQueueNums(); queueId++) {
            OptionalLong committed = offsets.find(group, topicName, queueId);
            if (committed.isEmpty()) {
                return refused(ResponseCode.SYSTEM_ERROR, String.format("THe consumer group <%s> not exist", group));
            }
            long target = Math.max(0, header.timestamp() == -1 ? store.maxOffset(topicName, queueId)
                    : store.offsetByTimestamp(topicName, queueId, header.timestamp()));
            targets.put(MessageQueue.of(topicName, brokerName, queueId),
                    header.force() || target < committed.getAsLong() ? target : committed.getAsLong());
        }
        List<ClientChannel> clients = consumers.channels(group);
        if (clients.isEmpty()) {
            return refused(ResponseCode.CONSUMER_NOT_ONLINE, String.format(
                    "Consumer not online, so can not reset offset, Group: %s Topic: %s Timestamp: %d", group,
                    topicName, header.timestamp()));
        }
        targets.forEach((queue, offset) -> offsets.commit(group, topicName, queue.queueId(), offset));
        byte[] body = RemotingJson.encode(new ResetOffsetBody(targets));
        for (ClientChannel client : clients) {
            RemotingCommand notice = new ResetOffsetRequestHeader(topicName, group, header.timestamp(), header.force())
                    .writeTo(RemotingCommand.request(RequestCode.RESET_CONSUMER_CLIENT_OFFSET)).body(body);
            client.invokeOneway(notice).whenComplete((sent, failure) -> {
                if (failure != null) {
                    LOG.warn("Reset of group {} on {} not sent to {}: {}", group, topicName, client.remoteAddress(),
                            failure.toString());
                }
            });
        }
        LOG.info("Offsets of group {} on {} reset to timestamp {} ({} clients told): {}", group, topicName,
                header.timestamp(), clients.size(), targets);
        return RemotingCommand.response(ResponseCode.SUCCESS, null).body(body);
    }

    private static RemotingCommand refused(int code, String remark) {
        LOG.info(remark);
        return RemotingCommand.response(code, remark);
    }
}
