package io.karrier.broker.internal.topic;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.store.DurableDocuments;
import io.karrier.broker.internal.BrokerSettings;
import io.karrier.broker.internal.table.TopicConfigTable;
import io.karrier.protocol.body.DataVersion;
import io.karrier.protocol.body.TopicConfig;
import io.karrier.protocol.body.TopicConfigSerializeWrapper;
import io.karrier.protocol.body.TopicFilterType;

/**
 * The broker's topics: the persisted table plus RocketMQ's system topics, auto-creation on send from
 * TBW102 and creation of retry topics. Every change is written at once (topic changes are rare and a
 * lost one would lose a topic) and announced to the change listeners, so the name servers hear of it
 * before the next periodic registration. Thread-safe.
 */
public final class TopicConfigs {

    private static final Logger LOG = LoggerFactory.getLogger(TopicConfigs.class);
    private static final int SCHEDULE_TOPIC_QUEUES = 18;
    private static final int CLUSTER_TOPIC_QUEUES = 16;

    private final TopicConfigTable table;
    private final BrokerSettings settings;
    private final Set<String> brokerTopics;
    private final CopyOnWriteArrayList<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final Object createLock = new Object();

    private TopicConfigs(TopicConfigTable table, BrokerSettings settings) {
        this.table = table;
        this.settings = settings;
        this.brokerTopics = Set.of(settings.clusterName(), settings.brokerName(),
                settings.clusterName() + "_REPLY_TOPIC");
    }

    /** Loads the table and adds the system topics RocketMQ's broker creates at start. */
    public static TopicConfigs open(DurableDocuments documents, BrokerSettings settings, Clock clock) throws IOException {
        TopicConfigs topics = new TopicConfigs(TopicConfigTable.open(documents, clock), settings);
        topics.addSystemTopics();
        topics.table.persist();
        return topics;
    }

    private void addSystemTopics() {
        putSystem(queues(TopicNames.SELF_TEST_TOPIC, 1, Permission.READ | Permission.WRITE));
        if (settings.autoCreateTopicEnable()) {
            putSystem(queues(TopicNames.AUTO_CREATE_TOPIC, settings.defaultTopicQueueNums(),
                    Permission.INHERIT | Permission.READ | Permission.WRITE));
        }
        putSystem(queues(settings.clusterName(), CLUSTER_TOPIC_QUEUES,
                Permission.INHERIT | Permission.READ | Permission.WRITE));
        putSystem(queues(settings.brokerName(), 1, Permission.INHERIT | Permission.READ | Permission.WRITE));
        putSystem(queues(TopicNames.OFFSET_MOVED_EVENT, 1, Permission.READ | Permission.WRITE));
        putSystem(queues(TopicNames.SCHEDULE_TOPIC, SCHEDULE_TOPIC_QUEUES, Permission.READ | Permission.WRITE));
        putSystem(queues(settings.clusterName() + "_REPLY_TOPIC", 1, Permission.READ | Permission.WRITE));
    }

    private void putSystem(TopicConfig config) {
        // An administrator's change to a system topic (more queues, say) is kept across restarts.
        if (table.get(config.topicName()).isEmpty()) {
            table.put(config);
        }
    }

    private static TopicConfig queues(String topic, int queueNums, int perm) {
        return new TopicConfig(topic, queueNums, queueNums, perm, TopicFilterType.SINGLE_TAG, 0, false);
    }

    /** Runs {@code listener} after every change (on the changing thread; it must not block). */
    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    public Optional<TopicConfig> find(String topic) {
        return table.get(topic);
    }

    /** @return every topic, by name */
    public Map<String, TopicConfig> all() {
        return table.all();
    }

    /** @return whether clients may not create, update or delete the topic */
    public boolean isSystemTopic(String topic) {
        return TopicNames.isSystemTopic(topic, brokerTopics);
    }

    /** @return the table with its version, as registered with the name servers */
    public TopicConfigSerializeWrapper snapshot() {
        // Read the version first: a change racing with this makes the snapshot newer than its version,
        // which only causes one more registration, never a missed one.
        DataVersion version = table.dataVersion();
        return new TopicConfigSerializeWrapper(version, table.all());
    }

    public DataVersion dataVersion() {
        return table.dataVersion();
    }

    /** Creates or replaces a topic (UPDATE_AND_CREATE_TOPIC) and persists it. */
    public void createOrUpdate(TopicConfig config) throws IOException {
        if (table.put(config)) {
            LOG.info("Topic {} is now {}", config.topicName(), config);
            changed();
        }
    }

    /** Deletes a topic and persists; returns whether it existed. */
    public boolean delete(String topic) throws IOException {
        if (!table.remove(topic)) {
            return false;
        }
        LOG.info("Topic {} deleted", topic);
        changed();
        return true;
    }

    /**
     * A topic a producer sends to, created from its default topic if it does not exist and the
     * default topic lets topics inherit (RocketMQ's createTopicInSendMessageMethod).
     *
     * @param topic the topic sent to
     * @param defaultTopic the default topic the producer names (TBW102)
     * @param queueNums the queue count the producer asks for; capped at the default topic's
     * @param sysFlag the topic system flag the producer asks for
     * @param producer the producer's address, for the log
     * @return the topic's config, or empty if it neither exists nor may be created
     */
    public Optional<TopicConfig> findOrCreateOnSend(String topic, String defaultTopic, int queueNums, int sysFlag,
            String producer) throws IOException {
        Optional<TopicConfig> existing = table.get(topic);
        if (existing.isPresent()) {
            return existing;
        }
        synchronized (createLock) {
            existing = table.get(topic);
            if (existing.isPresent()) {
                return existing;
            }
            Optional<TopicConfig> template = table.get(defaultTopic);
            if (template.isEmpty() || !Permission.inherited(template.get().perm())
                    || defaultTopic.equals(TopicNames.AUTO_CREATE_TOPIC) && !settings.autoCreateTopicEnable()) {
                LOG.warn("Not creating topic {} for {}: default topic {} is {}", topic, producer, defaultTopic,
                        template.map(config -> "not inheritable, perm " + Permission.describe(config.perm()))
                                .orElse("missing"));
                return Optional.empty();
            }
            int queues = Math.max(0, Math.min(queueNums, template.get().writeQueueNums()));
            TopicConfig created = new TopicConfig(topic, queues, queues, template.get().perm() & ~Permission.INHERIT,
                    template.get().topicFilterType(), sysFlag, false);
            table.put(created);
            LOG.info("Topic {} auto-created from {} for {}: {}", topic, defaultTopic, producer, created);
            changed();
            return Optional.of(created);
        }
    }

    /**
     * A system-made topic (a group's retry topic, the dead-letter topic), created with the given
     * shape if missing (RocketMQ's createTopicInSendMessageBackMethod).
     */
    public TopicConfig findOrCreate(String topic, int queueNums, int perm, int sysFlag) throws IOException {
        Optional<TopicConfig> existing = table.get(topic);
        if (existing.isPresent()) {
            return existing.get();
        }
        synchronized (createLock) {
            existing = table.get(topic);
            if (existing.isPresent()) {
                return existing.get();
            }
            TopicConfig created = new TopicConfig(topic, queueNums, queueNums, perm, TopicFilterType.SINGLE_TAG,
                    sysFlag, false);
            table.put(created);
            LOG.info("Topic {} created: {}", topic, created);
            changed();
            return created;
        }
    }

    private void changed() throws IOException {
        table.persist();
        for (Runnable listener : changeListeners) {
            listener.run();
        }
    }

    /** Writes the table if it changed; for shutdown. */
    public void persist() throws IOException {
        table.persist();
    }
}
