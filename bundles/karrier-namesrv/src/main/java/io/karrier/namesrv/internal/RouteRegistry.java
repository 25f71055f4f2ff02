package io.karrier.namesrv.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntUnaryOperator;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ChannelListener;
import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.protocol.body.BrokerData;
import io.karrier.protocol.body.DataVersion;
import io.karrier.protocol.body.QueueData;
import io.karrier.protocol.body.RegisterBrokerBody;
import io.karrier.protocol.body.TopicConfig;
import io.karrier.protocol.header.BrokerIdentityRequestHeader;
import io.karrier.protocol.header.RegisterBrokerRequestHeader;
import io.karrier.protocol.header.RegisterBrokerResponseHeader;

/**
 * The name server's route tables: which brokers are alive, in which clusters, hosting which topics
 * with how many queues (RocketMQ's RouteInfoManager; REMOTING.md §5). It follows RocketMQ 4.9.7 on
 * purpose: only a master's registration writes queue data, and only when its data version changed
 * or it is new; topics a broker stops listing stay until DELETE_TOPIC_IN_NAMESRV; a broker name's
 * queue data goes when its last address does. A broker goes when it unregisters, when its channel
 * closes, or when it has not registered within the expiry {@link #removeExpired} is given.
 *
 * <p>Thread-safety: changes run under one lock, on writer-side tables whose values are immutable,
 * and then publish a new immutable {@link RouteSnapshot} (shallow copies of the outer tables,
 * O(topics)). Route queries, the hot path (every client asks every 30 s), read the latest snapshot
 * without locking and always see one consistent state. A broker re-registering an unchanged topic
 * table changes only its liveness, which queries never read, and publishes nothing.
 */
@Component(service = {RouteRegistry.class, ChannelListener.class},
        property = RequestProcessor.SERVER + "=" + NameServerComponent.SERVER_NAME)
public class RouteRegistry implements ChannelListener {

    private static final Logger LOG = LoggerFactory.getLogger(RouteRegistry.class);

    private static final long MASTER_ID = BrokerData.MASTER_ID;
    private static final int PERM_READ = 4;
    private static final int PERM_WRITE = 2;

    private final Clock clock;

    private final Object lock = new Object();
    // Guarded by lock. Values are immutable: a change replaces them, so snapshots can share them.
    private final Map<String, Map<String, QueueData>> topicQueues = new HashMap<>();
    private final Map<String, BrokerData> brokers = new HashMap<>();
    private final Map<String, Set<String>> clusters = new HashMap<>();
    private final Map<String, List<String>> filterServers = new HashMap<>();
    private final Map<String, BrokerLiveness> liveness = new HashMap<>();

    private volatile RouteSnapshot snapshot = RouteSnapshot.EMPTY;

    /** Takes no configuration, so that changing the name server's settings does not empty the routes. */
    @Activate
    public RouteRegistry() {
        this(Clock.systemUTC());
    }

    RouteRegistry(Clock clock) {
        this.clock = clock;
    }

    /** @return the current routes; lock-free */
    RouteSnapshot snapshot() {
        return snapshot;
    }

