package io.karrier.broker.internal.admin;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.ProcessorFamily;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.DataVersion;
import io.karrier.protocol.body.RemotingJson;
import io.karrier.protocol.header.GetBrokerConfigResponseHeader;

/**
 * GET_BROKER_CONFIG (26) and UPDATE_BROKER_CONFIG (25), as mqadmin getBrokerConfig and
 * updateBrokerConfig use them: both carry the settings as properties text ({@code name=value} lines)
 * in the body, as RocketMQ 4.9.7 does. The settings are Karrier's ({@link BrokerConfiguration}), not
 * RocketMQ's: an update naming a setting Karrier does not have, or a value not of the setting's type,
 * is refused whole with SYSTEM_ERROR, so a half-applied change never happens.
 */
public final class BrokerConfigProcessor implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerConfigProcessor.class);

    private final BrokerConfiguration configuration;
    /** Counts updates; what the answer's {@code version} header reports. */
    private final AtomicLong updates = new AtomicLong();

    public BrokerConfigProcessor(BrokerConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public ProcessorFamily family() {
        return ProcessorFamily.ADMIN;
    }

    @Override
    public CompletionStage<RemotingCommand> process(ClientChannel channel, RemotingCommand request) {
        return CompletableFuture.completedFuture(switch (request.code()) {
            case RequestCode.GET_BROKER_CONFIG -> current();
            case RequestCode.UPDATE_BROKER_CONFIG -> update(channel, request.bodyBytes());
            default -> RemotingCommand.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    "request code " + request.code() + " not supported");
        });
    }

    private RemotingCommand current() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(configuration.current()).forEach((name, value) -> text.append(name).append('=')
                .append(value).append('\n'));
        String version = new String(RemotingJson.encode(new DataVersion(updates.get(), System.currentTimeMillis())),
                StandardCharsets.UTF_8);
        return new GetBrokerConfigResponseHeader(version)
                .writeTo(RemotingCommand.response(ResponseCode.SUCCESS, null))
                .body(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private RemotingCommand update(ClientChannel channel, byte[] body) {
        if (body == null || body.length == 0) {
            return RemotingCommand.response(ResponseCode.SUCCESS, null);
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(body, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            return refused(channel, "the broker config is not properties text: " + e.getMessage());
        }
        Map<String, Object> changes = new LinkedHashMap<>();
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            String text = properties.getProperty(name).trim();
            Optional<Class<?>> type = configuration.typeOf(name);
            if (type.isEmpty()) {
                return refused(channel, "unknown broker setting '" + name + "'; Karrier's broker settings are "
                        + new TreeMap<>(configuration.current()).keySet());
            }
            Optional<Object> value = parse(text, type.get());
            if (value.isEmpty()) {
                return refused(channel, "bad value '" + text + "' for broker setting '" + name + "': "
                        + type.get().getSimpleName() + " expected");
            }
            changes.put(name, value.get());
        }
        try {
            configuration.update(changes);
        } catch (IOException e) {
            return refused(channel, "broker config not saved: " + e.getMessage());
        }
        updates.incrementAndGet();
        LOG.info("Broker config updated by {}: {}", channel.remoteAddress(), changes);
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private static Optional<Object> parse(String text, Class<?> type) {
        try {
            if (type == int.class) {
                return Optional.of(Integer.parseInt(text));
            }
            if (type == long.class) {
                return Optional.of(Long.parseLong(text));
            }
            if (type == boolean.class) {
                return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")
                        ? Optional.of(Boolean.parseBoolean(text)) : Optional.empty();
            }
            return type == String.class ? Optional.of(text) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static RemotingCommand refused(ClientChannel channel, String remark) {
        LOG.info("Broker config update from {} refused: {}", channel.remoteAddress(), remark);
        return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, remark);
    }
}
