package io.karrier.flush.sync.internal;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.flush.FlushStrategy;
import io.karrier.api.flush.FlushTarget;

/**
 * Synchronous flush: an append counts once a {@code force()} covers its end position, and the store
 * shows a record to consumers only then (RocketMQ issue 8239). One {@link GroupCommitService} per
 * attached target batches the waiting appends so that one force serves them all.
 *
 * <p>Ranking: {@code service.ranking} defaults to 100, above async flush's 0, so installing this
 * bundle makes the store switch to sync flush, and removing it switches back.
 *
 * <p>Configuration changes: no {@code @Modified}. A changed timeout or ranking makes DS deactivate
 * this instance (every target is detached: outstanding appends are forced and completed, or failed)
 * and activate a new one, which the store attaches again. Simple, and no append ever sees a mix of
 * two configurations.
 */
@Designate(ocd = SyncFlushStrategy.Config.class)
@Component(configurationPid = "io.karrier.flush.sync", service = FlushStrategy.class,
        property = "service.ranking:Integer=" + SyncFlushStrategy.DEFAULT_RANKING)
public class SyncFlushStrategy implements FlushStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(SyncFlushStrategy.class);

    static final int DEFAULT_RANKING = 100;

    @ObjectClassDefinition(name = "Karrier sync flush",
            description = "Group commit: an append is acknowledged after the force() that covers it.")
    @interface Config {

        @AttributeDefinition(description = "How long an append waits for a covering force before it fails "
                + "with a flush timeout (RocketMQ's FLUSH_DISK_TIMEOUT).", min = "1")
        long flushTimeoutMillis() default 5000;

        @AttributeDefinition(name = "Ranking", description = "The store uses the highest-ranked flush "
                + "strategy present; async flush ranks 0 by default.")
        int service_ranking() default DEFAULT_RANKING;
    }

    private final long flushTimeoutMillis;
    private final Map<FlushTarget, GroupCommitService> services = new ConcurrentHashMap<>();
    private boolean deactivated; // guarded by this

    @Activate
    public SyncFlushStrategy(Config config) {
        this.flushTimeoutMillis = Math.max(1, config.flushTimeoutMillis());
        LOG.info("Sync flush strategy active: flush timeout {} ms, ranking {}", flushTimeoutMillis, config.service_ranking());
    }

    @Deactivate
    synchronized void deactivate() {
        deactivated = true;
        services.keySet().forEach(this::detach);
        LOG.info("Sync flush strategy stopped");
    }

    @Override
    public String name() {
        return "sync";
    }

    @Override
    public boolean acknowledgesAfterForce() {
        return true;
    }

    @Override
    public synchronized void attach(FlushTarget target) {
        if (deactivated) {
            throw new IllegalStateException("Sync flush strategy is deactivated; cannot attach " + target);
        }
        services.computeIfAbsent(target, t -> new GroupCommitService(t, flushTimeoutMillis).start());
    }

    @Override
    public synchronized void detach(FlushTarget target) {
        GroupCommitService service = services.remove(target);
        if (service != null) {
            service.close();
        }
    }

    @Override
    public CompletionStage<Void> appended(FlushTarget target, long endPosition) {
        GroupCommitService service = services.get(target);
        if (service == null) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("Sync flush is not attached to " + target + "; the append was not accepted"));
        }
        return service.appended(endPosition);
    }

    /** @return the group-commit service of an attached target, or {@code null} (tests) */
    GroupCommitService service(FlushTarget target) {
        return services.get(target);
    }
}
