package io.karrier.flush.async.internal;

import java.util.Map;

import org.osgi.util.converter.Converters;

import io.karrier.api.flush.FlushStrategy;

/**
 * Builds the real {@link AsyncFlushStrategy} outside OSGi, its package-private {@code Config} made
 * from a map as Config Admin would. In the bundle's internal package for that reason only.
 */
public final class AsyncFlushStrategies {

    private AsyncFlushStrategies() {
    }

    /** @return the async flush strategy with its shipped defaults (force every 500 ms or at 4 dirty pages) */
    public static FlushStrategy withDefaults() {
        return new AsyncFlushStrategy(Converters.standardConverter().convert(Map.of()).to(AsyncFlushStrategy.Config.class));
    }
}
