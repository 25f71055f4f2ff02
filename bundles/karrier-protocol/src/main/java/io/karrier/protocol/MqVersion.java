package io.karrier.protocol;

/**
 * RocketMQ version ordinals as carried in every frame's {@code version} (REMOTING.md §1.5). The
 * client remembers the broker's version from the heartbeat answer and refuses SQL92 subscriptions
 * below 4.1.0, so Karrier stamps {@link #CURRENT} on what it sends.
 */
public final class MqVersion {

    public static final int V3_0_11 = 37;
    public static final int V3_4_9 = 121;
    public static final int V4_1_0_SNAPSHOT = 232;
    public static final int V4_9_4 = 401;
    public static final int V4_9_7 = 407;

    /** The version Karrier speaks. */
    public static final int CURRENT = V4_9_7;

    private MqVersion() {
    }
}
