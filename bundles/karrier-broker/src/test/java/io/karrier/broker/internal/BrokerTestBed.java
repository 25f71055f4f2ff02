package io.karrier.broker.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.converter.Converters;

import io.karrier.api.flush.FlushStrategy;
import io.karrier.api.flush.FlushTarget;
import io.karrier.api.remoting.ChannelListener;
import io.karrier.api.remoting.RemotingServer;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.broker.internal.client.ClientSettings;
import io.karrier.remoting.internal.NettyRemotingClient;
import io.karrier.remoting.internal.NettyServerFactory;
import io.karrier.remoting.internal.RemotingConfig;
import io.karrier.store.internal.MessageStoreComponent;
import io.karrier.store.internal.StoreConfig;

/**
 * A whole broker outside OSGi, for tests: a real store in {@code dir} (page-cache flush), real Netty
 * remoting on a free loopback port, and the {@link Broker}'s processors and listeners registered as
 * the whiteboard would. Name servers are whatever the test passes (none by default: registration is
 * then a no-op). Close it to stop everything; reopen on the same {@code dir} to test restarts.
 */
public final class BrokerTestBed implements AutoCloseable {

    public final MessageStoreComponent store;
    /** The store as the broker sees it, counting the records it keeps pinned. */
    public final PinCountingStore pins;
    public final NettyServerFactory remoting;
    public final NettyRemotingClient client;
    public final RemotingServer server;
    public final Broker broker;
    /** Where updateBrokerConfig writes. */
    public final FakeConfigAdmin configAdmin = new FakeConfigAdmin();

    public BrokerTestBed(Path dir) throws IOException {
        this(dir, List.of(), Map.of());
    }

    /**
     * @param nameServers name servers to register with
     * @param storeOverrides store settings over the test defaults (small segments)
     */
    public BrokerTestBed(Path dir, List<String> nameServers, Map<String, Object> storeOverrides) throws IOException {
        Map<String, Object> storeConfig = new HashMap<>(Map.of("storePath", dir.toString(),
                "commitLogSegmentBytes", 16 << 20, "consumeQueueEntriesPerFile", 100_000));
        storeConfig.putAll(storeOverrides);
        store = new MessageStoreComponent(convert(storeConfig, StoreConfig.class), null);
        store.addFlushStrategy(new PageCacheFlush(), Map.of());
        RemotingConfig remotingConfig = convert(Map.of("nativeEpoll", false), RemotingConfig.class);
        remoting = new NettyServerFactory(remotingConfig);
        client = new NettyRemotingClient(remotingConfig);
        server = remoting.start(BrokerComponent.SERVER_NAME, new InetSocketAddress("127.0.0.1", 0));
        BrokerSettings settings = new BrokerSettings("broker-test", "DefaultCluster", 0, "127.0.0.1",
                server.localAddress().getPort(), nameServers, true, 8, 4 * 1024 * 1024, Duration.ofSeconds(30),
                Duration.ofSeconds(5), ClientSettings.defaults(), new BrokerSettings.LongPolling(100, Duration.ofMillis(100)));
        pins = new PinCountingStore(store);
        BrokerComponent.Config config = convert(Map.of("brokerName", settings.brokerName(), "listenPort",
                settings.listenPort()), BrokerComponent.Config.class);
        ConfigurationAdmin configurationAdmin = configAdmin.service();
        broker = new Broker(settings, pins, store, client, Clock.systemUTC(),
                new ConfigAdminBrokerConfiguration(config, () -> configurationAdmin));
        for (ProcessorBinding binding : broker.processors()) {
            Map<String, Object> properties = new HashMap<>();
            properties.put(RequestProcessor.SERVER, BrokerComponent.SERVER_NAME);
            properties.put(RequestProcessor.REQUEST_CODE, binding.codes().toArray(Integer[]::new));
            remoting.addProcessor(binding.processor(), properties);
        }
        for (ChannelListener listener : broker.channelListeners()) {
            remoting.addChannelListener(listener, Map.of(RequestProcessor.SERVER, BrokerComponent.SERVER_NAME));
        }
        broker.arrivalListeners().forEach(store::addArrivalListener);
        broker.start();
    }

    private static <T> T convert(Map<String, Object> properties, Class<T> type) {
        return Converters.standardConverter().convert(properties).to(type);
    }

    /** @return {@code 127.0.0.1:port} of the broker */
    public String address() {
        return "127.0.0.1:" + server.localAddress().getPort();
    }

    @Override
    public void close() throws IOException {
        broker.leaveNameServers();
        server.close();
        broker.close();
        remoting.deactivate();
        client.deactivate();
        store.deactivate();
    }

    /** Acknowledges an append once it is in the page cache; the store is closed cleanly by the tests. */
    private static final class PageCacheFlush implements FlushStrategy {

        @Override
        public String name() {
            return "page-cache";
        }

        @Override
        public boolean acknowledgesAfterForce() {
            return false;
        }

        @Override
        public void attach(FlushTarget target) {
        }

        @Override
        public void detach(FlushTarget target) {
        }

        @Override
        public CompletionStage<Void> appended(FlushTarget target, long endPosition) {
            return CompletableFuture.completedFuture(null);
        }
    }
}
