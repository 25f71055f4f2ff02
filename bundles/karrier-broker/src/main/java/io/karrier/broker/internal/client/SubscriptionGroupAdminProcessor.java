package io.karrier.broker.internal.client;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.RemotingJson;
import io.karrier.protocol.body.SubscriptionGroupConfig;
import io.karrier.protocol.header.DeleteSubscriptionGroupRequestHeader;

/**
 * UPDATE_AND_CREATE_SUBSCRIPTIONGROUP (200), GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201) and
 * DELETE_SUBSCRIPTIONGROUP (207), answered as RocketMQ 4.9.7's AdminBrokerProcessor answers them: a
 * slave refuses changes, an update without a body succeeds without changing anything. Unlike
 * RocketMQ, a config whose group name breaks the naming rule is refused.
 */
final class SubscriptionGroupAdminProcessor implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionGroupAdminProcessor.class);

    private final SubscriptionGroups groups;
    private final boolean master;
    private final Consumer<String> removeGroupOffsets;

    /**
     * @param master whether this broker is a master; a slave refuses changes
     * @param removeGroupOffsets drops the committed offsets of a group, for a delete that asks for it
     */
    SubscriptionGroupAdminProcessor(SubscriptionGroups groups, boolean master, Consumer<String> removeGroupOffsets) {
        this.groups = groups;
        this.master = master;
        this.removeGroupOffsets = removeGroupOffsets;
    }

    @Override
    public CompletionStage<RemotingCommand> process(ClientChannel channel, RemotingCommand request) {
        try {
            return CompletableFuture.completedFuture(switch (request.code()) {
                case RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP -> master ? createOrUpdate(channel, request)
                        : slaveRefusal();
                case RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG -> RemotingCommand.response(ResponseCode.SUCCESS, null)
                        .body(RemotingJson.encode(groups.snapshot()));
                case RequestCode.DELETE_SUBSCRIPTIONGROUP -> master ? delete(channel, request) : slaveRefusal();
                default -> RemotingCommand.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                        "request code " + request.code() + " not supported");
            });
        } catch (IOException e) {
            LOG.error("Subscription group change from {} not saved: {}", ClientRegistration.address(channel),
                    e.toString());
            return CompletableFuture.completedFuture(RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                    "subscription group config not saved: " + e.getMessage()));
        }
    }

    private RemotingCommand createOrUpdate(ClientChannel channel, RemotingCommand request) throws IOException {
        SubscriptionGroupConfig config = RemotingJson.decode(request.bodyBytes(), SubscriptionGroupConfig.class);
        if (config == null) {
            return RemotingCommand.response(ResponseCode.SUCCESS, null);
        }
        Optional<String> problem = GroupNames.problem(config.groupName());
        if (problem.isPresent()) {
            LOG.warn("Refusing a subscription group from {}: {}", ClientRegistration.address(channel), problem.get());
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, problem.get());
        }
        LOG.info("Subscription group {} created or updated by {}", config.groupName(),
                ClientRegistration.address(channel));
        if (!groups.createOrUpdate(config)) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                    "the broker has as many subscription groups as it may keep");
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand delete(ClientChannel channel, RemotingCommand request) throws IOException {
        DeleteSubscriptionGroupRequestHeader header = DeleteSubscriptionGroupRequestHeader.from(request.extFields());
        LOG.info("Subscription group {} deleted by {}{}", header.groupName(), ClientRegistration.address(channel),
                header.removeOffset() ? ", with its offsets" : "");
        groups.delete(header.groupName());
        if (header.removeOffset()) {
            removeGroupOffsets.accept(header.groupName());
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private static RemotingCommand slaveRefusal() {
        return RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                "Can't modify topic or subscription group from slave broker, please execute it from master broker.");
    }
}
