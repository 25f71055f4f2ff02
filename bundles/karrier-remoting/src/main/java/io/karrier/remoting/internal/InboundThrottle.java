package io.karrier.remoting.internal;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/**
 * Runs on the selector thread between the frame decoder and the codec executor, counting frames into
 * the connection's {@link FlowControl} and passing on writability changes at once (on the codec
 * executor they would wait behind every frame already queued).
 */
@Sharable
final class InboundThrottle extends ChannelInboundHandlerAdapter {

    static final InboundThrottle INSTANCE = new InboundThrottle();

    private InboundThrottle() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (message instanceof ByteBuf frame) {
            NettyConnection.of(ctx.channel()).flow().received(frame.readableBytes());
        }
        ctx.fireChannelRead(message);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        NettyConnection.of(ctx.channel()).flow().writabilityChanged();
        ctx.fireChannelWritabilityChanged();
    }
}
