package io.karrier.namesrv.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;

import org.osgi.util.converter.Converters;

import io.karrier.api.remoting.RemotingServer;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.protocol.RequestCode;
import io.karrier.remoting.internal.NettyServerFactory;
import io.karrier.remoting.internal.RemotingConfig;

/**
 * Test-only: Karrier's real name server (its processors on the real remoting server, on a free
 * loopback port), for broker tests that need brokers registered and routes served, as mqadmin sees
 * them. It lives in the name server's package, on the broker module's test class path, to build the
 * processors with their test constructors as the name server's own tests do, without OSGi.
 */
public final class NameServerForTests implements AutoCloseable {

    private final NettyServerFactory factory;
    private final KvConfigStore kvConfig;
    private final RemotingServer server;

    /** @param dir where the KV configuration is kept */
    public NameServerForTests(Path dir) throws IOException {
        RouteRegistry registry = new RouteRegistry();
        kvConfig = new KvConfigStore(dir.resolve("kvConfig.json"));
        factory = new NettyServerFactory(Converters.standardConverter().convert(Map.of("nativeEpoll", false))
                .to(RemotingConfig.class));
        add(new RouteQueryProcessor(registry, kvConfig, true), RequestCode.GET_ROUTEINFO_BY_TOPIC,
                RequestCode.GET_BROKER_CLUSTER_INFO, RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER,
                RequestCode.GET_TOPICS_BY_CLUSTER, RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS,
                RequestCode.GET_UNIT_TOPIC_LIST, RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST,
                RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST);
        add(new BrokerRegistrationProcessor(registry, kvConfig), RequestCode.REGISTER_BROKER,
                RequestCode.UNREGISTER_BROKER, RequestCode.QUERY_DATA_VERSION);
        add(new RouteAdminProcessor(registry), RequestCode.WIPE_WRITE_PERM_OF_BROKER,
                RequestCode.ADD_WRITE_PERM_OF_BROKER, RequestCode.DELETE_TOPIC_IN_NAMESRV);
        add(new KvConfigProcessor(kvConfig), RequestCode.PUT_KV_CONFIG, RequestCode.GET_KV_CONFIG,
                RequestCode.DELETE_KV_CONFIG, RequestCode.GET_KVLIST_BY_NAMESPACE);
        factory.addChannelListener(registry, Map.of(RequestProcessor.SERVER, NameServerComponent.SERVER_NAME));
        server = factory.start(NameServerComponent.SERVER_NAME, new InetSocketAddress("127.0.0.1", 0));
    }

    private void add(RequestProcessor processor, Integer... codes) {
        factory.addProcessor(processor, Map.of(RequestProcessor.SERVER, NameServerComponent.SERVER_NAME,
                RequestProcessor.REQUEST_CODE, codes));
    }

    /** @return {@code 127.0.0.1:port} */
    public String address() {
        return "127.0.0.1:" + server.localAddress().getPort();
    }

    @Override
    public void close() throws InterruptedException {
        server.close();
        factory.deactivate();
        kvConfig.deactivate();
    }
}
