package io.karrier.broker.internal;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ChannelListener;
import io.karrier.api.remoting.RemotingClient;
import io.karrier.api.store.DurableDocuments;
import io.karrier.api.store.MessageArrivalListener;
import io.karrier.api.store.MessageStore;
import io.karrier.broker.internal.admin.BrokerConfigProcessor;
import io.karrier.broker.internal.admin.BrokerConfiguration;
import io.karrier.broker.internal.admin.QueueStatsProcessor;
import io.karrier.broker.internal.admin.ResetOffsetProcessor;
import io.karrier.broker.internal.admin.RuntimeInfoProcessor;
import io.karrier.broker.internal.admin.TopicConsumersProcessor;
import io.karrier.broker.internal.client.Clients;
import io.karrier.broker.internal.offset.ConsumerOffsetProcessor;
import io.karrier.broker.internal.offset.ConsumerOffsets;
import io.karrier.broker.internal.offset.MemoryWindow;
import io.karrier.broker.internal.offset.QueueOffsetProcessor;
import io.karrier.broker.internal.pull.HeldPulls;
import io.karrier.broker.internal.pull.PullMessageProcessor;
import io.karrier.broker.internal.query.QueryMessageProcessor;
import io.karrier.broker.internal.registration.NameServerRegistration;
import io.karrier.broker.internal.send.SendProcessor;
import io.karrier.broker.internal.stats.TrafficStats;
import io.karrier.broker.internal.topic.TopicAdminProcessor;
import io.karrier.broker.internal.topic.TopicConfigs;
import io.karrier.protocol.RequestCode;

/**
 * The broker's parts, wired: tables, processors, listeners and the name-server registration. Built
 * once the broker's port is bound; {@link BrokerComponent} publishes what it lists
 * ({@link #processors}, {@link #channelListeners}, {@link #arrivalListeners}) as whiteboard services,
 * tests register them on a server directly. One scheduler thread runs the periodic work.
 */
