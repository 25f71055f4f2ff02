package io.karrier.remoting.internal;

import java.nio.ByteBuffer;
import java.util.List;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.FrameCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;

/**
 * Writes an {@link OutboundCommand} as two buffers: the length fields and header in a pooled buffer,
 * then the body parts wrapped as they are, so stored data goes out without a copy into the heap.
 */
@Sharable
final class CommandEncoder extends MessageToMessageEncoder<OutboundCommand> {

    CommandEncoder() {
        super(OutboundCommand.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, OutboundCommand outbound, List<Object> out) {
        RemotingCommand command = outbound.command();
        byte[] header = FrameCodec.encodeHeader(command, outbound.serializeType());
        int bodyLength = command.bodyLength();
        ByteBuf head = ctx.alloc().buffer(8 + header.length);
        head.writeInt(4 + header.length + bodyLength)
                .writeInt(FrameCodec.headerLengthAndType(header.length, outbound.serializeType()))
                .writeBytes(header);
        out.add(head);
        if (bodyLength > 0) {
            out.add(Unpooled.wrappedBuffer(command.bodyParts().toArray(new ByteBuffer[0])));
        }
    }
}
