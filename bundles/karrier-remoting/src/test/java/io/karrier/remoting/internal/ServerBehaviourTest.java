package io.karrier.remoting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.karrier.api.remoting.ChannelListener;
import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.ProcessorFamily;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.protocol.FrameCodec;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.SerializeType;

/** What the server does under overload, failures, idle peers and bad frames. */
class ServerBehaviourTest {

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private RunningServer server(Map<String, Object> config) throws Exception {
        RunningServer server = new RunningServer(config);
        resources.add(server);
        return server;
    }

    private NettyRemotingClient client() {
        NettyRemotingClient client = new NettyRemotingClient(RunningServer.config(Map.of()));
        resources.add(client::deactivate);
        return client;
    }

    private static RemotingCommand call(NettyRemotingClient client, RunningServer server, int code) throws Exception {
        return client.invoke(server.address(), RemotingCommand.request(code), Duration.ofSeconds(5))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void answersSystemBusyAtOnceWhenTheFamilyPoolIsFull() throws Exception {
        RunningServer server = server(Map.of("sendThreads", 1, "sendQueueCapacity", 1));
        CountDownLatch release = new CountDownLatch(1);
        server.register(new RequestProcessor() {
            @Override
            public CompletionStage<RemotingCommand> process(ClientChannel channel, RemotingCommand request) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return CompletableFuture.completedFuture(RemotingCommand.response(ResponseCode.SUCCESS, null));
            }

            @Override
            public ProcessorFamily family() {
                return ProcessorFamily.SEND;
            }
        }, 10);
        server.register((channel, request) -> CompletableFuture.completedFuture(
                RemotingCommand.response(ResponseCode.SUCCESS, "admin still answers")), 11);
        NettyRemotingClient client = client();

        List<CompletableFuture<RemotingCommand>> sends = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sends.add(client.invoke(server.address(), RemotingCommand.request(10), Duration.ofSeconds(10))
                    .toCompletableFuture());
        }
        RemotingCommand busy = CompletableFuture.anyOf(sends.toArray(CompletableFuture[]::new))
                .thenApply(RemotingCommand.class::cast).get(5, TimeUnit.SECONDS);
        assertThat(busy.code()).isEqualTo(ResponseCode.SYSTEM_BUSY);
        assertThat(call(client, server, 11).remark()).isEqualTo("admin still answers");