    /**
     * Records a broker's registration (REGISTER_BROKER, 103).
     *
     * @param header who registers
     * @param body its topic table and filter servers
     * @param channel the connection it registered over
     * @return for a slave whose master is alive, the master's address and HA address; else empty
     */
    RegisterBrokerResponseHeader register(RegisterBrokerRequestHeader header, RegisterBrokerBody body,
            ClientChannel channel) {
        String address = header.brokerAddr();
        String brokerName = header.brokerName();
        long brokerId = header.brokerId();
        DataVersion version = body.topicConfigSerializeWrapper().dataVersion();
        // Nulls a peer may send would poison the immutable snapshots: leave them out before changing anything.
        List<TopicConfig> topics = body.topicConfigSerializeWrapper().topicConfigTable().values().stream()
                .filter(topic -> topic != null && topic.topicName() != null).toList();
        List<String> servers = body.filterServerList().stream().filter(Objects::nonNull).toList();
        synchronized (lock) {
            boolean changed = addToCluster(header.clusterName(), brokerName);

            BrokerData broker = brokers.get(brokerName);
            Map<Long, String> addresses = new HashMap<>(broker == null ? Map.of() : broker.brokerAddrs());
            // One address, one id: a slave turned master re-registers its address under id 0.
            addresses.entrySet().removeIf(entry -> entry.getValue().equals(address) && entry.getKey() != brokerId);
            String previous = addresses.put(brokerId, address);
            boolean firstRegistration = broker == null || previous == null;
            if (broker == null || !addresses.equals(broker.brokerAddrs())) {
                if (brokerId == MASTER_ID) {
                    LOG.info("Cluster {} broker {}: master address {} -> {}", header.clusterName(), brokerName,
                            previous, address);
                }
                brokers.put(brokerName, new BrokerData(broker == null ? header.clusterName() : broker.cluster(),
                        brokerName, addresses));
                changed = true;
            }

            if (brokerId == MASTER_ID && (firstRegistration || versionChanged(address, version))) {
                for (TopicConfig topic : topics) {
                    changed |= putQueueData(topic.topicName(), new QueueData(brokerName, topic.readQueueNums(),
                            topic.writeQueueNums(), topic.perm(), topic.topicSysFlag()));
                }
            }

            BrokerLiveness before = liveness.put(address,
                    new BrokerLiveness(clock.millis(), version, channel, header.haServerAddr()));
            if (before == null) {
                LOG.info("Broker {} (cluster {}, name {}, id {}, HA {}) registered", address, header.clusterName(),
                        brokerName, brokerId, header.haServerAddr());
            }

            changed |= servers.isEmpty() ? filterServers.remove(address) != null
                    : !servers.equals(filterServers.put(address, servers));

            if (changed) {
                publish();
            }
            return masterOf(brokerId, addresses);
        }
    }

    /**
     * Forgets one broker address (UNREGISTER_BROKER, 104), and the broker name's topics with its last
     * address.
     */
    void unregister(BrokerIdentityRequestHeader header) {
        synchronized (lock) {
            boolean live = liveness.remove(header.brokerAddr()) != null;
            boolean changed = filterServers.remove(header.brokerAddr()) != null;
            LOG.info("Broker {} (name {}, id {}) unregisters{}", header.brokerAddr(), header.brokerName(),
                    header.brokerId(), live ? "" : "; it was not registered");
            changed |= removeAddress(header.brokerName(), header.brokerId(), "unregistered");
            if (changed) {
                publish();
            }
        }
    }

    /**
     * Compares a broker's data version with the one it last registered (QUERY_DATA_VERSION, 322). An
     * unchanged version counts as a sign of life, as in RocketMQ.
     */
    DataVersionCheck checkDataVersion(String brokerAddr, DataVersion version) {
        synchronized (lock) {
            BrokerLiveness live = liveness.get(brokerAddr);
            boolean changed = versionChanged(brokerAddr, version);
            if (!changed) {
                liveness.put(brokerAddr, live.touchedAt(clock.millis()));
            }
            return new DataVersionCheck(changed, live == null ? null : live.dataVersion());
        }
    }

    /**
     * Clears the write permission of every topic on a broker name (WIPE_WRITE_PERM_OF_BROKER, 205),
     * so producers move away before the broker is taken down.
     *
     * @return how many topics the broker name hosts
     */
    int wipeWritePermission(String brokerName) {
        return changePermission(brokerName, perm -> perm & ~PERM_WRITE);
    }

    /**
     * Makes every topic on a broker name readable and writable again (ADD_WRITE_PERM_OF_BROKER, 327).
     * Like RocketMQ it sets exactly read + write, dropping other bits.
     *
     * @return how many topics the broker name hosts
     */
    int addWritePermission(String brokerName) {
        return changePermission(brokerName, perm -> PERM_READ | PERM_WRITE);
    }

