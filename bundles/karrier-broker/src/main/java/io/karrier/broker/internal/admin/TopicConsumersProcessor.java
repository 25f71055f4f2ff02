package io.karrier.broker.internal.admin;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.ProcessorFamily;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.broker.internal.client.ConsumerRegistry;
import io.karrier.broker.internal.offset.ConsumerOffsets;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.GroupList;
import io.karrier.protocol.body.RemotingJson;
import io.karrier.protocol.header.TopicRequestHeader;

/**
 * QUERY_TOPIC_CONSUME_BY_WHO (300), which mqadmin's queryMsgById asks to tell whether each group
 * consumed a message: the groups whose connected consumers subscribe to the topic and those that
 * committed offsets on it, as RocketMQ 4.9.7 answers.
 */
public final class TopicConsumersProcessor implements RequestProcessor {

    private final ConsumerRegistry consumers;
    private final ConsumerOffsets offsets;

    public TopicConsumersProcessor(ConsumerRegistry consumers, ConsumerOffsets offsets) {
        this.consumers = consumers;
        this.offsets = offsets;
    }

    @Override
    public ProcessorFamily family() {
        return ProcessorFamily.ADMIN;
    }

    @Override
    public CompletionStage<RemotingCommand> process(ClientChannel channel, RemotingCommand request) {
        String topic = TopicRequestHeader.from(request.extFields()).topic();
        Set<String> groups = new TreeSet<>(consumers.groupsSubscribing(topic));
        groups.addAll(offsets.groups(topic));
        return CompletableFuture.completedFuture(RemotingCommand.response(ResponseCode.SUCCESS, null)
                .body(RemotingJson.encode(new GroupList(groups))));
    }
}
