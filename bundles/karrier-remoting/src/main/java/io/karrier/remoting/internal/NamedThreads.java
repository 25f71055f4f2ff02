package io.karrier.remoting.internal;

import java.util.concurrent.ThreadFactory;

import io.netty.util.concurrent.DefaultThreadFactory;

/** Thread factories whose threads say what they are in a thread dump. */
final class NamedThreads {

    private NamedThreads() {
    }

    /** @return a factory of daemon threads named {@code prefix-N} */
    static ThreadFactory factory(String prefix) {
        return new DefaultThreadFactory(prefix, true);
    }
}
