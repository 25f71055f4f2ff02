package io.karrier.remoting.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ChannelListener;
import io.karrier.api.remoting.ProcessorFamily;
import io.karrier.api.remoting.RemotingServer;
import io.karrier.api.remoting.RemotingServerFactory;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.protocol.SerializeType;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.HashedWheelTimer;
import io.netty.util.concurrent.DefaultEventExecutorGroup;
import io.netty.util.concurrent.EventExecutorGroup;
import io.netty.util.concurrent.GlobalEventExecutor;

/**
 * Karrier's remoting servers, in the reactor model: one boss thread accepts, selector threads read
 * and write, a codec executor group decodes, encodes and dispatches, and each processor family runs
 * on its own bounded business pool. All servers started here share these threads; processors and
 * channel listeners arrive and leave as whiteboard services while the servers run.
 *
 * <p>The DS methods are public so that other bundles' tests can run servers outside OSGi; the package
 * stays private to this bundle.
 */
@Designate(ocd = RemotingConfig.class)
@Component(configurationPid = "io.karrier.remoting", service = RemotingServerFactory.class)
public class NettyServerFactory implements RemotingServerFactory {

    private static final Logger LOG = LoggerFactory.getLogger(NettyServerFactory.class);

    /** Past 4 MiB of unwritten answers a connection stops being read until it drains below 1 MiB. */
    private static final WriteBufferWaterMark WRITE_WATER_MARK = new WriteBufferWaterMark(1 << 20, 4 << 20);

    private final RemotingConfig config;
    private final ProcessorTable processors = new ProcessorTable();
    private final ChannelListeners listeners = new ChannelListeners();
    private final Set<NettyRemotingServer> servers = ConcurrentHashMap.newKeySet();
    private final EventLoops transport;
    private final EventLoopGroup boss;
    private final EventLoopGroup selectors;
    private final EventExecutorGroup codec;
    private final BusinessPools pools;
    private final HashedWheelTimer timer = new HashedWheelTimer(NamedThreads.factory("karrier-remoting-timer"));
    private final SerializeType requestSerializeType;

    @Activate
    public NettyServerFactory(RemotingConfig config) {
        this.config = config;
        this.requestSerializeType = SerializeType.valueOf(config.serializeType());
        this.pools = new BusinessPools(poolSizes(config));
        this.transport = new EventLoops(config.nativeEpoll());
        this.boss = transport.create(1, "karrier-boss");
        this.selectors = transport.create(EventLoops.orCores(config.selectorThreads()), "karrier-selector");
        this.codec = new DefaultEventExecutorGroup(EventLoops.orCores(config.codecThreads()),
                NamedThreads.factory("karrier-codec"));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addProcessor(RequestProcessor processor, Map<String, Object> properties) {
        try {
            processors.add(processor, properties);
        } catch (IllegalArgumentException e) {
            LOG.warn("Ignoring request processor {} (service {}): {}", processor, properties.get("service.id"),
                    e.getMessage());
        }
    }

    public void removeProcessor(RequestProcessor processor) {
        processors.remove(processor);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void addChannelListener(ChannelListener listener, Map<String, Object> properties) {
        listeners.add(listener, properties);
    }

    public void removeChannelListener(ChannelListener listener) {
        listeners.remove(listener);
    }

    @Override
    public RemotingServer start(String serverName, InetSocketAddress bindAddress) throws IOException {
        ChannelGroup connections = new DefaultChannelGroup(serverName, GlobalEventExecutor.INSTANCE);
        RequestDispatcher dispatcher = new RequestDispatcher(serverName, processors, pools::executor);
        ConnectionGuard guard = new ConnectionGuard(connection -> listeners.channelClosed(serverName, connection));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, selectors)
                .channel(transport.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WRITE_WATER_MARK)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        NettyConnection.attach(channel, timer, requestSerializeType);
                        connections.add(channel);
                        Pipelines.configure(channel.pipeline(), config, codec, dispatcher, guard);
                    }
                });
        Channel serverChannel;
        try {
            serverChannel = bootstrap.bind(bindAddress).syncUninterruptibly().channel();
        } catch (Exception e) {
            throw new IOException("cannot listen on " + bindAddress + " for " + serverName + ": " + e.getMessage(), e);
        }
        NettyRemotingServer server = new NettyRemotingServer(serverName, serverChannel, connections, dispatcher,
                servers::remove);
        servers.add(server);
        LOG.info("Remoting server {} listening on {}", serverName, server.localAddress());
        return server;
    }

    @Deactivate
    public void deactivate() {
        servers.forEach(NettyRemotingServer::close);
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        selectors.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        codec.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        pools.close();
        listeners.close();
        timer.stop();
    }

    /**
     * Applies a changed configuration without closing a connection: pool thread counts at once; the
     * rest (transport, threads of Netty, frame and idle limits, queue capacities) is fixed while the
     * servers run, and the log says a restart of the bundle applies it. Bad sizes are logged and the
     * sizes in force stay.
     */
    @Modified
    void modified(RemotingConfig changed) {
        try {
            List<ProcessorFamily> fixedQueues = pools.resize(poolSizes(changed));
            LOG.info("Remoting business pools resized");
            if (!fixedQueues.isEmpty()) {
                LOG.warn("Queue capacity of the {} pools takes effect after bundle:restart io.karrier.remoting",
                        fixedQueues);
            }
        } catch (IllegalArgumentException e) {
            LOG.error("Ignoring remoting pool sizes: {}; the sizes in force stay", e.getMessage());
        }
        if (!sameTransport(config, changed)) {
            LOG.warn("Remoting settings other than pool sizes take effect after bundle:restart io.karrier.remoting");
        }
    }

    /** @return whether the settings fixed at activation are equal in both */
    static boolean sameTransport(RemotingConfig a, RemotingConfig b) {
        return a.nativeEpoll() == b.nativeEpoll() && a.selectorThreads() == b.selectorThreads()
                && a.codecThreads() == b.codecThreads() && a.maxFrameBytes() == b.maxFrameBytes()
                && a.channelMaxIdleSeconds() == b.channelMaxIdleSeconds()
                && a.connectTimeoutMillis() == b.connectTimeoutMillis() && a.serializeType().equals(b.serializeType());
    }

    /** @return the thread count of a family's pool, for tests */
    int poolThreads(ProcessorFamily family) {
        return pools.threads(family);
    }

    private static Map<ProcessorFamily, BusinessPools.Size> poolSizes(RemotingConfig config) {
        Map<ProcessorFamily, BusinessPools.Size> sizes = new EnumMap<>(ProcessorFamily.class);
        sizes.put(ProcessorFamily.SEND, new BusinessPools.Size(config.sendThreads(), config.sendQueueCapacity()));
        sizes.put(ProcessorFamily.PULL, new BusinessPools.Size(config.pullThreads(), config.pullQueueCapacity()));
        sizes.put(ProcessorFamily.QUERY, new BusinessPools.Size(config.queryThreads(), config.queryQueueCapacity()));
        sizes.put(ProcessorFamily.ADMIN, new BusinessPools.Size(config.adminThreads(), config.adminQueueCapacity()));
        sizes.put(ProcessorFamily.HEARTBEAT,
                new BusinessPools.Size(config.heartbeatThreads(), config.heartbeatQueueCapacity()));
        sizes.put(ProcessorFamily.TRANSACTION,
                new BusinessPools.Size(config.transactionThreads(), config.transactionQueueCapacity()));
        return sizes;
    }
}
