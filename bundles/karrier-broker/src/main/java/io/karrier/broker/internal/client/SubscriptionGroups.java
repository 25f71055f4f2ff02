package io.karrier.broker.internal.client;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.store.DurableDocuments;
import io.karrier.broker.internal.table.SubscriptionGroupTable;
import io.karrier.protocol.body.SubscriptionGroupConfig;
import io.karrier.protocol.body.SubscriptionGroupWrapper;

/**
 * The consumer groups' broker-side configs (RocketMQ's SubscriptionGroupManager): the persisted table
 * plus RocketMQ's built-in groups, auto-creation on a group's first heartbeat and the admin changes.
 * Admin changes are written at once; auto-created configs with the next periodic persist (a lost
 * one is created again by the next heartbeat). Thread-safe.
 */
public final class SubscriptionGroups {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionGroups.class);

    /** RocketMQ's prefix of system consumer groups, whose configs are created even without auto-create. */
    private static final String SYSTEM_GROUP_PREFIX = "CID_RMQ_SYS_";
    /** The groups RocketMQ's broker always has. */
    private static final List<String> BUILT_IN_GROUPS = List.of("TOOLS_CONSUMER", "FILTERSRV_CONSUMER",
            "SELF_TEST_C_GROUP", "CID_ONS-HTTP-PROXY", "CID_ONSAPI_PULL", "CID_ONSAPI_PERMISSION", "CID_ONSAPI_OWNER");

    private final SubscriptionGroupTable table;
    private final ClientSettings settings;

    private SubscriptionGroups(SubscriptionGroupTable table, ClientSettings settings) {
        this.table = table;
        this.settings = settings;
    }

    /** Loads the table and adds the built-in groups an administrator has not configured. */
    public static SubscriptionGroups open(DurableDocuments documents, ClientSettings settings, Clock clock)
            throws IOException {
        SubscriptionGroupTable table = SubscriptionGroupTable.open(documents, clock);
        BUILT_IN_GROUPS.forEach(group -> table.putIfAbsent(SubscriptionGroupConfig.of(group)));
        return new SubscriptionGroups(table, settings);
    }

    public Optional<SubscriptionGroupConfig> find(String group) {
        return table.get(group);
    }

    /**
     * The group's config, created with RocketMQ's defaults if it has none and auto-create is on (or
     * the group is a system group) and the table is not full.
     */
    public Optional<SubscriptionGroupConfig> findOrAutoCreate(String group) {
        Optional<SubscriptionGroupConfig> existing = table.get(group);
        if (existing.isPresent() || !settings.autoCreateSubscriptionGroup() && !group.startsWith(SYSTEM_GROUP_PREFIX)) {
            return existing;
        }
        if (table.size() >= settings.maxSubscriptionGroups()) {
            LOG.warn("Not creating the subscription group {}: {} groups, the limit", group,
                    settings.maxSubscriptionGroups());
            return Optional.empty();
        }
        SubscriptionGroupConfig config = table.putIfAbsent(SubscriptionGroupConfig.of(group));
        LOG.info("Subscription group {} auto-created: {}", group, config);
        return Optional.of(config);
    }

    /**
     * Creates or replaces a group's config (UPDATE_AND_CREATE_SUBSCRIPTIONGROUP) and persists it.
     *
     * @return false if the group is new and the table is full, so nothing was changed
     */
    public boolean createOrUpdate(SubscriptionGroupConfig config) throws IOException {
        if (table.get(config.groupName()).isEmpty() && table.size() >= settings.maxSubscriptionGroups()) {
            LOG.warn("Not creating the subscription group {}: {} groups, the limit", config.groupName(),
                    settings.maxSubscriptionGroups());
            return false;
        }
        if (table.put(config)) {
            LOG.info("Subscription group {} is now {}", config.groupName(), config);
            table.persist();
        }
        return true;
    }

    /** Deletes a group's config (DELETE_SUBSCRIPTIONGROUP) and persists; returns whether it existed. */
    public boolean delete(String group) throws IOException {
        if (!table.remove(group)) {
            return false;
        }
        LOG.info("Subscription group {} deleted", group);
        table.persist();
        return true;
    }

    /** @return every config with the table's version */
    public SubscriptionGroupWrapper snapshot() {
        return table.snapshot();
    }

    /** Writes the table if it changed. */
    public void persist() throws IOException {
        table.persist();
    }
}
