package io.karrier.broker.internal.topic;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.RemotingJson;
import io.karrier.protocol.body.TopicConfig;
import io.karrier.protocol.body.TopicFilterType;
import io.karrier.protocol.header.CreateTopicRequestHeader;
import io.karrier.protocol.header.TopicRequestHeader;

/**
 * UPDATE_AND_CREATE_TOPIC, DELETE_TOPIC_IN_BROKER and GET_ALL_TOPIC_CONFIG, answered as RocketMQ
 * 4.9.7's AdminBrokerProcessor answers them (same checks, same remarks). Deleting a topic drops its
 * config; its stored messages stay until retention removes their segments.
 */
public final class TopicAdminProcessor implements RequestProcessor {

    private final TopicConfigs topics;

    public TopicAdminProcessor(TopicConfigs topics) {
        this.topics = topics;
    }

    @Override
    public CompletionStage<RemotingCommand> process(ClientChannel channel, RemotingCommand request) {
        try {
            return CompletableFuture.completedFuture(switch (request.code()) {
                case RequestCode.UPDATE_AND_CREATE_TOPIC -> createOrUpdate(CreateTopicRequestHeader.from(request.extFields()));
                case RequestCode.DELETE_TOPIC_IN_BROKER -> delete(TopicRequestHeader.from(request.extFields()).topic());
                case RequestCode.GET_ALL_TOPIC_CONFIG -> RemotingCommand.response(ResponseCode.SUCCESS, null)
                        .body(RemotingJson.encode(topics.snapshot()));
                default -> RemotingCommand.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                        "request code " + request.code() + " not supported");
            });
        } catch (IOException e) {
            return CompletableFuture.completedFuture(RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                    "topic config not saved: " + e.getMessage()));
        }
    }

    private RemotingCommand createOrUpdate(CreateTopicRequestHeader header) throws IOException {
        Optional<RemotingCommand> refusal = refusal(header.topic());
        if (refusal.isPresent()) {
            return refusal.get();
        }
        topics.createOrUpdate(new TopicConfig(header.topic(), header.readQueueNums(), header.writeQueueNums(),
                header.perm(), TopicFilterType.valueOf(header.topicFilterType()),
                header.topicSysFlag() == null ? 0 : header.topicSysFlag(), header.order()));
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand delete(String topic) throws IOException {
        Optional<RemotingCommand> refusal = refusal(topic);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        topics.delete(topic);
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private Optional<RemotingCommand> refusal(String topic) {
        Optional<String> problem = TopicNames.problem(topic);
        if (problem.isPresent()) {
            return Optional.of(RemotingCommand.response(ResponseCode.SYSTEM_ERROR, problem.get()));
        }
        if (topics.isSystemTopic(topic)) {
            return Optional.of(RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                    "The topic[" + topic + "] is conflict with system topic."));
        }
        return Optional.empty();
    }
}
