package io.karrier.remoting.internal;

import java.util.concurrent.atomic.AtomicLong;

import io.netty.channel.Channel;

/**
 * Keeps what one connection can make the server hold bounded. The selector thread reads frames and
 * hands them to the codec executor; a peer that sends faster than they are decoded, or that does not
 * read its answers, would otherwise pile up frames and responses without limit. So the connection is
 * read only while its undecoded frames stay under a limit and its outbound buffer is writable.
 * Thread-safe: frames are counted in on the selector thread and out on the codec thread.
 */
final class FlowControl {

    /** Undecoded bytes past which the connection stops being read. */
    static final long MAX_UNDECODED_BYTES = 16L << 20;

    private final Channel channel;
    private final AtomicLong undecodedBytes = new AtomicLong();
    /** Set once the server closes: nothing more is read, whatever the counts say. */
    private volatile boolean stopped;

    FlowControl(Channel channel) {
        this.channel = channel;
    }

    /** A frame was read and handed on for decoding. */
    void received(int bytes) {
        undecodedBytes.addAndGet(bytes);
        update();
    }

    /** A frame was decoded (or dropped). */
    void decoded(int bytes) {
        undecodedBytes.addAndGet(-bytes);
        update();
    }

    /** Stops reading for good; requests already read are still answered. */
    void stopReading() {
        stopped = true;
        update();
    }

    /** The outbound buffer crossed a water mark. */
    void writabilityChanged() {
        update();
    }

    private void update() {
        boolean read = !stopped && channel.isWritable() && undecodedBytes.get() < MAX_UNDECODED_BYTES;
        if (channel.config().isAutoRead() != read) {
            channel.config().setAutoRead(read);
        }
    }
}
