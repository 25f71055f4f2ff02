package io.karrier.broker.internal.client;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.RequestCode;

/** A connection that records the oneway requests sent to it. */
final class FakeChannel implements ClientChannel {

    private final int port;
    private final List<RemotingCommand> oneways = new CopyOnWriteArrayList<>();
    private volatile boolean active = true;

    FakeChannel(int port) {
        this.port = port;
    }

    @Override
    public String id() {
        return Integer.toString(port);
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public CompletionStage<RemotingCommand> invoke(RemotingCommand request, Duration timeout) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<Void> invokeOneway(RemotingCommand request) {
        oneways.add(request);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        active = false;
    }

    /** @return the consumer groups of the NOTIFY_CONSUMER_IDS_CHANGED requests sent so far, then forgets them */
    List<String> takeNotifiedGroups() {
        List<String> groups = oneways.stream()
                .filter(request -> request.code() == RequestCode.NOTIFY_CONSUMER_IDS_CHANGED)
                .map(request -> request.extField("consumerGroup"))
                .toList();
        oneways.clear();
        return groups;
    }
}
