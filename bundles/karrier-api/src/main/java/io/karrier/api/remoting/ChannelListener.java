package io.karrier.api.remoting;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told when a client connection closes (by the peer, by idle expiry or by an
 * error), so that bundles tracking clients can forget it at once. Its {@value RequestProcessor#SERVER}
 * service property names the servers it listens to.
 */
@ConsumerType
public interface ChannelListener {

    /**
     * Called once per closed connection, off the I/O threads. Must not block.
     *
     * @param channel the connection that closed
     */
    void channelClosed(ClientChannel channel);
}