    /**
     * Removes a topic's queue data (DELETE_TOPIC_IN_NAMESRV, 216).
     *
     * @param clusterName only from this cluster's brokers, or everywhere when {@code null} or empty
     */
    void deleteTopic(String topic, String clusterName) {
        synchronized (lock) {
            Map<String, QueueData> queues = topicQueues.get(topic);
            if (queues == null) {
                return;
            }
            if (clusterName == null || clusterName.isEmpty()) {
                topicQueues.remove(topic);
                LOG.info("Topic {} deleted", topic);
            } else {
                Set<String> brokerNames = clusters.getOrDefault(clusterName, Set.of());
                Map<String, QueueData> kept = new HashMap<>(queues);
                if (!kept.keySet().removeAll(brokerNames)) {
                    return;
                }
                replaceQueues(topic, kept);
                LOG.info("Topic {} deleted from cluster {}{}", topic, clusterName,
                        kept.isEmpty() ? "; no broker hosts it any more" : "");
            }
            publish();
        }
    }

    /**
     * Drops the brokers that have not registered within the expiry, closing their channels.
     *
     * @param expiry how long a broker may go without registering (RocketMQ: 120 s)
     * @return how many broker addresses were dropped
     */
    int removeExpired(Duration expiry) {
        long expiryMillis = expiry.toMillis();
        long now = clock.millis();
        synchronized (lock) {
            List<Map.Entry<String, BrokerLiveness>> expired = new ArrayList<>();
            for (Map.Entry<String, BrokerLiveness> entry : liveness.entrySet()) {
                if (entry.getValue().lastUpdateMillis() + expiryMillis < now) {
                    expired.add(Map.entry(entry.getKey(), entry.getValue()));
                }
            }
            for (Map.Entry<String, BrokerLiveness> entry : expired) {
                LOG.warn("Broker {} has not registered for {} ms: removing it",
                        entry.getKey(), now - entry.getValue().lastUpdateMillis());
                dropAddress(entry.getKey(), "expired");
                entry.getValue().channel().close();
            }
            if (!expired.isEmpty()) {
                publish();
            }
            return expired.size();
        }
    }

    /** Drops the brokers that registered over a connection that closed. Runs off the I/O threads. */
    @Override
    public void channelClosed(ClientChannel channel) {
        synchronized (lock) {
            List<String> addresses = new ArrayList<>();
            liveness.forEach((address, live) -> {
                if (live.channel().id().equals(channel.id())) {
                    addresses.add(address);
                }
            });
            for (String address : addresses) {
                LOG.info("Connection {} of broker {} closed: removing it", channel.remoteAddress(), address);
                dropAddress(address, "channel closed");
            }
            if (!addresses.isEmpty()) {
                publish();
            }
        }
    }

    private RegisterBrokerResponseHeader masterOf(long brokerId, Map<Long, String> addresses) {
        String master = brokerId == MASTER_ID ? null : addresses.get(MASTER_ID);
        BrokerLiveness live = master == null ? null : liveness.get(master);
        return live == null ? new RegisterBrokerResponseHeader(null, null)
                : new RegisterBrokerResponseHeader(live.haServerAddr(), master);
    }

    private boolean versionChanged(String address, DataVersion version) {
        BrokerLiveness live = liveness.get(address);
        return live == null || !live.dataVersion().equals(version);
    }

    private boolean addToCluster(String clusterName, String brokerName) {
        Set<String> names = clusters.getOrDefault(clusterName, Set.of());
        if (names.contains(brokerName)) {
            return false;
        }
        Set<String> grown = new HashSet<>(names);
        grown.add(brokerName);
        clusters.put(clusterName, Set.copyOf(grown));
        return true;
    }

    private boolean putQueueData(String topic, QueueData queue) {
        Map<String, QueueData> queues = topicQueues.getOrDefault(topic, Map.of());
        QueueData before = queues.get(queue.brokerName());
        if (queue.equals(before)) {
            return false;
        }
        Map<String, QueueData> next = new HashMap<>(queues);
        next.put(queue.brokerName(), queue);
        topicQueues.put(topic, Map.copyOf(next));
        if (before == null) {
            LOG.info("Topic {} registered on {}", topic, queue);
        } else {
            LOG.info("Topic {} changed from {} to {}", topic, before, queue);
        }
        return true;
    }

