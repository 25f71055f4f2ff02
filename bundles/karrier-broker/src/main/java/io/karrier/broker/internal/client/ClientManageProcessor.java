package io.karrier.broker.internal.client;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.ProcessorFamily;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.broker.internal.topic.Permission;
import io.karrier.broker.internal.topic.TopicConfigs;
import io.karrier.broker.internal.topic.TopicNames;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.CheckClientRequestBody;
import io.karrier.protocol.body.ConsumerData;
import io.karrier.protocol.body.HeartbeatData;
import io.karrier.protocol.body.ProducerData;
import io.karrier.protocol.body.RemotingJson;
import io.karrier.protocol.body.SubscriptionData;
import io.karrier.protocol.body.SubscriptionGroupConfig;
import io.karrier.protocol.header.UnregisterClientRequestHeader;

/**
 * HEART_BEAT (34), UNREGISTER_CLIENT (35) and CHECK_CLIENT_CONFIG (46), answered as RocketMQ 4.9.7's
 * ClientManageProcessor answers them. A heartbeat registers the client in each producer and consumer
 * group it names; for a consumer group it first finds or auto-creates the group's config and, if the
 * group has one, creates its retry topic {@code %RETRY%group} (for every message model, as RocketMQ).
 * A heartbeat with a malformed group or subscription is refused whole, with SYSTEM_ERROR.
 */
final class ClientManageProcessor implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(ClientManageProcessor.class);
    /** RocketMQ's TopicSysFlag bit for a unit-mode consumer's retry topic. */
    private static final int UNIT_SUB_FLAG = 0x2;

    private final ProducerRegistry producers;
    private final ConsumerRegistry consumers;
    private final SubscriptionGroups subscriptionGroups;
    private final TopicConfigs topics;

    ClientManageProcessor(ProducerRegistry producers, ConsumerRegistry consumers,
            SubscriptionGroups subscriptionGroups, TopicConfigs topics) {
        this.producers = producers;
        this.consumers = consumers;
        this.subscriptionGroups = subscriptionGroups;
        this.topics = topics;
    }

    @Override
    public ProcessorFamily family() {
        return ProcessorFamily.HEARTBEAT;
    }

    @Override
    public CompletionStage<RemotingCommand> process(ClientChannel channel, RemotingCommand request) {
        return CompletableFuture.completedFuture(switch (request.code()) {
            case RequestCode.HEART_BEAT -> heartbeat(channel, request);
            case RequestCode.UNREGISTER_CLIENT -> unregister(channel, request);
            case RequestCode.CHECK_CLIENT_CONFIG -> checkClientConfig(request);
            default -> RemotingCommand.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    "request code " + request.code() + " not supported");
        });
    }

    private RemotingCommand heartbeat(ClientChannel channel, RemotingCommand request) {
        HeartbeatData heartbeat = RemotingJson.decode(request.bodyBytes(), HeartbeatData.class);
        Optional<String> problem = problem(heartbeat);
        if (problem.isPresent()) {
            LOG.warn("Refusing a heartbeat from {}: {}", ClientRegistration.address(channel), problem.get());
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, problem.get());
        }
        for (ConsumerData consumer : heartbeat.consumerDataSet()) {
            subscriptionGroups.findOrAutoCreate(consumer.groupName())
                    .ifPresent(config -> createRetryTopic(consumer, config));
            consumers.register(consumer.groupName(), channel, heartbeat.clientID(), request.language(),
                    request.version(), consumer);
        }
        for (ProducerData producer : heartbeat.producerDataSet()) {
            producers.register(producer.groupName(), channel, heartbeat.clientID(), request.language(),
                    request.version());
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private static Optional<String> problem(HeartbeatData heartbeat) {
        if (heartbeat == null) {
            return Optional.of("HEART_BEAT without a body");
        }
        if (heartbeat.clientID() == null || heartbeat.clientID().isBlank()) {
            return Optional.of("HEART_BEAT without a clientID");
        }
        for (ConsumerData consumer : heartbeat.consumerDataSet()) {
            Optional<String> problem = GroupNames.problem(consumer.groupName());
            if (problem.isPresent()) {
                return Optional.of("consumer group: " + problem.get());
            }
            for (SubscriptionData subscription : consumer.subscriptionDataSet()) {
                if (subscription.topic() == null || subscription.topic().isBlank()) {
                    return Optional.of("consumer group " + consumer.groupName() + " subscribes to a blank topic");
                }
            }
        }
        for (ProducerData producer : heartbeat.producerDataSet()) {
            Optional<String> problem = GroupNames.problem(producer.groupName());
            if (problem.isPresent()) {
                return Optional.of("producer group: " + problem.get());
            }
        }
        return Optional.empty();
    }

    private void createRetryTopic(ConsumerData consumer, SubscriptionGroupConfig config) {
        String retryTopic = TopicNames.retryTopic(consumer.groupName());
        try {
            topics.findOrCreate(retryTopic, config.retryQueueNums(), Permission.READ | Permission.WRITE,
                    consumer.unitMode() ? UNIT_SUB_FLAG : 0);
        } catch (IOException e) {
            // The topic exists in memory; the table is written again with the next change or at shutdown.
            LOG.warn("Retry topic {} created but not saved: {}", retryTopic, e.toString());
        }
    }

    private RemotingCommand unregister(ClientChannel channel, RemotingCommand request) {
        UnregisterClientRequestHeader header = UnregisterClientRequestHeader.from(request.extFields());
        if (header.producerGroup() != null) {
            producers.unregister(header.producerGroup(), channel);
        }
        if (header.consumerGroup() != null) {
            consumers.unregister(header.consumerGroup(), channel);
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    // Tag subscriptions need nothing of the broker; SQL92 needs property filtering, which is off here as
    // it is by default in RocketMQ (enablePropertyFilter=false): answered with RocketMQ's remark.
    private static RemotingCommand checkClientConfig(RemotingCommand request) {
        CheckClientRequestBody body = RemotingJson.decode(request.bodyBytes(), CheckClientRequestBody.class);
        if (body == null || body.subscriptionData() == null) {
            return RemotingCommand.response(ResponseCode.SUCCESS, null);
        }
        String type = body.subscriptionData().expressionType();
        if (type == null || type.isEmpty() || SubscriptionData.TAG.equals(type)) {
            return RemotingCommand.response(ResponseCode.SUCCESS, null);
        }
        return RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                "The broker does not support consumer to filter message by " + type);
    }
}
