package io.karrier.flush.async.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.flush.FlushStrategy;
import io.karrier.api.flush.FlushTarget;

/**
 * Asynchronous flush (RocketMQ's ASYNC_FLUSH): an append counts once it is in the page cache; one
 * {@link BackgroundFlusher} per attached target forces it every interval or when enough pages are dirty.
 *
 * <p>Ranking: {@code service.ranking} defaults to 0, below sync flush's 100, so async is what the
 * store uses when sync flush is not installed.
 *
 * <p>Configuration changes: no {@code @Modified}. A change makes DS deactivate this instance (each
 * flusher forces the tail and stops) and activate a new one, which the store attaches again.
 */
@Designate(ocd = AsyncFlushStrategy.Config.class)
@Component(configurationPid = "io.karrier.flush.async", service = FlushStrategy.class,
        property = "service.ranking:Integer=" + AsyncFlushStrategy.DEFAULT_RANKING)
public class AsyncFlushStrategy implements FlushStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncFlushStrategy.class);

    static final int DEFAULT_RANKING = 0;
    static final int PAGE_SIZE = 4096;
    static final long DEFAULT_INTERVAL_MILLIS = 500;
    static final int DEFAULT_DIRTY_PAGES = 1024;

    @ObjectClassDefinition(name = "Karrier async flush",
            description = "An append is acknowledged in the page cache; a background thread forces the log.")
    @interface Config {

        @AttributeDefinition(description = "Force the commit log at least this often while anything is dirty "
                + "(RocketMQ's flushIntervalCommitLog).", min = "1")
        long flushIntervalMillis() default DEFAULT_INTERVAL_MILLIS;

        // RocketMQ's flushCommitLogLeastPages is 4, but there it only gates the timed flush; as a
        // trigger for an early force, 4 pages made the flusher force almost continuously under load.
        @AttributeDefinition(description = "Force sooner once this many 4 KiB pages are dirty.", min = "1")
        int flushDirtyPages() default DEFAULT_DIRTY_PAGES;

        @AttributeDefinition(name = "Ranking", description = "The store uses the highest-ranked flush strategy "
                + "present; sync flush ranks 100 by default.")
        int service_ranking() default DEFAULT_RANKING;
    }

    private final Map<FlushTarget, BackgroundFlusher> flushers = new ConcurrentHashMap<>();
    private long intervalMillis; // guarded by this
    private long dirtyBytesThreshold; // guarded by this
    private int ranking; // guarded by this
    private boolean deactivated; // guarded by this

    @Activate
    public AsyncFlushStrategy(Config config) {
        this.intervalMillis = DEFAULT_INTERVAL_MILLIS;
        this.dirtyBytesThreshold = (long) DEFAULT_DIRTY_PAGES * PAGE_SIZE;
        this.ranking = config.service_ranking();
        apply(config);
        LOG.info("Async flush strategy active: force every {} ms or at {} dirty bytes, ranking {}",
                intervalMillis, dirtyBytesThreshold, ranking);
    }

    /**
     * Applies a changed configuration while the strategy serves: the interval and threshold at once,
     * without detaching (so appends never find the store without a strategy). A value out of range is
     * logged and the one in force stays.
     */
    @Modified
    synchronized void modified(Config config) {
        apply(config);
        flushers.values().forEach(flusher -> flusher.reconfigure(intervalMillis, dirtyBytesThreshold));
        if (config.service_ranking() != ranking) {
            LOG.warn("Async flush ranking {} takes effect when the strategy restarts (bundle:restart "
                    + "io.karrier.flush.async); {} stays in force", config.service_ranking(), ranking);
        }
        LOG.info("Async flush strategy reconfigured: force every {} ms or at {} dirty bytes", intervalMillis,
                dirtyBytesThreshold);
    }

    private synchronized void apply(Config config) {
        if (config.flushIntervalMillis() < 1) {
            LOG.error("Ignoring flushIntervalMillis = {}: must be at least 1; keeping {}", config.flushIntervalMillis(),
                    intervalMillis);
        } else {
            intervalMillis = config.flushIntervalMillis();
        }
        if (config.flushDirtyPages() < 1) {
            LOG.error("Ignoring flushDirtyPages = {}: must be at least 1; keeping {}", config.flushDirtyPages(),
                    dirtyBytesThreshold / PAGE_SIZE);
        } else {
            dirtyBytesThreshold = (long) config.flushDirtyPages() * PAGE_SIZE;
        }
    }

    @Deactivate
    synchronized void deactivate() {
        deactivated = true;
        flushers.keySet().forEach(this::detach);
        LOG.info("Async flush strategy stopped");
    }

    @Override
    public String name() {
        return "async";
    }

    @Override
    public boolean acknowledgesAfterForce() {
        return false;
    }

    @Override
    public synchronized void attach(FlushTarget target) {
        if (deactivated) {
            throw new IllegalStateException("Async flush strategy is deactivated; cannot attach " + target);
        }
        flushers.computeIfAbsent(target, t -> new BackgroundFlusher(t, intervalMillis, dirtyBytesThreshold).start());
    }

    @Override
    public synchronized void detach(FlushTarget target) {
        BackgroundFlusher flusher = flushers.remove(target);
        if (flusher != null) {
            flusher.close();
        }
    }

    @Override
    public CompletionStage<Void> appended(FlushTarget target, long endPosition) {
        BackgroundFlusher flusher = flushers.get(target);
        if (flusher == null) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("Async flush is not attached to " + target + "; the append was not accepted"));
        }
        return flusher.appended();
    }

    /** @return the flusher of an attached target, or {@code null} (tests) */
    BackgroundFlusher flusher(FlushTarget target) {
        return flushers.get(target);
    }
}
