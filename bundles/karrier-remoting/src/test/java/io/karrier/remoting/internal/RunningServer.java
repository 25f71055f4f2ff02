package io.karrier.remoting.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;

import org.osgi.util.converter.Converters;

import io.karrier.api.remoting.RemotingServer;
import io.karrier.api.remoting.RequestProcessor;

/** A server factory activated as DS would, with one server named {@value #NAME} on a free loopback port. */
final class RunningServer implements AutoCloseable {

    static final String NAME = "test";

    final NettyServerFactory factory;
    final RemotingServer server;

    RunningServer(Map<String, Object> config) throws IOException {
        factory = new NettyServerFactory(config(config));
        server = factory.start(NAME, new InetSocketAddress("127.0.0.1", 0));
    }

    static RemotingConfig config(Map<String, Object> overrides) {
        return Converters.standardConverter().convert(overrides).to(RemotingConfig.class);
    }

    /** Registers a processor for the codes on this server, as the whiteboard would. */
    void register(RequestProcessor processor, int... codes) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(RequestProcessor.SERVER, NAME);
        properties.put(RequestProcessor.REQUEST_CODE, codes);
        factory.addProcessor(processor, properties);
    }

    String address() {
        return "127.0.0.1:" + server.localAddress().getPort();
    }

    @Override
    public void close() {
        server.close();
        factory.deactivate();
    }
}
