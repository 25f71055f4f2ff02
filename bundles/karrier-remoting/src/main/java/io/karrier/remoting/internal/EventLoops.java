package io.karrier.remoting.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/** The transport: native epoll where the platform has it and it is wanted, Java NIO otherwise. */
final class EventLoops {

    private static final Logger LOG = LoggerFactory.getLogger(EventLoops.class);

    private final boolean epoll;

    /** @param preferEpoll whether to use epoll when it is available */
    EventLoops(boolean preferEpoll) {
        this.epoll = preferEpoll && epollAvailable();
        LOG.info("Remoting transport: {}", epoll ? "epoll" : "nio");
    }

    boolean isEpoll() {
        return epoll;
    }

    EventLoopGroup create(int threads, String name) {
        IoHandlerFactory handlers = epoll ? EpollTransport.ioHandlerFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, NamedThreads.factory(name), handlers);
    }

    Class<? extends ServerSocketChannel> serverChannelType() {
        return epoll ? EpollTransport.serverChannelType() : NioServerSocketChannel.class;
    }

    Class<? extends SocketChannel> channelType() {
        return epoll ? EpollTransport.channelType() : NioSocketChannel.class;
    }

    /** @return the configured count, or the number of cores for 0 */
    static int orCores(int configured) {
        return configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
    }

    private static boolean epollAvailable() {
        try {
            return EpollTransport.isAvailable();
        } catch (LinkageError absent) {
            return false;
        }
    }
}
