package io.karrier.namesrv.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The name server's KV configuration: string values by namespace and key (PUT_KV_CONFIG and
 * friends). Namespace {@value #ORDER_TOPIC_CONFIG} holds the order configuration of topics, which
 * routes and registration answers carry. As in RocketMQ, a namespace stays once created, even
 * when its last key is deleted.
 *
 * <p>Thread-safety: changes run under a lock and publish an immutable table; reads are lock-free.
 * Changes are persisted to a {@link KvConfigFile} on the store's own writer thread, so request
 * pools never wait for the disk; the stage a change returns completes once a file write covering it
 * is on disk. Changes that queue up behind a write are covered by the next single write.
 */
@Component(service = KvConfigStore.class, configurationPid = NameServerConfig.PID)
public class KvConfigStore {

    /** RocketMQ's namespace for order-topic configuration ({@code brokerName:queueNums;...} per topic). */
    static final String ORDER_TOPIC_CONFIG = "ORDER_TOPIC_CONFIG";

    private static final Logger LOG = LoggerFactory.getLogger(KvConfigStore.class);

    /** A version of the table; the version counts changes so the writer can tell what is on disk. */
    private record Table(long version, Map<String, Map<String, String>> namespaces) {
    }

    private final KvConfigFile file;
    private final ExecutorService writer = Executors.newSingleThreadExecutor(
            runnable -> new Thread(runnable, "karrier-namesrv-kv-writer"));
    private final Object lock = new Object();
    private volatile Table table;
    /** Written by the writer thread only. */
    private long persistedVersion;

    @Activate
    public KvConfigStore(NameServerConfig config, BundleContext context) throws IOException {
        this(config.kvConfigPath().isBlank()
                ? Path.of(String.valueOf(context.getProperty("karaf.data")), "karrier", "namesrv", "kvConfig.json")
                : Path.of(config.kvConfigPath()));
    }

    KvConfigStore(Path path) throws IOException {
        this.file = new KvConfigFile(path);
        Map<String, Map<String, String>> loaded = file.load();
        Map<String, Map<String, String>> namespaces = new HashMap<>();
        loaded.forEach((namespace, entries) -> namespaces.put(namespace, Map.copyOf(entries)));
        this.table = new Table(0, Map.copyOf(namespaces));
        LOG.info("KV configuration {}: {} namespaces", file.path(), namespaces.size());
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        writer.shutdown();
        if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
            LOG.warn("KV configuration {} still being written at shutdown", file.path());
        }
    }

    /** @return the value, or {@code null} */
    String get(String namespace, String key) {
        Map<String, String> entries = table.namespaces().get(namespace);
        return entries == null ? null : entries.get(key);
    }

    /** @return the namespace's entries, or {@code null} when the namespace was never created */
    Map<String, String> namespace(String namespace) {
        return table.namespaces().get(namespace);
    }

    /** @return completes when the change is on disk; fails with the write's {@link IOException} */
    CompletionStage<Void> put(String namespace, String key, String value) {
        synchronized (lock) {
            Map<String, String> entries = new HashMap<>(table.namespaces().getOrDefault(namespace, Map.of()));
            entries.put(key, value);
            publish(namespace, entries);
        }
        LOG.info("KV configuration {}/{} set to {}", namespace, key, value);
        return persist();
    }

    /** @return completes when the change is on disk; fails with the write's {@link IOException} */
    CompletionStage<Void> delete(String namespace, String key) {
        synchronized (lock) {
            Map<String, String> entries = table.namespaces().get(namespace);
            if (entries == null || !entries.containsKey(key)) {
                return CompletableFuture.completedFuture(null);
            }
            Map<String, String> remaining = new HashMap<>(entries);
            remaining.remove(key);
            publish(namespace, remaining);
        }
        LOG.info("KV configuration {}/{} deleted", namespace, key);
        return persist();
    }

    private void publish(String namespace, Map<String, String> entries) {
        Map<String, Map<String, String>> namespaces = new HashMap<>(table.namespaces());
        namespaces.put(namespace, Map.copyOf(entries));
        table = new Table(table.version() + 1, Map.copyOf(namespaces));
    }

    private CompletionStage<Void> persist() {
        return CompletableFuture.runAsync(this::writeIfBehind, writer);
    }

    /** Runs on the writer thread: one write covers every change published before it started. */
    private void writeIfBehind() {
        Table current = table;
        if (current.version() <= persistedVersion) {
            return;
        }
        try {
            file.write(current.namespaces());
            persistedVersion = current.version();
        } catch (IOException e) {
            LOG.error("Cannot write KV configuration {}: {}", file.path(), e.toString());
            throw new UncheckedIOException(e);
        }
    }
}
