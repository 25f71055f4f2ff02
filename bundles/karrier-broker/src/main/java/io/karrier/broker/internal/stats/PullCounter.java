package io.karrier.broker.internal.stats;

/** Counts the messages pulls hand out, per consumer group and topic. */
@FunctionalInterface
public interface PullCounter {

    /** Counts nothing: for parts used without statistics. */
    PullCounter NONE = (group, topic, messages) -> { };

    /**
     * @param group the pulling consumer group
     * @param topic the topic pulled
     * @param messages how many messages the pull handed out
     */
    void pulled(String group, String topic, int messages);
}
