package io.karrier.remoting.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.osgi.util.converter.Converters;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RemotingServer;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.protocol.ResponseCode;

/**
 * Request/response throughput over loopback: {@link NettyRemotingClient} to a server from
 * {@link NettyServerFactory} with an echo processor, default configuration (JSON headers, threads by
 * core count), one connection. With one caller this is round-trip latency in disguise; with 32
 * callers blocked on their own request, up to 32 requests are in flight on the connection.
 *
 * <p>In the remoting bundle's internal package because the component's configuration type and its
 * lifecycle methods are package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LoopbackBenchmark {

    private static final int ECHO_CODE = 1000;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final byte[] BODY = new byte[128];

    private NettyServerFactory factory;
    private RemotingServer server;
    private NettyRemotingClient client;
    private String address;

    @Setup
    public void setUp() throws IOException {
        // Loggers read their level when created: keep the servers' INFO lines out of the results.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        RemotingConfig config = Converters.standardConverter().convert(Map.of()).to(RemotingConfig.class);
        factory = new NettyServerFactory(config);
        RequestProcessor echo = (channel, request) -> CompletableFuture.completedFuture(
                RemotingCommand.response(ResponseCode.SUCCESS, null).body(request.bodyBytes()));
        factory.addProcessor(echo, Map.of(RequestProcessor.SERVER, "bench", RequestProcessor.REQUEST_CODE, ECHO_CODE));
        server = factory.start("bench", new InetSocketAddress("127.0.0.1", 0));
        address = "127.0.0.1:" + server.localAddress().getPort();
        client = new NettyRemotingClient(config);
        RemotingCommand warm = call();
        if (warm.code() != ResponseCode.SUCCESS || warm.bodyLength() != BODY.length) {
            throw new IllegalStateException("echo answered " + warm);
        }
    }

    @TearDown
    public void tearDown() {
        client.deactivate();
        server.close();
        factory.deactivate();
    }

    @Benchmark
    @Threads(1)
    public RemotingCommand oneCaller() {
        return call();
    }

    @Benchmark
    @Threads(32)
    public RemotingCommand callers32() {
        return call();
    }

    private RemotingCommand call() {
        return client.invoke(address, RemotingCommand.request(ECHO_CODE).body(BODY), TIMEOUT)
                .toCompletableFuture().join();
    }
}
