package io.karrier.protocol.message;

import java.util.Map;

/**
 * The tag code of a consume-queue entry (REMOTING.md §6.5, §7.2): {@code String.hashCode()} of the
 * {@code TAGS} property widened to long, 0 when the message has no tag. Consumers filter by
 * comparing these codes, so this must stay bit-for-bit what RocketMQ computes.
 *
 * <p>For SCHEDULE_TOPIC_XXXX the store puts the delivery time in that field instead; that is the
 * store's business, not this class's. Pure functions; thread-safe.
 */
public final class TagHashCode {

    private TagHashCode() {
    }

    /**
     * The tag code of a tag.
     *
     * @param tags the TAGS value, or null
     * @return its hash code as long, or 0 for null or empty
     */
    public static long of(String tags) {
        return tags == null || tags.isEmpty() ? 0L : tags.hashCode();
    }

    /**
     * The tag code of a message, from its properties.
     *
     * @param properties the message's properties
     * @return the tag code of its TAGS property, 0 when absent
     */
    public static long of(Map<String, String> properties) {
        return of(properties.get(MessagePropertyKeys.TAGS));
    }
}
