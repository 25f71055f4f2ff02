package io.karrier.remoting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.karrier.api.remoting.ProcessorFamily;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.ResponseCode;

/** A changed remoting configuration resizes the pools while the server and its connections stay up. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LiveConfigurationTest {

    @Test
    void poolThreadsChangeWithoutClosingTheServer() throws Exception {
        try (RunningServer server = new RunningServer(Map.of())) {
            server.register((channel, request) -> CompletableFuture.completedFuture(
                    RemotingCommand.response(ResponseCode.SUCCESS, "ok")), 10);
            NettyRemotingClient client = new NettyRemotingClient(RunningServer.config(Map.of()));
            try {
                assertThat(call(client, server).remark()).isEqualTo("ok");

                server.factory.modified(RunningServer.config(Map.of("sendThreads", 5, "pullThreads", 1)));

                assertThat(server.factory.poolThreads(ProcessorFamily.SEND)).isEqualTo(5);
                assertThat(server.factory.poolThreads(ProcessorFamily.PULL)).isEqualTo(1);
                assertThat(call(client, server).remark()).as("same server, same connection").isEqualTo("ok");
            } finally {
                client.deactivate();
            }
        }
    }

    @Test
    void badSizesAreIgnoredAndTheSizesInForceStay() throws Exception {
        try (RunningServer server = new RunningServer(Map.of("sendThreads", 3))) {
            server.factory.modified(RunningServer.config(Map.of("sendThreads", 0)));

            assertThat(server.factory.poolThreads(ProcessorFamily.SEND)).isEqualTo(3);
        }
    }

    @Test
    void transportSettingsAreToldApartFromPoolSizes() {
        RemotingConfig defaults = RunningServer.config(Map.of());

        assertThat(NettyServerFactory.sameTransport(defaults, RunningServer.config(Map.of("sendThreads", 9)))).isTrue();
        assertThat(NettyServerFactory.sameTransport(defaults, RunningServer.config(Map.of("maxFrameBytes", 1024))))
                .isFalse();
    }

    private static RemotingCommand call(NettyRemotingClient client, RunningServer server) throws Exception {
        return client.invoke(server.address(), RemotingCommand.request(10), Duration.ofSeconds(5))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
