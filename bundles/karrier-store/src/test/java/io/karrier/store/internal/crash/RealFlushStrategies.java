package io.karrier.store.internal.crash;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;

import org.osgi.util.converter.Converters;

import io.karrier.api.flush.FlushStrategy;

/**
 * Builds the real flush strategies of karrier-flush-sync and karrier-flush-async outside OSGi, the
 * way DS would: their component {@code Config} annotation, made from a property map by the OSGi
 * converter, passed to the public {@code @Activate} constructor.
 *
 * <p>Reflection because those {@code Config} types are package-private (enRoute style) and this
 * test may not add classes to the strategies' packages; the constructors themselves are public.
 * Test-only.
 */
public final class RealFlushStrategies {

    /** Group commit, acknowledged after the covering force; the 5 s default flush timeout. */
    public static final String SYNC = "sync";
    /** Acknowledged in the page cache; forced every 100 ms or at 4 dirty pages. */
    public static final String ASYNC = "async";

    private RealFlushStrategies() {
    }

    /** @return a new, unattached strategy for {@link #SYNC} or {@link #ASYNC} */
    public static FlushStrategy of(String mode) {
        return switch (mode) {
            case SYNC -> create("io.karrier.flush.sync.internal.SyncFlushStrategy", Map.of("flushTimeoutMillis", 5000L));
            case ASYNC -> create("io.karrier.flush.async.internal.AsyncFlushStrategy",
                    Map.of("flushIntervalMillis", 100L, "flushDirtyPages", 4));
            default -> throw new IllegalArgumentException("no flush mode " + mode);
        };
    }

    private static FlushStrategy create(String className, Map<String, Object> properties) {
        try {
            Class<?> type = Class.forName(className);
            Class<?> configType = Class.forName(className + "$Config");
            Object config = Converters.standardConverter().convert(properties).to(configType);
            return (FlushStrategy) type.getConstructor(configType).newInstance(config);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("activating " + className + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + className + " outside OSGi", e);
        }
    }
}
