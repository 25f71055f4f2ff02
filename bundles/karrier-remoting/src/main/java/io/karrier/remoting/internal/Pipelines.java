package io.karrier.remoting.internal;

import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutorGroup;

/**
 * The pipeline both sides share. Framing, idle detection and flow control run on the I/O thread;
 * decoding, encoding, dispatch and the guard run on the codec executor, in that order, so the guard
 * sees every failure before it.
 */
final class Pipelines {

    private static final CommandEncoder ENCODER = new CommandEncoder();

    private Pipelines() {
    }

    static void configure(ChannelPipeline pipeline, RemotingConfig config, EventExecutorGroup codec,
            ChannelHandler dispatcher, ChannelHandler guard) {
        pipeline.addLast("idle", new IdleStateHandler(0, 0, config.channelMaxIdleSeconds(), TimeUnit.SECONDS))
                .addLast("frames", new LengthFieldBasedFrameDecoder(config.maxFrameBytes(), 0, 4, 0, 4))
                .addLast("throttle", InboundThrottle.INSTANCE)
                .addLast(codec, "decoder", new CommandDecoder())
                .addLast(codec, "encoder", ENCODER)
                .addLast(codec, "dispatcher", dispatcher)
                .addLast(codec, "guard", guard);
    }
}
