package io.karrier.namesrv.internal;

import java.util.concurrent.CompletionStage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.header.AddWritePermResponseHeader;
import io.karrier.protocol.header.BrokerNameRequestHeader;
import io.karrier.protocol.header.DeleteTopicFromNamesrvRequestHeader;
import io.karrier.protocol.header.WipeWritePermResponseHeader;

/**
 * Operators changing routes with mqadmin: WIPE_WRITE_PERM_OF_BROKER (205) before taking a broker
 * down, ADD_WRITE_PERM_OF_BROKER (327) to undo it, DELETE_TOPIC_IN_NAMESRV (216).
 */
@Component(service = RequestProcessor.class, property = {
        RequestProcessor.SERVER + "=" + NameServerComponent.SERVER_NAME,
        RequestProcessor.REQUEST_CODE + ":Integer=" + RequestCode.WIPE_WRITE_PERM_OF_BROKER,
        RequestProcessor.REQUEST_CODE + ":Integer=" + RequestCode.ADD_WRITE_PERM_OF_BROKER,
        RequestProcessor.REQUEST_CODE + ":Integer=" + RequestCode.DELETE_TOPIC_IN_NAMESRV})
public class RouteAdminProcessor extends NameServerProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(RouteAdminProcessor.class);

    private final RouteRegistry registry;

    @Activate
    public RouteAdminProcessor(@Reference RouteRegistry registry) {
        this.registry = registry;
    }

    @Override
    CompletionStage<RemotingCommand> answer(ClientChannel channel, RemotingCommand request) {
        RemotingCommand response = RemotingCommand.response(ResponseCode.SUCCESS, null);
        switch (request.code()) {
            case RequestCode.WIPE_WRITE_PERM_OF_BROKER -> {
                String brokerName = BrokerNameRequestHeader.from(request.extFields()).brokerName();
                int topics = registry.wipeWritePermission(brokerName);
                LOG.info("{} wiped the write permission of broker {} on {} topics", channel.remoteAddress(),
                        brokerName, topics);
                new WipeWritePermResponseHeader(topics).writeTo(response);
            }
            case RequestCode.ADD_WRITE_PERM_OF_BROKER -> {
                String brokerName = BrokerNameRequestHeader.from(request.extFields()).brokerName();
                int topics = registry.addWritePermission(brokerName);
                LOG.info("{} gave broker {} write permission on {} topics", channel.remoteAddress(), brokerName,
                        topics);
                new AddWritePermResponseHeader(topics).writeTo(response);
            }
            case RequestCode.DELETE_TOPIC_IN_NAMESRV -> {
                DeleteTopicFromNamesrvRequestHeader header =
                        DeleteTopicFromNamesrvRequestHeader.from(request.extFields());
                registry.deleteTopic(header.topic(), header.clusterName());
            }
            default -> {
                return notSupported(request);
            }
        }
        return completed(response);
    }
}