        release.countDown();
        long busyCount = 0;
        for (CompletableFuture<RemotingCommand> send : sends) {
            busyCount += send.get(10, TimeUnit.SECONDS).code() == ResponseCode.SYSTEM_BUSY ? 1 : 0;
        }
        assertThat(busyCount).isEqualTo(3);
    }

    @Test
    void answersSystemErrorWithAShortRemarkWhenAProcessorFails() throws Exception {
        RunningServer server = server(Map.of());
        server.register((channel, request) -> {
            throw new IllegalStateException("store is closed");
        }, 20);
        server.register((channel, request) -> CompletableFuture.failedFuture(new RuntimeException("disk gone")), 21);
        NettyRemotingClient client = client();

        RemotingCommand thrown = call(client, server, 20);
        RemotingCommand failed = call(client, server, 21);

        assertThat(thrown.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(thrown.remark()).isEqualTo("java.lang.IllegalStateException: store is closed");
        assertThat(failed.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(failed.remark()).doesNotContain("\tat ").contains("disk gone");
    }

    @Test
    void highestRankedProcessorAnswersASharedCode() throws Exception {
        RunningServer server = server(Map.of());
        RequestProcessor low = (channel, request) -> CompletableFuture.completedFuture(
                RemotingCommand.response(ResponseCode.SUCCESS, "low"));
        RequestProcessor high = (channel, request) -> CompletableFuture.completedFuture(
                RemotingCommand.response(ResponseCode.SUCCESS, "high"));
        Map<String, Object> properties = new HashMap<>(Map.of(RequestProcessor.SERVER, RunningServer.NAME,
                RequestProcessor.REQUEST_CODE, 30, "service.ranking", 10, "service.id", 2L));
        server.factory.addProcessor(high, properties);
        properties.putAll(Map.of("service.ranking", 0, "service.id", 1L));
        server.factory.addProcessor(low, properties);
        NettyRemotingClient client = client();

        assertThat(call(client, server, 30).remark()).isEqualTo("high");
        server.factory.removeProcessor(high);
        assertThat(call(client, server, 30).remark()).isEqualTo("low");
    }

    @Test
    void tellsChannelListenersOfItsServerWhenAClientLeaves() throws Exception {
        RunningServer server = server(Map.of());
        BlockingQueue<ClientChannel> closed = new LinkedBlockingQueue<>();
        BlockingQueue<ClientChannel> otherServer = new LinkedBlockingQueue<>();
        server.factory.addChannelListener(closed::add, Map.of(RequestProcessor.SERVER, RunningServer.NAME));
        server.factory.addChannelListener((ChannelListener) otherServer::add, Map.of(RequestProcessor.SERVER, "other"));

        try (Socket socket = new Socket()) {
            socket.connect(server.server.localAddress());
            socket.getOutputStream().write(FrameCodec.encode(RemotingCommand.request(99), SerializeType.JSON).array());
            readFrame(socket.getInputStream());
        }

        ClientChannel channel = closed.poll(5, TimeUnit.SECONDS);
        assertThat(channel).isNotNull();
        assertThat(channel.isActive()).isFalse();
        assertThat(otherServer).isEmpty();
    }

    @Test
    void closesIdleConnections() throws Exception {
        RunningServer server = server(Map.of("channelMaxIdleSeconds", 1));
        try (Socket socket = connect(server)) {
            socket.getOutputStream().write(new byte[] {0, 0}); // half a length prefix, then silence

            assertThat(socket.getInputStream().read()).as("end of stream").isEqualTo(-1);
        }
    }

    @Test
    void closesTheConnectionOnAFrameOverTheLimitAndKeepsServing() throws Exception {
        RunningServer server = server(Map.of("maxFrameBytes", 4096));
        server.register((channel, request) -> CompletableFuture.completedFuture(
                RemotingCommand.response(ResponseCode.SUCCESS, "fine")), 40);
        try (Socket socket = connect(server)) {
            OutputStream out = socket.getOutputStream();
            out.write(ByteBuffer.allocate(8).putInt(1_000_000).putInt(0).array());

            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(call(client(), server, 40).remark()).isEqualTo("fine");
    }

    @Test
    void closesTheConnectionOnAHeaderThatDoesNotParse() throws Exception {
        RunningServer server = server(Map.of());
        try (Socket socket = connect(server)) {
            byte[] garbage = "{not json".getBytes();
            socket.getOutputStream().write(ByteBuffer.allocate(8 + garbage.length)
                    .putInt(4 + garbage.length).putInt(garbage.length).put(garbage).array());

            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void stopsReadingFromAPeerThatDoesNotReadItsAnswers() throws Exception {
        RunningServer server = server(Map.of());
        server.register((channel, request) -> CompletableFuture.completedFuture(
                RemotingCommand.response(ResponseCode.SUCCESS, null).body(request.bodyBytes())), 50);
        byte[] frame = FrameCodec.encode(RemotingCommand.request(50).body(new byte[16 * 1024]), SerializeType.JSON)
                .array();
        long baseline = io.netty.buffer.PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory();
        int sent = 0;
        try (Socket socket = connect(server)) {
            socket.setSendBufferSize(64 * 1024);
            socket.setReceiveBufferSize(64 * 1024);
            Thread writer = Thread.currentThread();
            java.util.concurrent.ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
            resources.add(watchdog::shutdownNow);
            watchdog.schedule(() -> closeQuietly(socket), 5, TimeUnit.SECONDS);
            OutputStream out = socket.getOutputStream();
            try {
                for (; sent < 20_000; sent++) {
                    out.write(frame); // 320 MiB of answers if the server kept reading
                }
            } catch (java.io.IOException blockedThenClosed) {
                // expected: the server stopped reading, our writes blocked, the watchdog closed the socket
            }
            assertThat(writer.isInterrupted()).isFalse();
        }
        long held = io.netty.buffer.PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory() - baseline;
        assertThat(sent).as("frames written before the server stopped reading").isLessThan(20_000);
        assertThat(held).as("direct memory the server holds").isLessThan(64L << 20);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (java.io.IOException ignored) {
            // closing to unblock a writer
        }
    }

    private static Socket connect(RunningServer server) throws Exception {
        Socket socket = new Socket();
        socket.setSoTimeout(10_000);
        socket.connect(new InetSocketAddress("127.0.0.1", server.server.localAddress().getPort()));
        return socket;
    }

    private static RemotingCommand readFrame(InputStream in) throws Exception {
        byte[] prefix = in.readNBytes(4);
        byte[] frame = in.readNBytes(ByteBuffer.wrap(prefix).getInt());
        return FrameCodec.decode(ByteBuffer.wrap(frame));
    }
}
