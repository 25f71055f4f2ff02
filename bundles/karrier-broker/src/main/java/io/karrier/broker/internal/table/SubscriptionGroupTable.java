package io.karrier.broker.internal.table;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.karrier.api.store.DurableDocuments;
import io.karrier.protocol.body.DataVersion;
import io.karrier.protocol.body.SubscriptionGroupConfig;
import io.karrier.protocol.body.SubscriptionGroupWrapper;

/**
 * Consumer group name → {@link SubscriptionGroupConfig}, with a {@link DataVersion} bumped on every
 * change. Document {@value #DOCUMENT}, as RocketMQ's SubscriptionGroupManager writes it:
 * {@code {"dataVersion":{"counter":2,"timestamp":1700000000000},"subscriptionGroupTable":{"g":{"brokerId":0,
 * "consumeBroadcastEnable":true,"consumeEnable":true,"consumeFromMinEnable":true,"groupName":"g",
 * "notifyConsumerIdsChangedEnable":true,"retryMaxTimes":16,"retryQueueNums":1,"whichBrokerWhenConsumeSlowly":1}}}}.
 *
 * <p>Thread-safety: lookups are lock-free; changes are serialized on one lock with the snapshot, so
 * the version written always matches the groups written with it.
 */
public final class SubscriptionGroupTable extends JsonTable<SubscriptionGroupWrapper> {

    /** The document's name. */
    public static final String DOCUMENT = "subscriptionGroup.json";

    private final Clock clock;
    private final Object lock = new Object();
    private final ConcurrentHashMap<String, SubscriptionGroupConfig> groups = new ConcurrentHashMap<>();
    private volatile DataVersion dataVersion; // written under lock

    private SubscriptionGroupTable(DurableDocuments documents, Clock clock) {
        super(documents, DOCUMENT, SubscriptionGroupWrapper.class);
        this.clock = clock;
        this.dataVersion = new DataVersion(0, clock.millis());
    }

    /** Opens the table, loading its current or previous copy; throws if a copy exists but none parses. */
    public static SubscriptionGroupTable open(DurableDocuments documents, Clock clock) throws IOException {
        SubscriptionGroupTable table = new SubscriptionGroupTable(documents, clock);
        table.load();
        return table;
    }

    /** The group's config, if it has one. */
    public Optional<SubscriptionGroupConfig> get(String groupName) {
        return Optional.ofNullable(groups.get(groupName));
    }

    /** @return how many groups have a config */
    public int size() {
        return groups.size();
    }

    /** Adds or replaces a group's config; returns false (and keeps the version) if it was already so. */
    public boolean put(SubscriptionGroupConfig config) {
        synchronized (lock) {
            if (config.equals(groups.put(config.groupName(), config))) {
                return false;
            }
            bump();
            return true;
        }
    }

    /** Adds a group's config unless the group has one; returns the config the group has now. */
    public SubscriptionGroupConfig putIfAbsent(SubscriptionGroupConfig config) {
        synchronized (lock) {
            SubscriptionGroupConfig existing = groups.putIfAbsent(config.groupName(), config);
            if (existing != null) {
                return existing;
            }
            bump();
            return config;
        }
    }

    /** Deletes a group's config; returns whether it existed. */
    public boolean remove(String groupName) {
        synchronized (lock) {
            if (groups.remove(groupName) == null) {
                return false;
            }
            bump();
            return true;
        }
    }

    private void bump() {
        dataVersion = dataVersion.next(clock.millis());
        changed();
    }

    /** @return every config with the version they make, as GET_ALL_SUBSCRIPTIONGROUP_CONFIG answers */
    @Override
    public SubscriptionGroupWrapper snapshot() {
        synchronized (lock) {
            return new SubscriptionGroupWrapper(dataVersion, new TreeMap<>(groups));
        }
    }

    @Override
    protected SubscriptionGroupWrapper checked(SubscriptionGroupWrapper document) throws IOException {
        for (Map.Entry<String, SubscriptionGroupConfig> entry : document.subscriptionGroupTable().entrySet()) {
            if (entry.getValue() == null || !entry.getKey().equals(entry.getValue().groupName())) {
                throw new IOException(DOCUMENT + ": group " + entry.getKey() + " has config " + entry.getValue());
            }
        }
        return document;
    }

    @Override
    protected void restore(SubscriptionGroupWrapper document) {
        synchronized (lock) {
            groups.clear();
            groups.putAll(document.subscriptionGroupTable());
            dataVersion = document.dataVersion();
        }
    }
}
