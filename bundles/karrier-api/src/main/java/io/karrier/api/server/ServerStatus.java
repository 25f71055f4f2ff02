package io.karrier.api.server;

import java.net.InetSocketAddress;
import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A running Karrier server. Registered as a service while the server is started and withdrawn
 * when it stops, so the presence of the service means the server is up.
 */
@ProviderType
public interface ServerStatus {

    /** @return what kind of server this is */
    ServerRole role();

    /** @return the server's name: the broker name for a broker, a fixed name for a name server */
    String name();

    /** @return the address clients connect to */
    InetSocketAddress listenAddress();

    /** @return when the server started */
    Instant startedAt();
}