    private void replaceQueues(String topic, Map<String, QueueData> queues) {
        if (queues.isEmpty()) {
            topicQueues.remove(topic);
        } else {
            topicQueues.put(topic, Map.copyOf(queues));
        }
    }

    private int changePermission(String brokerName, IntUnaryOperator change) {
        synchronized (lock) {
            int topics = 0;
            for (Map.Entry<String, Map<String, QueueData>> entry : List.copyOf(topicQueues.entrySet())) {
                QueueData queue = entry.getValue().get(brokerName);
                if (queue != null) {
                    topics++;
                    putQueueData(entry.getKey(), new QueueData(brokerName, queue.readQueueNums(),
                            queue.writeQueueNums(), change.applyAsInt(queue.perm()), queue.topicSysFlag()));
                }
            }
            if (topics > 0) {
                publish();
            }
            return topics;
        }
    }

    /** Forgets a broker address found through its liveness: expired, or its channel closed. */
    private void dropAddress(String address, String why) {
        liveness.remove(address);
        filterServers.remove(address);
        for (BrokerData broker : List.copyOf(brokers.values())) {
            for (Map.Entry<Long, String> entry : broker.brokerAddrs().entrySet()) {
                if (entry.getValue().equals(address)) {
                    removeAddress(broker.brokerName(), entry.getKey(), why);
                    return;
                }
            }
        }
    }

    /**
     * Removes one id of a broker name; with its last one, the broker name, its cluster membership
     * (and an emptied cluster) and its queue data on every topic (and topics no broker hosts any more).
     *
     * @return whether anything changed
     */
    private boolean removeAddress(String brokerName, long brokerId, String why) {
        BrokerData broker = brokers.get(brokerName);
        if (broker == null || !broker.brokerAddrs().containsKey(brokerId)) {
            return false;
        }
        Map<Long, String> addresses = new HashMap<>(broker.brokerAddrs());
        String address = addresses.remove(brokerId);
        LOG.info("Removed broker {} id {} ({}) from the routes: {}", brokerName, brokerId, address, why);
        if (!addresses.isEmpty()) {
            brokers.put(brokerName, new BrokerData(broker.cluster(), brokerName, addresses));
            return true;
        }
        brokers.remove(brokerName);
        for (Iterator<Map.Entry<String, Set<String>>> it = clusters.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Set<String>> cluster = it.next();
            if (cluster.getValue().contains(brokerName)) {
                Set<String> names = new HashSet<>(cluster.getValue());
                names.remove(brokerName);
                if (names.isEmpty()) {
                    it.remove();
                    LOG.info("Cluster {} has no broker left: removing it", cluster.getKey());
                } else {
                    cluster.setValue(Set.copyOf(names));
                }
            }
        }
        int topics = 0;
        List<String> orphans = new ArrayList<>();
        for (Map.Entry<String, Map<String, QueueData>> entry : List.copyOf(topicQueues.entrySet())) {
            QueueData queue = entry.getValue().get(brokerName);
            if (queue != null) {
                Map<String, QueueData> kept = new HashMap<>(entry.getValue());
                kept.remove(brokerName);
                replaceQueues(entry.getKey(), kept);
                topics++;
                if (kept.isEmpty()) {
                    orphans.add(entry.getKey());
                }
                LOG.debug("Removed {} of topic {}", queue, entry.getKey());
            }
        }
        LOG.info("Broker name {} has no address left: removed it and its queues of {} topics; topics no broker "
                + "hosts any more: {}", brokerName, topics, orphans);
        return true;
    }

    private void publish() {
        snapshot = new RouteSnapshot(Map.copyOf(topicQueues), Map.copyOf(brokers), Map.copyOf(clusters),
                Map.copyOf(filterServers));
    }

    @Override
    public String toString() {
        RouteSnapshot current = snapshot;
        return "RouteRegistry[" + current.brokers().size() + " broker names, " + current.topicQueues().size()
                + " topics]";
    }
}
