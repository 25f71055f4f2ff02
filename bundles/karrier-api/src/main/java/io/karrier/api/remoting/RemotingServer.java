package io.karrier.api.remoting;

import java.net.InetSocketAddress;

import org.osgi.annotation.versioning.ProviderType;

/** A running remoting server; see {@link RemotingServerFactory}. */
@ProviderType
public interface RemotingServer extends AutoCloseable {

    /** @return the address the server is bound to, with the actual port */
    InetSocketAddress localAddress();

    /** Stops accepting, closes every connection and waits briefly for them to close. */
    @Override
    void close();
}
