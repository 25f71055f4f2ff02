package io.karrier.remoting.internal;

import java.net.InetSocketAddress;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.RemotingServer;
import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;

/** A bound server socket and the connections it accepted. */
final class NettyRemotingServer implements RemotingServer {

    private static final Logger LOG = LoggerFactory.getLogger(NettyRemotingServer.class);

    private final String name;
    private final Channel serverChannel;
    private final ChannelGroup connections;
    private final Consumer<NettyRemotingServer> onClose;

    NettyRemotingServer(String name, Channel serverChannel, ChannelGroup connections,
            Consumer<NettyRemotingServer> onClose) {
        this.name = name;
        this.serverChannel = serverChannel;
        this.connections = connections;
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
        connections.close().awaitUninterruptibly(5_000);
        onClose.accept(this);
        LOG.info("Remoting server {} on {} stopped", name, serverChannel.localAddress());
    }

    @Override
    public String toString() {
        return name + "@" + serverChannel.localAddress();
    }
}
