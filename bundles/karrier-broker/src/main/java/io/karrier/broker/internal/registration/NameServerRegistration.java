package io.karrier.broker.internal.registration;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.CRC32;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.RemotingClient;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.broker.internal.BrokerSettings;
import io.karrier.broker.internal.topic.TopicConfigs;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.RegisterBrokerBody;
import io.karrier.protocol.body.RemotingJson;
import io.karrier.protocol.header.BrokerIdentityRequestHeader;
import io.karrier.protocol.header.RegisterBrokerRequestHeader;

/**
 * Registers the broker and its topics with every name server (REGISTER_BROKER), as RocketMQ's broker
 * does every 30 s and after each topic change, and unregisters it at stop. Name servers are asked in
 * parallel and never waited for on a caller's thread, except at stop. A name server that stops or
 * starts answering is logged once per change, not every 30 s.
 */
public final class NameServerRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(NameServerRegistration.class);
    private static final Duration REGISTER_TIMEOUT = Duration.ofSeconds(6);
    private static final Duration UNREGISTER_TIMEOUT = Duration.ofSeconds(3);

    private final BrokerSettings settings;
    private final RemotingClient client;
    private final TopicConfigs topics;
    /** Name server → whether the last registration with it succeeded. */
    private final Map<String, Boolean> reachable = new ConcurrentHashMap<>();

    public NameServerRegistration(BrokerSettings settings, RemotingClient client, TopicConfigs topics) {
        this.settings = settings;
        this.client = client;
        this.topics = topics;
    }

    /** Sends the current topic table to every name server; returns once the requests are sent. */
    public void registerAll() {
        byte[] body = RemotingJson.encode(new RegisterBrokerBody(List.of(), topics.snapshot()));
        CRC32 crc = new CRC32();
        crc.update(body);
        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader(settings.brokerName(),
                settings.brokerAddress(), settings.clusterName(),
                settings.brokerIP() + ":" + (settings.listenPort() + 1), settings.brokerId(), false,
                (int) (crc.getValue() & 0x7FFFFFFF));
        for (String nameServer : settings.nameServers()) {
            RemotingCommand request = header.writeTo(RemotingCommand.request(RequestCode.REGISTER_BROKER)).body(body);
            client.invoke(nameServer, request, REGISTER_TIMEOUT).whenComplete((response, failure) -> {
                if (failure != null) {
                    changed(nameServer, false, failure.toString());
                } else if (response.code() != ResponseCode.SUCCESS) {
                    changed(nameServer, false, "code " + response.code() + ": " + response.remark());
                } else {
                    changed(nameServer, true, null);
                }
            });
        }
    }

    private void changed(String nameServer, boolean nowReachable, String problem) {
        Boolean before = reachable.put(nameServer, nowReachable);
        if (nowReachable && !Boolean.TRUE.equals(before)) {
            LOG.info("Broker {} ({}) registered with name server {}", settings.brokerName(),
                    settings.brokerAddress(), nameServer);
        } else if (!nowReachable && !Boolean.FALSE.equals(before)) {
            LOG.warn("Broker {} could not register with name server {}: {}; retrying every {} s",
                    settings.brokerName(), nameServer, problem, settings.registerInterval().toSeconds());
        }
    }

    /** Tells every name server the broker is leaving; waits a few seconds at most. */
    public void unregisterAll() {
        BrokerIdentityRequestHeader header = new BrokerIdentityRequestHeader(settings.brokerName(),
                settings.brokerAddress(), settings.clusterName(), settings.brokerId());
        CompletableFuture<?>[] sent = settings.nameServers().stream()
                .map(nameServer -> client.invoke(nameServer,
                        header.writeTo(RemotingCommand.request(RequestCode.UNREGISTER_BROKER)), UNREGISTER_TIMEOUT)
                        .toCompletableFuture()
                        .exceptionally(failure -> null))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(sent).get(UNREGISTER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("Broker {}: unregistering from name servers did not finish: {}", settings.brokerName(), e.toString());
        }
    }
}
