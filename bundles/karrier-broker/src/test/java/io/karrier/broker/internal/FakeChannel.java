package io.karrier.broker.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;

/**
 * A client connection for tests: records what the broker sends it and answers requests as a
 * RocketMQ client with no handler for them does (REQUEST_CODE_NOT_SUPPORTED). Open until closed.
 */
public final class FakeChannel implements ClientChannel {

    private final int port;
    private final List<RemotingCommand> sent = new CopyOnWriteArrayList<>();
    private volatile boolean active = true;

    public FakeChannel(int port) {
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
        sent.add(request);
        return CompletableFuture.completedFuture(RemotingCommand.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                "request code " + request.code() + " not supported by this fake client"));
    }

    @Override
    public CompletionStage<Void> invokeOneway(RemotingCommand request) {
        sent.add(request);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        active = false;
    }

    /** @return the consumer groups of the NOTIFY_CONSUMER_IDS_CHANGED requests sent so far, then forgets them */
    public List<String> takeNotifiedGroups() {
        List<String> groups = sent.stream()
                .filter(request -> request.code() == RequestCode.NOTIFY_CONSUMER_IDS_CHANGED)
                .map(request -> request.extField("consumerGroup"))
                .toList();
        sent.clear();
        return groups;
    }
}
