package io.karrier.broker.internal.stats;

/** Counts messages as they pass a point of the broker (stored by a send, handed out by a pull). */
@FunctionalInterface
public interface MessageCounter {

    /** Counts nothing: for parts used without statistics. */
    MessageCounter NONE = messages -> { };

    /** @param messages how many messages passed, at least 0 */
    void add(int messages);
}
