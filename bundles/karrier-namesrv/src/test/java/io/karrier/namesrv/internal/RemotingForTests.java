package io.karrier.namesrv.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Map;

import org.osgi.util.converter.Converters;

import io.karrier.api.remoting.ChannelListener;
import io.karrier.api.remoting.RemotingServer;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.remoting.internal.NettyServerFactory;
import io.karrier.remoting.internal.RemotingConfig;

/**
 * Test-only: the real remoting server with whiteboard services added by hand, as DS would add
 * them.
 */
public final class RemotingForTests implements AutoCloseable {

    private final String serverName;
    private final NettyServerFactory factory;
    private RemotingServer server;

    /** @param serverName the name processors and listeners select the server by */
    public RemotingForTests(String serverName) {
        this.serverName = serverName;
        this.factory = new NettyServerFactory(Converters.standardConverter().convert(Map.of())
                .to(RemotingConfig.class));
    }

    /** Adds a processor for the codes on this server. */
    public RemotingForTests processor(RequestProcessor processor, int... codes) {
        factory.addProcessor(processor, Map.of(RequestProcessor.SERVER, serverName, RequestProcessor.REQUEST_CODE,
                codes));
        return this;
    }

    /** Adds a listener for this server's closed connections. */
    public RemotingForTests channelListener(ChannelListener listener) {
        factory.addChannelListener(listener, Map.of(RequestProcessor.SERVER, serverName));
        return this;
    }

    /** Starts the server on a free loopback port. */
    public RemotingForTests start() throws IOException {
        server = factory.start(serverName, new InetSocketAddress("127.0.0.1", 0));
        return this;
    }

    /** @return {@code 127.0.0.1:port} */
    public String address() {
        return "127.0.0.1:" + server.localAddress().getPort();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        factory.deactivate();
    }
}
