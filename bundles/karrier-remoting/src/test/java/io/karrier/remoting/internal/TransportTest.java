package io.karrier.remoting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.ResponseCode;

/** Both transports carry requests; epoll is chosen where the platform has it. */
class TransportTest {

    @Test
    @EnabledOnOs(value = OS.LINUX, architectures = "amd64")
    void choosesEpollOnLinuxUnlessTurnedOff() {
        assertThat(new EventLoops(true).isEpoll()).isTrue();
        assertThat(new EventLoops(false).isEpoll()).isFalse();
    }

    @Test
    void nioServerAndClientTalk() throws Exception {
        try (RunningServer server = new RunningServer(Map.of("nativeEpoll", false))) {
            server.register((channel, request) -> CompletableFuture.completedFuture(
                    RemotingCommand.response(ResponseCode.SUCCESS, "over nio")), 1);
            NettyRemotingClient client = new NettyRemotingClient(RunningServer.config(Map.of("nativeEpoll", false)));
            try {
                RemotingCommand response = client.invoke(server.address(), RemotingCommand.request(1),
                        Duration.ofSeconds(5)).toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertThat(response.remark()).isEqualTo("over nio");
            } finally {
                client.deactivate();
            }
        }
    }
}
