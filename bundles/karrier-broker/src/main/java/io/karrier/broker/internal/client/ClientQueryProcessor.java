package io.karrier.broker.internal.client;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.Connection;
import io.karrier.protocol.body.ConsumerConnection;
import io.karrier.protocol.body.GetConsumerListByGroupResponseBody;
import io.karrier.protocol.body.ProducerConnection;
import io.karrier.protocol.body.RemotingJson;
import io.karrier.protocol.header.ConsumerGroupRequestHeader;
import io.karrier.protocol.header.GetProducerConnectionListRequestHeader;

/**
 * GET_CONSUMER_LIST_BY_GROUP (38), which consumers ask before each rebalance, and the admin tools'
 * GET_CONSUMER_CONNECTION_LIST (203) and GET_PRODUCER_CONNECTION_LIST (204), answered as RocketMQ
 * 4.9.7 answers them (same codes and remarks when the group has no connection).
 */
final class ClientQueryProcessor implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(ClientQueryProcessor.class);

    private final ProducerRegistry producers;
    private final ConsumerRegistry consumers;

    ClientQueryProcessor(ProducerRegistry producers, ConsumerRegistry consumers) {
        this.producers = producers;
        this.consumers = consumers;
    }

    @Override
    public CompletionStage<RemotingCommand> process(ClientChannel channel, RemotingCommand request) {
        return CompletableFuture.completedFuture(switch (request.code()) {
            case RequestCode.GET_CONSUMER_LIST_BY_GROUP -> consumerIds(channel, request);
            case RequestCode.GET_CONSUMER_CONNECTION_LIST -> consumerConnections(request);
            case RequestCode.GET_PRODUCER_CONNECTION_LIST -> producerConnections(request);
            default -> RemotingCommand.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    "request code " + request.code() + " not supported");
        });
    }

    private RemotingCommand consumerIds(ClientChannel channel, RemotingCommand request) {
        String group = ConsumerGroupRequestHeader.from(request.extFields()).consumerGroup();
        List<String> clientIds = consumers.clientIds(group);
        if (clientIds.isEmpty()) {
            // The client logs this and skips the rebalance of the group's topics on this broker.
            LOG.debug("No consumer of group {} for {}", group, ClientRegistration.address(channel));
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "no consumer for this group, " + group);
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null)
                .body(RemotingJson.encode(new GetConsumerListByGroupResponseBody(clientIds)));
    }

    private RemotingCommand consumerConnections(RemotingCommand request) {
        String group = ConsumerGroupRequestHeader.from(request.extFields()).consumerGroup();
        Optional<ConsumerConnection> connection = consumers.connection(group);
        if (connection.isEmpty()) {
            return RemotingCommand.response(ResponseCode.CONSUMER_NOT_ONLINE,
                    "the consumer group[" + group + "] not online");
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null).body(RemotingJson.encode(connection.get()));
    }

    private RemotingCommand producerConnections(RemotingCommand request) {
        String group = GetProducerConnectionListRequestHeader.from(request.extFields()).producerGroup();
        Optional<Set<Connection>> connections = producers.connections(group);
        if (connections.isEmpty()) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "the producer group[" + group + "] not exist");
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null)
                .body(RemotingJson.encode(new ProducerConnection(connections.get())));
    }
}
