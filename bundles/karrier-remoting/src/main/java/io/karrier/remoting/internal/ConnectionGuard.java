package io.karrier.remoting.internal;

import java.io.IOException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Last handler of a connection's pipeline: closes the connection when it idles or sends what cannot
 * be decoded (one log line each, never a stack trace), and when it closes fails its pending requests
 * and reports it. Quiet about peers that simply go away.
 */
@Sharable
final class ConnectionGuard extends ChannelDuplexHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);

    private final Consumer<NettyConnection> onClose;

    ConnectionGuard(Consumer<NettyConnection> onClose) {
        this.onClose = onClose;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        NettyConnection connection = NettyConnection.of(ctx.channel());
        if (connection != null) {
            connection.pending().failAll();
            onClose.accept(connection);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            LOG.info("Closing idle connection {}", ctx.channel().remoteAddress());
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Throwable reason = cause instanceof DecoderException && cause.getCause() != null ? cause.getCause() : cause;
        if (reason instanceof IOException) {
            LOG.debug("Connection {} failed: {}", ctx.channel().remoteAddress(), reason.toString());
            ctx.close();
            return;
        }
        LOG.warn("Closing connection {}: {}", ctx.channel().remoteAddress(), reason.getMessage() != null
                ? reason.getMessage() : reason.toString());
        ctx.close();
    }
}
