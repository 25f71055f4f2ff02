package io.karrier.broker.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.RemotingServer;
import io.karrier.api.remoting.RemotingServerFactory;
import io.karrier.api.server.ServerRole;
import io.karrier.api.server.ServerStatus;

/**
 * The broker's lifecycle: configured from PID {@code io.karrier.broker}, it listens on its port as
 * remoting server {@value #SERVER_NAME} (processors select it by that name) and is published as a
 * {@link ServerStatus} while it runs.
 */
@Designate(ocd = BrokerComponent.Config.class)
@Component(configurationPid = "io.karrier.broker", service = ServerStatus.class, immediate = true)
public class BrokerComponent implements ServerStatus {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerComponent.class);

    @ObjectClassDefinition(name = "Karrier broker",
            description = "Stores messages and serves RocketMQ producers and consumers.")
    @interface Config {

        @AttributeDefinition(description = "Broker name, shared by a master and its slaves.")
        String brokerName() default "broker-a";

        @AttributeDefinition(description = "Cluster the broker registers in.")
        String clusterName() default "DefaultCluster";

        @AttributeDefinition(description = "Address the broker advertises to name servers and clients.")
        String brokerIP() default "127.0.0.1";

        @AttributeDefinition(description = "Address the broker binds to.")
        String bindAddress() default "0.0.0.0";

        @AttributeDefinition(description = "Port clients connect to (RocketMQ's default is 10911).",
                min = "1", max = "65535")
        int listenPort() default 10911;

        @AttributeDefinition(description = "Name servers to register with, host:port separated by ';'.")
        String namesrvAddr() default "127.0.0.1:9876";
    }

    /** The remoting server name the broker's processors register for. */
    public static final String SERVER_NAME = "broker";

    private final String brokerName;
    private final RemotingServer server;
    private final List<String> nameServers;
    private final Instant startedAt = Instant.now();

    @Activate
    public BrokerComponent(Config config, @Reference RemotingServerFactory remoting) throws IOException {
        this.brokerName = config.brokerName();
        this.nameServers = Arrays.stream(config.namesrvAddr().split(";"))
                .map(String::trim)
                .filter(address -> !address.isEmpty())
                .toList();
        this.server = remoting.start(SERVER_NAME, new InetSocketAddress(config.bindAddress(), config.listenPort()));
        LOG.info("Karrier broker {} of cluster {} started on {}, advertised as {}:{}, name servers {}",
                brokerName, config.clusterName(), server.localAddress(), config.brokerIP(), config.listenPort(), nameServers);
    }

    @Deactivate
    void deactivate() {
        server.close();
        LOG.info("Karrier broker {} on {} stopped", brokerName, server.localAddress());
    }

    @Override
    public ServerRole role() {
        return ServerRole.BROKER;
    }

    @Override
    public String name() {
        return brokerName;
    }

    @Override
    public InetSocketAddress listenAddress() {
        return server.localAddress();
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }

    /** @return the name servers this broker registers with */
    List<String> nameServers() {
        return nameServers;
    }
}
