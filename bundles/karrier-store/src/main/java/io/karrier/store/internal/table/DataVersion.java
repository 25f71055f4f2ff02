package io.karrier.store.internal.table;

/**
 * RocketMQ's {@code DataVersion}, {@code {"counter":n,"timestamp":ms}}: bumped on every topic config
 * change so the name server (REGISTER_BROKER, QUERY_DATA_VERSION) can tell a changed broker from an
 * unchanged one. Immutable.
 */
public record DataVersion(long counter, long timestamp) {

    /** The version of a table that never changed. */
    public static DataVersion initial(long now) {
        return new DataVersion(0, now);
    }

    /** The next version: counter + 1, stamped {@code now}. */
    public DataVersion next(long now) {
        return new DataVersion(counter + 1, now);
    }
}
