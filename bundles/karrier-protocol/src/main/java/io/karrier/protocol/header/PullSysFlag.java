package io.karrier.protocol.header;

/**
 * The bits of {@link PullMessageRequestHeader#sysFlag()} (RocketMQ's PullSysFlag).
 *
 * <pre>
 * bit 0  0x1   COMMIT_OFFSET: store the header's commitOffset for the group
 * bit 1  0x2   SUSPEND: the broker may hold the request until a message arrives
 * bit 2  0x4   SUBSCRIPTION: the header carries the subscription expression
 * bit 3  0x8   CLASS_FILTER: the retired class-filter mode
 * bit 4  0x10  LITE_PULL: sent by DefaultLitePullConsumer
 * </pre>
 *
 * <p>Constants and pure functions only; thread-safe.
 */
public final class PullSysFlag {

    /** Store the header's commit offset. */
    public static final int COMMIT_OFFSET = 0x1;
    /** The broker may hold the request. */
    public static final int SUSPEND = 0x2;
    /** The header carries the subscription. */
    public static final int SUBSCRIPTION = 0x4;
    /** Class-filter mode (retired). */
    public static final int CLASS_FILTER = 0x8;
    /** A lite pull consumer's request. */
    public static final int LITE_PULL = 0x10;

    private PullSysFlag() {
    }

    /** @return whether the flag asks the broker to store the commit offset */
    public static boolean hasCommitOffset(int sysFlag) {
        return (sysFlag & COMMIT_OFFSET) != 0;
    }

    /** @return whether the flag lets the broker hold the request */
    public static boolean hasSuspend(int sysFlag) {
        return (sysFlag & SUSPEND) != 0;
    }

    /** @return whether the header carries the subscription */
    public static boolean hasSubscription(int sysFlag) {
        return (sysFlag & SUBSCRIPTION) != 0;
    }
}
