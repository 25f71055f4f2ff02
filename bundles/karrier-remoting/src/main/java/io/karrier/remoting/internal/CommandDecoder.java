package io.karrier.remoting.internal;

import java.nio.ByteBuffer;
import java.util.List;

import io.karrier.protocol.FrameCodec;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;

/**
 * Turns a frame (length prefix stripped by the frame decoder before it) into an {@link InboundCommand}.
 * A frame that does not decode raises the codec's {@code MalformedFrameException}; the connection
 * handler logs it and closes the connection, as RocketMQ does.
 */
final class CommandDecoder extends MessageToMessageDecoder<ByteBuf> {

    CommandDecoder() {
        super(ByteBuf.class);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) throws Exception {
        NettyConnection.of(ctx.channel()).flow().decoded(frame.readableBytes());
        ByteBuffer bytes = frame.nioBuffer();
        out.add(new InboundCommand(FrameCodec.decode(bytes), FrameCodec.serializeType(bytes)));
    }
}
