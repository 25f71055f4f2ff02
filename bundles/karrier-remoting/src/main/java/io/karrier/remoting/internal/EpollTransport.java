package io.karrier.remoting.internal;

import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketChannel;

/**
 * Netty's native epoll transport. Only {@link EventLoops} touches this class, and only after
 * {@link #isAvailable()} said yes, so a container without the epoll bundle never loads it.
 */
final class EpollTransport {

    private EpollTransport() {
    }

    /** @return whether the epoll classes are wired and the native library loads here */
    static boolean isAvailable() {
        try {
            return Epoll.isAvailable();
        } catch (LinkageError absent) {
            return false;
        }
    }

    static IoHandlerFactory ioHandlerFactory() {
        return EpollIoHandler.newFactory();
    }

    static Class<? extends ServerSocketChannel> serverChannelType() {
        return EpollServerSocketChannel.class;
    }

    static Class<? extends SocketChannel> channelType() {
        return EpollSocketChannel.class;
    }
}
