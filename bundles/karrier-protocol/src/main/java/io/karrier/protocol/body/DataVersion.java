package io.karrier.protocol.body;

/**
 * The version of a broker's topic or subscription-group table: {@code {"counter":n,"timestamp":ms}}.
 * The name server rebuilds a master's queue data only when this changes (REMOTING.md §5.2). A
 * missing property reads as 0 (upstream would take "now" for the timestamp; nothing compares it).
 *
 * @param counter incremented on every change
 * @param timestamp when the version was taken, epoch milliseconds
 */
public record DataVersion(long counter, long timestamp) {

    /** @return the version after this one: counter + 1, at {@code now} */
    public DataVersion next(long now) {
        return new DataVersion(counter + 1, now);
    }
}
