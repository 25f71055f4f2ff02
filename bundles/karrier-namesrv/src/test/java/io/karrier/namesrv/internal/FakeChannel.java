package io.karrier.namesrv.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.RemotingCommand;

/** A connection that goes nowhere; remembers whether it was closed. */
final class FakeChannel implements ClientChannel {

    private final String id;
    private volatile boolean closed;

    FakeChannel(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", 50000);
    }

    @Override
    public boolean isActive() {
        return !closed;
    }

    @Override
    public CompletionStage<RemotingCommand> invoke(RemotingCommand request, Duration timeout) {
        throw new UnsupportedOperationException("the name server never calls a broker");
    }

    @Override
    public CompletionStage<Void> invokeOneway(RemotingCommand request) {
        throw new UnsupportedOperationException("the name server never calls a broker");
    }

    @Override
    public void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }
}
