package io.karrier.namesrv.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.ProcessorFamily;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.DataVersion;
import io.karrier.protocol.body.KVTable;
import io.karrier.protocol.body.RegisterBrokerBody;
import io.karrier.protocol.body.RegisterBrokerBodyCodec;
import io.karrier.protocol.body.RemotingJson;
import io.karrier.protocol.header.BrokerIdentityRequestHeader;
import io.karrier.protocol.header.QueryDataVersionResponseHeader;
import io.karrier.protocol.header.RegisterBrokerRequestHeader;
import io.karrier.protocol.message.BodyCrc;

/**
 * Brokers keeping their routes alive: REGISTER_BROKER (103, every 30 s and after topic changes),
 * UNREGISTER_BROKER (104, on shutdown) and QUERY_DATA_VERSION (322, "should I register?"). Runs on
 * the HEARTBEAT pool, so a flood of route polls cannot delay registrations past the expiry.
 */
@Component(service = RequestProcessor.class, property = {
        RequestProcessor.SERVER + "=" + NameServerComponent.SERVER_NAME,
        RequestProcessor.REQUEST_CODE + ":Integer=" + RequestCode.REGISTER_BROKER,
        RequestProcessor.REQUEST_CODE + ":Integer=" + RequestCode.UNREGISTER_BROKER,
        RequestProcessor.REQUEST_CODE + ":Integer=" + RequestCode.QUERY_DATA_VERSION})
public class BrokerRegistrationProcessor extends NameServerProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerRegistrationProcessor.class);

    private final RouteRegistry registry;
    private final KvConfigStore kvConfig;

    @Activate
    public BrokerRegistrationProcessor(@Reference RouteRegistry registry, @Reference KvConfigStore kvConfig) {
        this.registry = registry;
        this.kvConfig = kvConfig;
    }

    @Override
    public ProcessorFamily family() {
        return ProcessorFamily.HEARTBEAT;
    }

    @Override
    CompletionStage<RemotingCommand> answer(ClientChannel channel, RemotingCommand request) {
        return switch (request.code()) {
            case RequestCode.REGISTER_BROKER -> register(channel, request);
            case RequestCode.UNREGISTER_BROKER -> {
                registry.unregister(BrokerIdentityRequestHeader.from(request.extFields()));
                yield success();
            }
            case RequestCode.QUERY_DATA_VERSION -> queryDataVersion(request);
            default -> notSupported(request);
        };
    }

    private CompletionStage<RemotingCommand> register(ClientChannel channel, RemotingCommand request) {
        RegisterBrokerRequestHeader header = RegisterBrokerRequestHeader.from(request.extFields());
        byte[] body = request.bodyBytes();
        if (header.bodyCrc32() != 0 && header.bodyCrc32() != BodyCrc.of(body == null ? new byte[0] : body)) {
            LOG.warn("Registration of broker {} from {}: body CRC32 does not match", header.brokerAddr(),
                    channel.remoteAddress());
            return completed(RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "crc32 not match"));
        }
        RegisterBrokerBody registration;
        if (body == null) {
            registration = new RegisterBrokerBody(List.of(), null);
        } else if (header.compressed()) {
            registration = RegisterBrokerBodyCodec.decodeCompressed(body);
        } else {
            registration = RemotingJson.decode(body, RegisterBrokerBody.class);
        }
        RemotingCommand response = RemotingCommand.response(ResponseCode.SUCCESS, null);
        registry.register(header, registration, channel).writeTo(response);
        // RocketMQ hands the broker the order-topic table with every registration answer.
        Map<String, String> orderTopics = kvConfig.namespace(KvConfigStore.ORDER_TOPIC_CONFIG);
        if (orderTopics != null) {
            response.body(RemotingJson.encode(new KVTable(orderTopics)));
        }
        return completed(response);
    }

    private CompletionStage<RemotingCommand> queryDataVersion(RemotingCommand request) {
        BrokerIdentityRequestHeader header = BrokerIdentityRequestHeader.from(request.extFields());
        DataVersion brokerVersion = RemotingJson.decode(request.bodyBytes(), DataVersion.class);
        DataVersionCheck check = registry.checkDataVersion(header.brokerAddr(), brokerVersion);
        RemotingCommand response = RemotingCommand.response(ResponseCode.SUCCESS, null);
        new QueryDataVersionResponseHeader(check.changed()).writeTo(response);
        if (check.nameServerVersion() != null) {
            response.body(RemotingJson.encode(check.nameServerVersion()));
        }
        return completed(response);
    }
}
