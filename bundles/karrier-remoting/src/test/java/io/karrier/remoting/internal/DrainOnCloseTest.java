package io.karrier.remoting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.ResponseCode;

/** Closing a server answers the requests its processors already hold before the connections go. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DrainOnCloseTest {

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private NettyRemotingClient client() {
        NettyRemotingClient client = new NettyRemotingClient(RunningServer.config(Map.of()));
        resources.add(client::deactivate);
        return client;
    }

    @Test
    void aRequestInFlightWhenTheServerClosesIsStillAnswered() throws Exception {
        RunningServer server = new RunningServer(Map.of());
        resources.add(server);
        CountDownLatch received = new CountDownLatch(1);
        server.register((channel, request) -> {
            received.countDown();
            // answered 300 ms later, as a store append waiting for its flush would be
            return CompletableFuture.supplyAsync(() -> RemotingCommand.response(ResponseCode.SUCCESS, "late"),
                    CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        }, 10);

        CompletableFuture<RemotingCommand> answer = client()
                .invoke(server.address(), RemotingCommand.request(10), Duration.ofSeconds(10)).toCompletableFuture();
        assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
        server.server.close();

        assertThat(answer.get(5, TimeUnit.SECONDS).remark()).isEqualTo("late");
    }

    @Test
    void aRequestNeverAnsweredDelaysTheCloseByTheDrainTimeAtMost() throws Exception {
        RunningServer server = new RunningServer(Map.of());
        resources.add(server);
        CountDownLatch received = new CountDownLatch(1);
        server.register((channel, request) -> {
            received.countDown();
            return new CompletableFuture<>();
        }, 10);

        client().invoke(server.address(), RemotingCommand.request(10), Duration.ofSeconds(10));
        assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        server.server.close();

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                .isBetween(NettyRemotingServer.DRAIN_MILLIS - 50, NettyRemotingServer.DRAIN_MILLIS + 4000);
    }
}
