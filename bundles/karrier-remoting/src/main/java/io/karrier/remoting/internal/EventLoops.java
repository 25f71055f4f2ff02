package io.karrier.remoting.internal;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/** The transport: Java NIO selector loops. */
final class EventLoops {

    private EventLoops() {
    }

    static EventLoopGroup create(int threads, String name) {
        return new MultiThreadIoEventLoopGroup(threads, NamedThreads.factory(name), NioIoHandler.newFactory());
    }

    static Class<? extends ServerSocketChannel> serverChannelType() {
        return NioServerSocketChannel.class;
    }

    static Class<? extends SocketChannel> channelType() {
        return NioSocketChannel.class;
    }

    /** @return the configured count, or the number of cores for 0 */
    static int orCores(int configured) {
        return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }
}
