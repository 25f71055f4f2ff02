package io.karrier.broker.internal.topic;

/** RocketMQ's PermName bits of a topic or broker. */
public final class Permission {

    public static final int PRIORITY = 8;
    public static final int READ = 4;
    public static final int WRITE = 2;
    public static final int INHERIT = 1;

    private Permission() {
    }

    public static boolean readable(int perm) {
        return (perm & READ) == READ;
    }

    public static boolean writeable(int perm) {
        return (perm & WRITE) == WRITE;
    }

    public static boolean inherited(int perm) {
        return (perm & INHERIT) == INHERIT;
    }

    /** @return RocketMQ's way of showing permissions in remarks, e.g. {@code RW-} */
    public static String describe(int perm) {
        return (readable(perm) ? "R" : "-") + (writeable(perm) ? "W" : "-") + (inherited(perm) ? "X" : "-");
    }
}
