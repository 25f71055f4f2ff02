package io.karrier.remoting.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.rocketmq.remoting.netty.NettyRemotingServer;
import org.apache.rocketmq.remoting.netty.NettyRequestProcessor;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.karrier.api.remoting.RemotingException;
import io.netty.channel.ChannelHandlerContext;

/** Karrier's client calls a server built from the official rocketmq-remoting 4.9.7 NettyRemotingServer. */
class KarrierClientInteropTest {

    private static final int ECHO = 1000;
    private static final int SLOW = 1001;

    private final BlockingQueue<RemotingCommand> received = new LinkedBlockingQueue<>();
    private NettyRemotingServer official;
    private ExecutorService serverExecutor;
    private NettyRemotingClient karrier;
    private String address;

    @BeforeEach
    void start() throws IOException {
        NettyServerConfig config = new NettyServerConfig();
        config.setListenPort(freePort());
        official = new NettyRemotingServer(config);
        serverExecutor = Executors.newFixedThreadPool(2);
        official.registerProcessor(ECHO, processor(request -> {
            received.add(request);
            RemotingCommand response = RemotingCommand.createResponseCommand(0, "echo " + request.getRemark());
            response.setBody(request.getBody());
            response.setExtFields(request.getExtFields());
            return response;
        }), serverExecutor);
        official.registerProcessor(SLOW, processor(request -> {
            Thread.sleep(2000);
            return RemotingCommand.createResponseCommand(0, "too late");
        }), serverExecutor);
        official.start();
        address = "127.0.0.1:" + config.getListenPort();
        karrier = new NettyRemotingClient(RunningServer.config(Map.of("connectTimeoutMillis", 1000)));
    }

    @AfterEach
    void stop() {
        karrier.deactivate();
        official.shutdown();
        serverExecutor.shutdownNow();
    }

    private interface Handler {
        RemotingCommand handle(RemotingCommand request) throws Exception;
    }

    private static NettyRequestProcessor processor(Handler handler) {
        return new NettyRequestProcessor() {
            @Override
            public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) throws Exception {
                RemotingCommand response = handler.handle(request);
                return request.isOnewayRPC() ? null : response;
            }

            @Override
            public boolean rejectRequest() {
                return false;
            }
        };
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void callsSyncAndReusesTheConnection() throws Exception {
        for (int i = 0; i < 3; i++) {
            io.karrier.api.remoting.RemotingCommand response = karrier.invoke(address,
                    io.karrier.api.remoting.RemotingCommand.request(ECHO).remark("call " + i)
                            .putExtField("topic", "中文").body("payload".getBytes(StandardCharsets.UTF_8)),
                    Duration.ofSeconds(3)).toCompletableFuture().get(5, TimeUnit.SECONDS);

            assertThat(response.isResponse()).isTrue();
            assertThat(response.remark()).isEqualTo("echo call " + i);
            assertThat(response.extField("topic")).isEqualTo("中文");
            assertThat(new String(response.bodyBytes(), StandardCharsets.UTF_8)).isEqualTo("payload");
        }
        assertThat(karrierConnections()).isEqualTo(1);
    }

    @Test
    void sendsOneway() throws Exception {
        karrier.invokeOneway(address, io.karrier.api.remoting.RemotingCommand.request(ECHO).remark("oneway"))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);

        RemotingCommand request = received.poll(5, TimeUnit.SECONDS);
        assertThat(request.getRemark()).isEqualTo("oneway");
        assertThat(request.isOnewayRPC()).isTrue();
    }

    @Test
    void timesOutWhenNoAnswerComes() {
        assertThatThrownBy(() -> karrier.invoke(address, io.karrier.api.remoting.RemotingCommand.request(SLOW),
                Duration.ofMillis(200)).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(RemotingException.class)
                .extracting(cause -> ((RemotingException) cause).reason()).isEqualTo(RemotingException.Reason.TIMEOUT);
    }

    @Test
    void reconnectsAfterTheServerRestarts() throws Exception {
        invokeEcho();
        int port = Integer.parseInt(address.substring(address.indexOf(':') + 1));
        official.shutdown();
        NettyServerConfig config = new NettyServerConfig();
        config.setListenPort(port);
        official = new NettyRemotingServer(config);
        official.registerProcessor(ECHO, processor(request -> RemotingCommand.createResponseCommand(0, "again")),
                serverExecutor);
        official.start();

        assertThat(invokeEcho().remark()).isEqualTo("again");
    }

    @Test
    void failsToConnectWithAClearReason() throws Exception {
        String nobody = "127.0.0.1:" + freePort();

        assertThatThrownBy(() -> karrier.invoke(nobody, io.karrier.api.remoting.RemotingCommand.request(ECHO),
                Duration.ofSeconds(2)).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .cause().isInstanceOf(RemotingException.class)
                .hasMessageContaining("cannot connect to " + nobody);
        assertThatThrownBy(() -> karrier.invoke("no-port", io.karrier.api.remoting.RemotingCommand.request(ECHO),
                Duration.ofSeconds(2)).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .cause().hasMessageContaining("not host:port");
    }

    private io.karrier.api.remoting.RemotingCommand invokeEcho() throws Exception {
        return karrier.invoke(address, io.karrier.api.remoting.RemotingCommand.request(ECHO), Duration.ofSeconds(3))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private int karrierConnections() throws Exception {
        return karrier.openConnections();
    }
}
