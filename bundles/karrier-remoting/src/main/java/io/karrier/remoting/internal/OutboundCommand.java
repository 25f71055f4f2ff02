package io.karrier.remoting.internal;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.SerializeType;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;

/** A command to write and the serialize type of its header. */
record OutboundCommand(RemotingCommand command, SerializeType serializeType) {

    /**
     * Writes a command and releases it ({@link RemotingCommand#release()}) once the write has
     * completed or failed: its body may be pinned slices of stored data, which the socket reads
     * until then. Every write of a command goes through here.
     */
    static ChannelFuture write(Channel channel, RemotingCommand command, SerializeType serializeType) {
        ChannelFuture written;
        try {
            written = channel.writeAndFlush(new OutboundCommand(command, serializeType));
        } catch (RuntimeException e) {
            command.release();
            throw e;
        }
        return written.addListener(done -> command.release());
    }
}
