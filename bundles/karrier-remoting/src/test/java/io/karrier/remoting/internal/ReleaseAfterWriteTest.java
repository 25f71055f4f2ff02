package io.karrier.remoting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.FrameCodec;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.SerializeType;

/** A command's release action runs once its write is over: written, failed, or never attempted. */
class ReleaseAfterWriteTest {

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    private RunningServer server() throws Exception {
        RunningServer server = new RunningServer(Map.of());
        resources.add(server);
        return server;
    }

    private NettyRemotingClient client() {
        NettyRemotingClient client = new NettyRemotingClient(RunningServer.config(Map.of()));
        resources.add(client::deactivate);
        return client;
    }

    /** A response whose body is a direct buffer, as stored records are, counting its releases. */
    private static RemotingCommand pinnedResponse(AtomicInteger releases, CountDownLatch released) {
        ByteBuffer stored = ByteBuffer.allocateDirect(64 * 1024);
        for (int i = 0; i < stored.capacity(); i++) {
            stored.put(i, (byte) i);
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null)
                .body(List.of(stored.slice(0, 1000), stored.slice(1000, stored.capacity() - 1000)))
                .onRelease(() -> {
                    releases.incrementAndGet();
                    released.countDown();
                });
    }

    @Test
    void releasesAWrittenResponseOnceAfterItsBytesWentOut() throws Exception {
        RunningServer server = server();
        AtomicInteger releases = new AtomicInteger();
        CountDownLatch released = new CountDownLatch(1);
        server.register((channel, request) -> CompletableFuture.completedFuture(pinnedResponse(releases, released)), 11);

        RemotingCommand response = client().invoke(server.address(), RemotingCommand.request(11), Duration.ofSeconds(5))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(response.bodyLength()).isEqualTo(64 * 1024);
        assertThat(response.bodyBytes()[1000 + 5]).isEqualTo((byte) 1005);
        assertThat(released.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50);
        assertThat(releases).hasValue(1);
    }

    @Test
    void releasesAResponseToAOnewayRequestWithoutWritingIt() throws Exception {
        RunningServer server = server();
        AtomicInteger releases = new AtomicInteger();
        CountDownLatch released = new CountDownLatch(1);
        server.register((channel, request) -> CompletableFuture.completedFuture(pinnedResponse(releases, released)), 12);

        client().invokeOneway(server.address(), RemotingCommand.request(12)).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);

        assertThat(released.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(releases).hasValue(1);
    }

    @Test
    void releasesAResponseCompletedAfterTheClientLeft() throws Exception {
        RunningServer server = server();
        AtomicInteger releases = new AtomicInteger();
        CountDownLatch released = new CountDownLatch(1);
        CompletableFuture<RemotingCommand> later = new CompletableFuture<>();
        CountDownLatch asked = new CountDownLatch(1);
        server.register((channel, request) -> {
            asked.countDown();
            return later;
        }, 13);
        try (Socket socket = new Socket()) {
            socket.connect(server.server.localAddress());
            OutputStream out = socket.getOutputStream();
            out.write(FrameCodec.encode(RemotingCommand.request(13), SerializeType.JSON).array());
            assertThat(asked.await(5, TimeUnit.SECONDS)).isTrue();
        }
        Thread.sleep(100); // let the server see the close

        later.complete(pinnedResponse(releases, released));

        assertThat(released.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(releases).hasValue(1);
    }

    @Test
    void releasesARequestSentOverAConnection() throws Exception {
        RunningServer server = server();
        server.register((channel, request) -> CompletableFuture.completedFuture(
                RemotingCommand.response(ResponseCode.SUCCESS, null)), 14);
        AtomicInteger releases = new AtomicInteger();
        CountDownLatch released = new CountDownLatch(1);
        RemotingCommand request = RemotingCommand.request(14).body(List.of(ByteBuffer.allocateDirect(100)))
                .onRelease(() -> {
                    releases.incrementAndGet();
                    released.countDown();
                });

        client().invoke(server.address(), request, Duration.ofSeconds(5)).toCompletableFuture()
                .get(10, TimeUnit.SECONDS);

        assertThat(released.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(releases).hasValue(1);
    }

    @Test
    void releaseRunsItsActionAtMostOnce() {
        AtomicInteger releases = new AtomicInteger();
        RemotingCommand command = RemotingCommand.response(ResponseCode.SUCCESS, null)
                .onRelease(releases::incrementAndGet);

        command.release();
        command.release();

        assertThat(releases).hasValue(1);
    }
}
