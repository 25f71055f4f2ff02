package io.karrier.api.remoting;

import java.io.IOException;
import java.net.InetSocketAddress;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Starts remoting servers. A server answers each request with the {@link RequestProcessor} services
 * registered for its name and the request's code, and tells the {@link ChannelListener} services
 * registered for its name when a connection closes. Several servers may share a name (a broker's
 * main and fast ports).
 */
@ProviderType
public interface RemotingServerFactory {

    /**
     * Binds and starts a server.
     *
     * @param serverName the name processors and listeners select the server by
     * @param bindAddress where to listen; port 0 picks a free port
     * @return the running server
     * @throws IOException if the address cannot be bound
     */
    RemotingServer start(String serverName, InetSocketAddress bindAddress) throws IOException;
}
