package io.karrier.store.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import io.karrier.api.flush.FlushStrategy;
import io.karrier.api.store.AppendRequest;
import io.karrier.api.store.AppendResult;
import io.karrier.api.store.DurableDocuments;
import io.karrier.api.store.GetResult;
import io.karrier.api.store.MessageArrivalListener;
import io.karrier.api.store.MessageFilter;
import io.karrier.api.store.MessageStore;
import io.karrier.api.store.SelectedRecords;
import io.karrier.store.internal.index.IndexSettings;
import io.karrier.store.internal.retention.RetentionSettings;
import io.karrier.store.internal.table.DocumentDirectory;

/**
 * The store as a service: configured from PID {@code io.karrier.store}, it opens (and recovers) the
 * store on activation and closes it cleanly on deactivation. Flush strategies are a dynamic, greedy
 * reference: the highest-ranked one present is in force, and a new one takes over while appends go on.
 *
 * <p>The DS methods are public so that other bundles' tests can run a store outside OSGi; the package
 * stays private to this bundle.
 */
@Designate(ocd = StoreConfig.class)
@Component(configurationPid = "io.karrier.store", service = {MessageStore.class, DurableDocuments.class},
        immediate = true)
public class MessageStoreComponent implements MessageStore, DurableDocuments {

    private final LocalMessageStore store;
    private final DocumentDirectory documents;

    @Activate
    public MessageStoreComponent(StoreConfig config, BundleContext context) throws IOException {
        StoreSettings settings = settings(config, context);
        this.store = LocalMessageStore.open(settings, Clock.systemUTC());
        this.documents = new DocumentDirectory(settings.root().resolve("config"));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addArrivalListener(MessageArrivalListener listener) {
        store.arrivals().add(listener);
    }

    public void removeArrivalListener(MessageArrivalListener listener) {
        store.arrivals().remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addFlushStrategy(FlushStrategy strategy, Map<String, Object> properties) {
        Object serviceId = properties.get(Constants.SERVICE_ID);
        store.flushSwitch().add(strategy, ranking(properties.get(Constants.SERVICE_RANKING)),
                serviceId instanceof Long id ? id : Long.MAX_VALUE);
    }

    /**
     * A ranking set in a {@code .cfg} file arrives as a string, which the framework would treat as 0;
     * the numeric value is what the administrator meant.
     */
    static int ranking(Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        if (value instanceof String text) {
            try {
                return Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    public void removeFlushStrategy(FlushStrategy strategy) {
        store.flushSwitch().remove(strategy);
    }

    @Deactivate
    public void deactivate() throws IOException {
        store.close();
    }

    static StoreSettings settings(StoreConfig config, BundleContext context) {
        Path root = config.storePath().isBlank()
                ? Path.of(String.valueOf(context.getProperty("karaf.data")), "karrier", "store")
                : Path.of(config.storePath());
        return new StoreSettings(root, config.commitLogSegmentBytes(), config.consumeQueueEntriesPerFile(),
                config.maxMessageBytes(), Duration.ofMillis(config.flushStrategyWaitMillis()), config.preTouch(),
                config.commitLogWarmAheadBytes(),
                new IndexSettings(config.indexHashSlots(), config.indexMaxEntries(), config.indexMaxFiles()),
                new RetentionSettings(Duration.ofSeconds(config.retentionCheckIntervalSeconds()),
                        Duration.ofHours(config.fileReservedHours()), config.diskSoftLimitPercent(),
                        config.diskHardLimitPercent()));
    }

    @Override
    public CompletionStage<AppendResult> append(AppendRequest request) {
        return store.append(request);
    }

    @Override
    public CompletionStage<AppendResult> appendBatch(List<AppendRequest> requests) {
        return store.appendBatch(requests);
    }

    @Override
    public GetResult get(String topic, int queueId, long offset, int maxCount, int maxBytes, MessageFilter filter) {
        return store.get(topic, queueId, offset, maxCount, maxBytes, filter);
    }

    @Override
    public SelectedRecords readAt(long commitLogOffset) {
        return store.readAt(commitLogOffset);
    }

    @Override
    public SelectedRecords queryByKey(String topic, String key, int maxCount, long beginTimestamp, long endTimestamp) {
        return store.queryByKey(topic, key, maxCount, beginTimestamp, endTimestamp);
    }

    @Override
    public long minOffset(String topic, int queueId) {
        return store.minOffset(topic, queueId);
    }

    @Override
    public long maxOffset(String topic, int queueId) {
        return store.maxOffset(topic, queueId);
    }

    @Override
    public long offsetByTimestamp(String topic, int queueId, long timestamp) {
        return store.offsetByTimestamp(topic, queueId, timestamp);
    }

    @Override
    public long earliestStoreTime(String topic, int queueId) {
        return store.earliestStoreTime(topic, queueId);
    }

    @Override
    public long commitLogMaxOffset() {
        return store.commitLogMaxOffset();
    }

    @Override
    public <T> Optional<T> read(String name, Decoder<T> decoder) throws IOException {
        return documents.read(name, decoder);
    }

    @Override
    public void write(String name, byte[] content) throws IOException {
        documents.write(name, content);
    }
}
