package io.karrier.flush.sync.internal;

import java.util.Map;

import org.osgi.util.converter.Converters;

import io.karrier.api.flush.FlushStrategy;

/**
 * Builds the real {@link SyncFlushStrategy} outside OSGi, its package-private {@code Config} made
 * from a map as Config Admin would. In the bundle's internal package for that reason only.
 */
public final class SyncFlushStrategies {

    private SyncFlushStrategies() {
    }

    /** @return the sync flush strategy with its shipped defaults (5 s flush timeout) */
    public static FlushStrategy withDefaults() {
        return new SyncFlushStrategy(Converters.standardConverter().convert(Map.of()).to(SyncFlushStrategy.Config.class));
    }
}
