package io.karrier.namesrv.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.RemotingServer;
import io.karrier.api.remoting.RemotingServerFactory;
import io.karrier.api.server.ServerRole;
import io.karrier.api.server.ServerStatus;

/**
 * The name server's lifecycle: configured from PID {@code io.karrier.namesrv}, it listens on its
 * port as remoting server {@value #SERVER_NAME} (processors select it by that name) and is published
 * as a {@link ServerStatus} while it runs.
 */
@Designate(ocd = NameServerConfig.class)
@Component(configurationPid = NameServerConfig.PID, service = ServerStatus.class, immediate = true)
public class NameServerComponent implements ServerStatus {

    private static final Logger LOG = LoggerFactory.getLogger(NameServerComponent.class);

    /** The remoting server name the name server's processors register for. */
    public static final String SERVER_NAME = "namesrv";

    private final RemotingServer server;
    private final Instant startedAt = Instant.now();

    @Activate
    public NameServerComponent(NameServerConfig config, @Reference RemotingServerFactory remoting) throws IOException {
        this.server = remoting.start(SERVER_NAME, new InetSocketAddress(config.bindAddress(), config.listenPort()));
        LOG.info("Karrier name server started on {}", server.localAddress());
    }

    @Deactivate
    void deactivate() {
        server.close();
        LOG.info("Karrier name server on {} stopped", server.localAddress());
    }

    @Override
    public ServerRole role() {
        return ServerRole.NAME_SERVER;
    }

    @Override
    public String name() {
        return SERVER_NAME;
    }

    @Override
    public InetSocketAddress listenAddress() {
        return server.localAddress();
    }

    @Override
    public Instant startedAt() {
        return startedAt;
    }
}
