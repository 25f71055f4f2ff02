package io.karrier.api.remoting;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends requests to other servers (a broker to its name servers, a slave to its master). One
 * connection per address, opened on first use and reopened after it breaks.
 */
@ProviderType
public interface RemotingClient {

    /**
     * @param address {@code host:port}
     * @param request the request; its opaque is assigned here
     * @param timeout how long to wait for the response, connecting included
     * @return the response, or a stage failed with {@link RemotingException}
     */
    CompletionStage<RemotingCommand> invoke(String address, RemotingCommand request, Duration timeout);

    /**
     * @param address {@code host:port}
     * @param request the request; its opaque is assigned and its oneway flag set here
     * @return completes once written, or fails with {@link RemotingException}
     */
    CompletionStage<Void> invokeOneway(String address, RemotingCommand request);
}