public final class Broker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Broker.class);

    /** Something written to disk periodically and at close. */
    @FunctionalInterface
    interface Persistent {
        void persist() throws IOException;
    }

    private final BrokerSettings settings;
    private final TopicConfigs topics;
    private final Clients clients;
    private final NameServerRegistration registration;
    private final HeldPulls heldPulls;
    private final TrafficStats traffic;
    private final ScheduledExecutorService scheduler;
    private final List<ProcessorBinding> processors = new ArrayList<>();
    private final List<ChannelListener> channelListeners = new ArrayList<>();
    private final List<MessageArrivalListener> arrivalListeners = new ArrayList<>();
    private final List<Persistent> persistents = new ArrayList<>();
    private ScheduledFuture<?> periodicRegistration; // guarded by this

    /** @param configuration the broker's settings as admin tools read and change them */
    public Broker(BrokerSettings settings, MessageStore store, DurableDocuments documents, RemotingClient client,
            Clock clock, BrokerConfiguration configuration) throws IOException {
        this.settings = settings;
        this.traffic = new TrafficStats(clock);
        this.topics = TopicConfigs.open(documents, settings, clock);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "karrier-broker-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        this.registration = new NameServerRegistration(settings, client, topics);
        topics.onChange(() -> scheduler.execute(registration::registerAll));
        persistents.add(topics::persist);

        processors.add(ProcessorBinding.of(new TopicAdminProcessor(topics),
                RequestCode.UPDATE_AND_CREATE_TOPIC, RequestCode.DELETE_TOPIC_IN_BROKER, RequestCode.GET_ALL_TOPIC_CONFIG));
        processors.add(ProcessorBinding.of(new SendProcessor(settings, store, topics, traffic.puts()),
                RequestCode.SEND_MESSAGE, RequestCode.SEND_MESSAGE_V2, RequestCode.SEND_BATCH_MESSAGE));

        ConsumerOffsets offsets = ConsumerOffsets.open(documents);
        persistents.add(offsets::persist);

        // Clients: heartbeats, producer and consumer groups, queue locks, subscription groups.
        this.clients = new Clients(settings.clients(), settings.isMaster(), topics, documents, clock,
                offsets::removeGroup);
        processors.addAll(clients.processors());
        channelListeners.add(clients);
        persistents.add(clients::persist);

        // Consume side: offsets, pull with long polling, message queries.
        processors.add(ProcessorBinding.of(new ConsumerOffsetProcessor(offsets, store, MemoryWindow.ofPhysicalMemory()),
                RequestCode.QUERY_CONSUMER_OFFSET, RequestCode.UPDATE_CONSUMER_OFFSET));
        processors.add(ProcessorBinding.of(new QueueOffsetProcessor(store), RequestCode.GET_MAX_OFFSET,
                RequestCode.GET_MIN_OFFSET, RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, RequestCode.GET_EARLIEST_MSG_STORETIME));
        // Push consumers pull without their subscription: the one their heartbeats registered applies.
        PullMessageProcessor pull = new PullMessageProcessor(store, topics, clients.subscriptions(), offsets,
                settings.isMaster(), settings.longPolling().maxHeldPulls(), traffic.gets());
        heldPulls = pull.heldPulls();
        processors.add(ProcessorBinding.of(pull, RequestCode.PULL_MESSAGE));
        arrivalListeners.add(heldPulls);
        processors.add(ProcessorBinding.of(new QueryMessageProcessor(store), RequestCode.QUERY_MESSAGE,
                RequestCode.VIEW_MESSAGE_BY_ID));

        // Admin tools (mqadmin): runtime info, queue and consume stats, offset reset, broker config.
        processors.add(ProcessorBinding.of(new RuntimeInfoProcessor(traffic, store, topics, clock, clock.millis(),
                karrierVersion()), RequestCode.GET_BROKER_RUNTIME_INFO));
        processors.add(ProcessorBinding.of(new QueueStatsProcessor(settings.brokerName(), store, topics, offsets,
                clients.consumers(), traffic), RequestCode.GET_TOPIC_STATS_INFO, RequestCode.GET_CONSUME_STATS));
        processors.add(ProcessorBinding.of(new TopicConsumersProcessor(clients.consumers(), offsets),
                RequestCode.QUERY_TOPIC_CONSUME_BY_WHO));
        processors.add(ProcessorBinding.of(new ResetOffsetProcessor(settings.brokerName(), store, topics, offsets,
                clients.consumers()), RequestCode.INVOKE_BROKER_TO_RESET_OFFSET));
        processors.add(ProcessorBinding.of(new BrokerConfigProcessor(configuration), RequestCode.GET_BROKER_CONFIG,
                RequestCode.UPDATE_BROKER_CONFIG));
    }

    /** @return the bundle's version in OSGi, "unknown" outside */
    private static String karrierVersion() {
        Bundle bundle = FrameworkUtil.getBundle(Broker.class);
        return bundle == null ? "unknown" : bundle.getVersion().toString();
    }

    /** @return the processors to register on the broker's servers */
    public List<ProcessorBinding> processors() {
        return List.copyOf(processors);
    }

    /** @return the listeners for connections of the broker's servers closing */
    public List<ChannelListener> channelListeners() {
        return List.copyOf(channelListeners);
    }

    /** @return the listeners the store tells of newly readable messages */
    public List<MessageArrivalListener> arrivalListeners() {
        return List.copyOf(arrivalListeners);
    }

    public TopicConfigs topics() {
        return topics;
    }

    public Clients clients() {
        return clients;
    }


    /** @return the pulls waiting for messages */
    public HeldPulls heldPulls() {
        return heldPulls;
    }

    /**
     * Registers with the name servers now and periodically, persists changed tables periodically,
     * drops clients that stopped sending heartbeats and answers held pulls at their deadline.
     */
    public synchronized void start() {
        long register = settings.registerInterval().toMillis();
        periodicRegistration = scheduler.scheduleWithFixedDelay(registration::registerAll, 0, register,
                TimeUnit.MILLISECONDS);
        long persist = settings.persistInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::persistAll, persist, persist, TimeUnit.MILLISECONDS);
        long scan = Clients.SCAN_INTERVAL.toMillis();
        scheduler.scheduleWithFixedDelay(clients::scan, scan, scan, TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(traffic::sample, 1, 1, TimeUnit.SECONDS);
        long sweep = settings.longPolling().sweepInterval().toMillis();
        scheduler.scheduleWithFixedDelay(heldPulls::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
    }

    /**
     * Stops registering and tells the name servers the broker is leaving, so clients stop coming, and
     * answers the pulls it holds, so that closing its servers does not wait for them.
     */
    public synchronized void leaveNameServers() {
        if (periodicRegistration != null) {
            periodicRegistration.cancel(false);
            periodicRegistration = null;
            registration.unregisterAll();
        }
        heldPulls.stopHolding();
    }

    /** Stops the periodic work and persists every table; call after the servers stopped serving. */
    @Override
    public void close() {
        leaveNameServers();
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        heldPulls.close();
        persistAll();
    }

    private void persistAll() {
        for (Persistent persistent : persistents) {
            try {
                persistent.persist();
            } catch (IOException | RuntimeException e) {
                LOG.error("Broker {}: could not persist {}; will retry", settings.brokerName(), persistent, e);
            }
        }
    }
}
