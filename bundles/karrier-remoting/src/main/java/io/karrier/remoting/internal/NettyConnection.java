package io.karrier.remoting.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RemotingException;
import io.karrier.api.remoting.RemotingException.Reason;
import io.karrier.protocol.MqVersion;
import io.karrier.protocol.SerializeType;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.util.AttributeKey;
import io.netty.util.Timer;

/**
 * One open connection, on either side: sends requests over it and matches their responses. Kept
 * as a channel attribute; processors see it as a {@link ClientChannel}. Thread-safe.
 */
final class NettyConnection implements ClientChannel {

    private static final AttributeKey<NettyConnection> KEY = AttributeKey.valueOf("karrier.connection");

    private final Channel channel;
    private final PendingRequests pending;
    private final SerializeType requestSerializeType;
    private final FlowControl flow;

    private NettyConnection(Channel channel, Timer timer, SerializeType requestSerializeType) {
        this.channel = channel;
        this.flow = new FlowControl(channel);
        this.pending = new PendingRequests(timer, this);
        this.requestSerializeType = requestSerializeType;
    }

    /** Attaches a connection to a new channel, before any event reaches its handlers. */
    static NettyConnection attach(Channel channel, Timer timer, SerializeType requestSerializeType) {
        NettyConnection connection = new NettyConnection(channel, timer, requestSerializeType);
        channel.attr(KEY).set(connection);
        return connection;
    }

    /** @return the connection attached to the channel, or {@code null} before it is active */
    static NettyConnection of(Channel channel) {
        return channel.attr(KEY).get();
    }

    Channel channel() {
        return channel;
    }

    FlowControl flow() {
        return flow;
    }

    PendingRequests pending() {
        return pending;
    }

    // The long form: the short one is four random bytes, which collide among many connections.
    @Override
    public String id() {
        return channel.id().asLongText();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return (InetSocketAddress) channel.remoteAddress();
    }

    @Override
    public boolean isActive() {
        return channel.isActive();
    }

    @Override
    public CompletionStage<RemotingCommand> invoke(RemotingCommand request, Duration timeout) {
        int opaque = PendingRequests.nextOpaque();
        stamp(request, opaque).flag(request.flag() & ~RemotingCommand.FLAG_ONEWAY);
        CompletableFuture<RemotingCommand> response = pending.register(opaque, timeout);
        write(request).addListener(written -> {
            if (!written.isSuccess()) {
                pending.fail(opaque, sendFailed(written.cause()));
            }
        });
        return response;
    }

    @Override
    public CompletionStage<Void> invokeOneway(RemotingCommand request) {
        stamp(request, PendingRequests.nextOpaque()).flag(request.flag() | RemotingCommand.FLAG_ONEWAY);
        CompletableFuture<Void> sent = new CompletableFuture<>();
        write(request).addListener(written -> {
            if (written.isSuccess()) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(sendFailed(written.cause()));
            }
        });
        return sent;
    }

    @Override
    public void close() {
        channel.close();
    }

    @Override
    public String toString() {
        return String.valueOf(channel.remoteAddress());
    }

    private static RemotingCommand stamp(RemotingCommand request, int opaque) {
        if (request.version() == 0) {
            request.version(MqVersion.CURRENT);
        }
        return request.opaque(opaque).flag(request.flag() & ~RemotingCommand.FLAG_RESPONSE);
    }

    private ChannelFuture write(RemotingCommand request) {
        return OutboundCommand.write(channel, request, requestSerializeType);
    }

    private RemotingException sendFailed(Throwable cause) {
        return new RemotingException(Reason.SEND_FAILED, "could not send to " + channel.remoteAddress() + ": " + cause,
                cause);
    }
}
