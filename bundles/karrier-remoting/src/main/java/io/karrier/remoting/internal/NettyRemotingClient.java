package io.karrier.remoting.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.RemotingClient;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RemotingException;
import io.karrier.api.remoting.RemotingException.Reason;
import io.karrier.protocol.SerializeType;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.HashedWheelTimer;

/**
 * Sends requests to other servers over one connection per address, opened on first use and opened
 * again on the next use after it closed. The connection's own I/O thread decodes; requests a server
 * sends to this client are answered REQUEST_CODE_NOT_SUPPORTED.
 */
@Component(configurationPid = "io.karrier.remoting", service = RemotingClient.class)
public class NettyRemotingClient implements RemotingClient {

    private static final Logger LOG = LoggerFactory.getLogger(NettyRemotingClient.class);

    private final Map<String, ChannelFuture> connections = new ConcurrentHashMap<>();
    private final HashedWheelTimer timer = new HashedWheelTimer(NamedThreads.factory("karrier-client-timer"));
    private final EventLoopGroup loops;
    private final Bootstrap bootstrap;
    private final RemotingConfig config;

    @Activate
    public NettyRemotingClient(RemotingConfig config) {
        this.config = config;
        SerializeType serializeType = SerializeType.valueOf(config.serializeType());
        EventLoops transport = new EventLoops(config.nativeEpoll());
        this.loops = transport.create(1, "karrier-client");
        RequestDispatcher dispatcher = new RequestDispatcher("client", new ProcessorTable(), family -> Runnable::run);
        ConnectionGuard guard = new ConnectionGuard(connection -> { });
        this.bootstrap = new Bootstrap()
                .group(loops)
                .channel(transport.channelType())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, config.connectTimeoutMillis())
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        NettyConnection.attach(channel, timer, serializeType);
                        Pipelines.configure(channel.pipeline(), config, channel.eventLoop(), dispatcher, guard);
                    }
                });
    }

    @Override
    public CompletionStage<RemotingCommand> invoke(String address, RemotingCommand request, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        return connected(address, connection -> connection.invoke(request,
                Duration.ofNanos(Math.max(1, deadline - System.nanoTime()))));
    }

    @Override
    public CompletionStage<Void> invokeOneway(String address, RemotingCommand request) {
        return connected(address, connection -> connection.invokeOneway(request));
    }

    /** @return how many connections are open now */
    int openConnections() {
        return (int) connections.values().stream().filter(f -> f.channel().isActive()).count();
    }

    /**
     * Keeps the client (and the components using it) running when the remoting configuration
     * changes: its own settings are fixed while it runs, and the log says how to apply them.
     */
    @Modified
    void modified(RemotingConfig changed) {
        if (!NettyServerFactory.sameTransport(config, changed)) {
            LOG.warn("Remoting client settings take effect after bundle:restart io.karrier.remoting");
        }
    }

    @Deactivate
    public void deactivate() {
        connections.values().forEach(connection -> connection.channel().close());
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        timer.stop();
    }

    private <T> CompletionStage<T> connected(String address, Function<NettyConnection, CompletionStage<T>> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        ChannelFuture connecting;
        try {
            connecting = connection(address);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new RemotingException(Reason.CONNECT_FAILED, e.getMessage(), e));
        }
        connecting.addListener(done -> {
            if (!done.isSuccess()) {
                result.completeExceptionally(new RemotingException(Reason.CONNECT_FAILED,
                        "cannot connect to " + address + ": " + done.cause().getMessage(), done.cause()));
                return;
            }
            call.apply(NettyConnection.of(connecting.channel())).whenComplete((value, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(failure);
                } else {
                    result.complete(value);
                }
            });
        });
        return result;
    }

    /** @return the open or opening connection to the address, opening one if there is none */
    private ChannelFuture connection(String address) {
        return connections.compute(address, (key, existing) -> {
            if (existing != null && (!existing.isDone() || existing.channel().isActive())) {
                return existing;
            }
            ChannelFuture fresh = bootstrap.connect(parse(address));
            fresh.channel().closeFuture().addListener(closed -> connections.remove(address, fresh));
            return fresh;
        });
    }

    /** Parses {@code host:port} or {@code [ipv6]:port}. */
    static InetSocketAddress parse(String address) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0 || colon == address.length() - 1) {
            throw new IllegalArgumentException("address '" + address + "' is not host:port");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new InetSocketAddress(host, Integer.parseInt(address.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("address '" + address + "' is not host:port: " + e.getMessage(), e);
        }
    }
}
