package io.karrier.shell.internal;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.karrier.api.remoting.RemotingClient;
import io.karrier.api.server.ServerRole;
import io.karrier.api.server.ServerStatus;

/**
 * Finds the name server and broker running in this container from their {@link ServerStatus}
 * services, and the address to reach each one from inside the container.
 */
public final class LocalServers {

    private LocalServers() {
    }

    /**
     * @param servers the running servers (may be {@code null} when none is registered)
     * @param role the role wanted
     * @return the first server of that role, if one runs
     */
    public static Optional<ServerStatus> find(List<ServerStatus> servers, ServerRole role) {
        return servers == null ? Optional.empty()
                : servers.stream().filter(server -> server.role() == role).findFirst();
    }

    /**
     * @param server a running server
     * @return {@code host:port} to connect to: loopback when the server listens on every interface
     */
    public static String address(ServerStatus server) {
        InetSocketAddress listen = server.listenAddress();
        boolean wildcard = listen.getAddress() != null && listen.getAddress().isAnyLocalAddress();
        String host = wildcard ? "127.0.0.1" : listen.getHostString();
        return host + ":" + listen.getPort();
    }

    /**
     * @param servers the running servers (may be {@code null})
     * @param remoting the container's remoting client
     * @param timeout how long each request may wait for its answer
     * @return a client of the local broker (and name server, when one runs here)
     * @throws AdminException when no broker runs in this container
     */
    public static AdminClient adminClient(List<ServerStatus> servers, RemotingClient remoting, Duration timeout)
            throws AdminException {
        ServerStatus broker = find(servers, ServerRole.BROKER)
                .orElseThrow(() -> new AdminException("no Karrier broker runs in this container (see karrier:status)"));
        String nameServer = find(servers, ServerRole.NAME_SERVER).map(LocalServers::address).orElse(null);
        return new AdminClient(remoting, address(broker), broker.name(), nameServer, timeout);
    }
}
