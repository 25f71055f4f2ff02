package io.karrier.broker.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ChannelListener;
import io.karrier.api.remoting.RemotingClient;
import io.karrier.api.remoting.RemotingServer;
import io.karrier.api.remoting.RemotingServerFactory;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.api.server.ServerRole;
import io.karrier.api.server.ServerStatus;
import io.karrier.api.store.DurableDocuments;
import io.karrier.api.store.MessageArrivalListener;
import io.karrier.api.store.MessageStore;
import io.karrier.broker.internal.client.ClientSettings;

/**
 * The broker's lifecycle: configured from PID {@code io.karrier.broker}, it listens on its port and on
 * the fast (VIP) port two below it, as remoting servers named {@value #SERVER_NAME}, publishes the
 * {@link Broker}'s processors and listeners as whiteboard services, registers with the name servers
 * and is published as a {@link ServerStatus} while it runs. Processors are published before the fast
 * port opens and before the name servers hear of the broker, so no client is sent its way early.
 */
@Designate(ocd = BrokerComponent.Config.class)
@Component(configurationPid = BrokerComponent.PID, service = ServerStatus.class, immediate = true)
public class BrokerComponent implements ServerStatus {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerComponent.class);

    @ObjectClassDefinition(name = "Karrier broker",
            description = "Stores messages and serves RocketMQ producers and consumers.")
    @interface Config {

        @AttributeDefinition(description = "Broker name, shared by a master and its slaves.")
        String brokerName() default "broker-a";

        @AttributeDefinition(description = "Cluster the broker registers in.")
        String clusterName() default "DefaultCluster";

        @AttributeDefinition(description = "0 for a master; slaves count from 1.", min = "0")
        long brokerId() default 0;

        @AttributeDefinition(description = "Address the broker advertises to name servers and clients.")
        String brokerIP() default "127.0.0.1";

        @AttributeDefinition(description = "Address the broker binds to.")
        String bindAddress() default "0.0.0.0";

        @AttributeDefinition(description = "Port clients connect to (RocketMQ's default is 10911).",
                min = "3", max = "65535")
        int listenPort() default 10911;

        @AttributeDefinition(description = "Also listen on the fast (VIP) port, listenPort - 2, which RocketMQ "
                + "clients use for sends unless vipChannelEnabled is false.")
        boolean fastPortEnabled() default true;

        @AttributeDefinition(description = "Name servers to register with, host:port separated by ';'.")
        String namesrvAddr() default "127.0.0.1:9876";

        @AttributeDefinition(description = "Create unknown topics on first send, from TBW102.")
        boolean autoCreateTopicEnable() default true;

        @AttributeDefinition(description = "Queues of TBW102, the most an auto-created topic gets.", min = "1")
        int defaultTopicQueueNums() default 8;

        @AttributeDefinition(description = "Largest message body accepted, bytes (RocketMQ's maxMessageSize).",
                min = "1")
        int maxMessageSize() default 4 * 1024 * 1024;

        @AttributeDefinition(description = "Seconds between registrations with the name servers.", min = "1")
        int registerIntervalSeconds() default 30;

        @AttributeDefinition(description = "Seconds between writes of changed consumer offsets and tables.", min = "1")
        int persistIntervalSeconds() default 5;

        @AttributeDefinition(description = "Create a consumer group's subscription group config on its first "
                + "heartbeat.")
        boolean autoCreateSubscriptionGroup() default true;

        @AttributeDefinition(description = "Tell consumers when their group's members or topics change, so they "
                + "rebalance at once (a group's config can also turn it off).")
        boolean notifyConsumerIdsChangedEnable() default true;

        @AttributeDefinition(description = "Seconds a client stays registered without a heartbeat.", min = "1")
        int clientExpirySeconds() default 120;

        @AttributeDefinition(description = "Seconds an orderly consumer's queue lock lasts without renewal.",
                min = "1")
        int queueLockExpirySeconds() default 60;

        @AttributeDefinition(description = "Most (group, connection) registrations kept, for producers and for "
                + "consumers each; heartbeats beyond are not recorded.", min = "1")
        int maxClientRegistrations() default 100_000;

        @AttributeDefinition(description = "Most topics one consumer group may subscribe to.", min = "1")
        int maxSubscriptionsPerGroup() default 1_000;

        @AttributeDefinition(description = "Most subscription group configs kept.", min = "1")
        int maxSubscriptionGroups() default 10_000;

        @AttributeDefinition(description = "Most queue locks held at once.", min = "1")
        int maxQueueLocks() default 100_000;

        @AttributeDefinition(description = "Most pull requests held at once waiting for messages (long polling); "
                + "past it, a pull that finds nothing is answered at once.", min = "0")
        int maxHeldPulls() default 10_000;

        @AttributeDefinition(description = "Milliseconds between checks of held pulls for their deadline and "
                + "closed connections; arrivals answer them at once.", min = "10")
        int heldPullSweepMillis() default 1000;
    }

    /** The configuration PID of the broker. */
    public static final String PID = "io.karrier.broker";

    /** The remoting server name the broker's processors register for. */
    public static final String SERVER_NAME = "broker";

    private final RemotingServer server;
    private final RemotingServer fastServer;
    private final Broker broker;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final BrokerSettings settings;
    private final Instant startedAt = Instant.now();
    /** Where updateBrokerConfig writes; optional, so the broker runs without Config Admin. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationAdmin configAdmin;

    @Activate
    public BrokerComponent(Config config, BundleContext context, @Reference RemotingServerFactory remoting,
            @Reference RemotingClient client, @Reference MessageStore store, @Reference DurableDocuments documents)
            throws IOException {
        // Publish the processors before the port accepts connections: clients reconnecting after a restart
        // would otherwise be answered REQUEST_CODE_NOT_SUPPORTED, which they do not retry. Only port 0 (a
        // free port, in tests) must be bound first to learn the port the broker advertises.
        InetSocketAddress mainAddress = new InetSocketAddress(config.bindAddress(), config.listenPort());
        RemotingServer main = config.listenPort() == 0 ? remoting.start(SERVER_NAME, mainAddress) : null;
        RemotingServer fast = null;
        Broker built = null;
        try {
            this.settings = settings(config, main == null ? config.listenPort() : main.localAddress().getPort());
            built = new Broker(settings, store, documents, client, Clock.systemUTC(),
                    new ConfigAdminBrokerConfiguration(config, () -> configAdmin));
            publish(context, built);
            if (main == null) {
                main = remoting.start(SERVER_NAME, mainAddress);
            }
            if (config.fastPortEnabled()) {
                fast = remoting.start(SERVER_NAME,
                        new InetSocketAddress(config.bindAddress(), main.localAddress().getPort() - 2));
            }
            built.start();
        } catch (IOException | RuntimeException e) {
            unpublish();
            if (built != null) {
                built.close();
            }
            if (main != null) {
                main.close();
            }
            if (fast != null) {
                fast.close();
            }
            throw e;
        }
        this.server = main;
        this.broker = built;
        this.fastServer = fast;
        LOG.info("Karrier broker {} of cluster {} started on {}{}, advertised as {}, name servers {}",
                settings.brokerName(), settings.clusterName(), server.localAddress(),
                fast == null ? "" : " and fast port " + fast.localAddress().getPort(), settings.brokerAddress(),
                settings.nameServers());
    }

    static BrokerSettings settings(Config config, int boundPort) {
        List<String> nameServers = Arrays.stream(config.namesrvAddr().split(";"))
                .map(String::trim)
                .filter(address -> !address.isEmpty())
                .toList();
        return new BrokerSettings(config.brokerName(), config.clusterName(), config.brokerId(), config.brokerIP(),
                boundPort, nameServers, config.autoCreateTopicEnable(), config.defaultTopicQueueNums(),
                config.maxMessageSize(), Duration.ofSeconds(config.registerIntervalSeconds()),
                Duration.ofSeconds(config.persistIntervalSeconds()), clientSettings(config),
                new BrokerSettings.LongPolling(config.maxHeldPulls(), Duration.ofMillis(config.heldPullSweepMillis())));
    }

    private static ClientSettings clientSettings(Config config) {
        return new ClientSettings(config.autoCreateSubscriptionGroup(), config.notifyConsumerIdsChangedEnable(),
                Duration.ofSeconds(config.clientExpirySeconds()), Duration.ofSeconds(config.queueLockExpirySeconds()),
                config.maxClientRegistrations(), config.maxSubscriptionsPerGroup(), config.maxSubscriptionGroups(),
                config.maxQueueLocks());
    }

    private void publish(BundleContext context, Broker broker) {
        for (ProcessorBinding binding : broker.processors()) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(RequestProcessor.SERVER, SERVER_NAME);
            properties.put(RequestProcessor.REQUEST_CODE, binding.codes().toArray(Integer[]::new));
            registrations.add(context.registerService(RequestProcessor.class, binding.processor(), properties));
        }
        for (ChannelListener listener : broker.channelListeners()) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(RequestProcessor.SERVER, SERVER_NAME);
            registrations.add(context.registerService(ChannelListener.class, listener, properties));
        }
        for (MessageArrivalListener listener : broker.arrivalListeners()) {
            registrations.add(context.registerService(MessageArrivalListener.class, listener, null));
        }
    }

    private void unpublish() {
        for (ServiceRegistration<?> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping and the framework unregistered it first
            }
        }
        registrations.clear();
    }

    @Deactivate
    void deactivate() {
        // Leave the name servers first so clients stop coming, stop serving, then write the tables.
        broker.leaveNameServers();
        if (fastServer != null) {
            fastServer.close();
        }
        server.close();
        unpublish();
        broker.close();
        LOG.info("Karrier broker {} on {} stopped", settings.brokerName(), server.localAddress());
    }

    @Override
    public ServerRole role() {
        return ServerRole.BROKER;
    }

    @Override
    public String name() {
        return settings.brokerName();
    }

    @Override
    public InetSocketAddress listenAddress() {
        return server.localAddress();
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }
}
