package io.karrier.remoting.internal;

import java.net.InetSocketAddress;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.RemotingServer;
import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;

/**
 * A bound server socket and the connections it accepted. Closing drains: it stops accepting and
 * reading, gives the requests already handed to processors up to {@value #DRAIN_MILLIS} ms to be
 * answered, then closes the connections. Clients would otherwise wait out their own timeout for
 * requests the server had read but not answered (seconds per restart, under load).
 */
final class NettyRemotingServer implements RemotingServer {

    private static final Logger LOG = LoggerFactory.getLogger(NettyRemotingServer.class);
    static final long DRAIN_MILLIS = 1000;

    private final String name;
    private final Channel serverChannel;
    private final ChannelGroup connections;
    private final RequestDispatcher dispatcher;
    private final Consumer<NettyRemotingServer> onClose;

    NettyRemotingServer(String name, Channel serverChannel, ChannelGroup connections, RequestDispatcher dispatcher,
            Consumer<NettyRemotingServer> onClose) {
        this.name = name;
        this.serverChannel = serverChannel;
        this.connections = connections;
        this.dispatcher = dispatcher;
        this.onClose = onClose;
    }

    @Override
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) serverChannel.localAddress();
    }

    @Override
    public void close() {
        if (!serverChannel.isOpen()) {
            return;
        }
        serverChannel.close().awaitUninterruptibly();
        connections.forEach(channel -> NettyConnection.of(channel).flow().stopReading());
        if (!dispatcher.awaitAnswered(DRAIN_MILLIS)) {
            LOG.warn("Remoting server {}: requests still unanswered after {} ms; closing their connections",
                    name, DRAIN_MILLIS);
        }
        connections.close().awaitUninterruptibly(5_000);
        onClose.accept(this);
        LOG.info("Remoting server {} on {} stopped", name, serverChannel.localAddress());
    }

    @Override
    public String toString() {
        return name + "@" + serverChannel.localAddress();
    }
}
