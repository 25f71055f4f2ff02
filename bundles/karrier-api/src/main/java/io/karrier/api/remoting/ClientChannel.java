package io.karrier.api.remoting;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One accepted connection, as processors see it. Processors that track clients (heartbeats,
 * consumer groups) keep it to send server-initiated requests over the client's own connection.
 */
@ProviderType
public interface ClientChannel {

    /** @return a stable identifier of the connection while it is open */
    String id();

    /** @return the peer's address */
    InetSocketAddress remoteAddress();

    /** @return whether the connection is still open */
    boolean isActive();

    /**
     * Sends a request to the client and completes with its response.
     *
     * @param request the request; its opaque is assigned here
     * @param timeout how long to wait for the response
     * @return the response, or a stage failed with {@link RemotingException}
     */
    CompletionStage<RemotingCommand> invoke(RemotingCommand request, Duration timeout);

    /**
     * Sends a oneway request to the client (RocketMQ's CHECK_TRANSACTION_STATE and
     * NOTIFY_CONSUMER_IDS_CHANGED are oneway).
     *
     * @param request the request; its opaque is assigned and its oneway flag set here
     * @return completes once written, or fails with {@link RemotingException}
     */
    CompletionStage<Void> invokeOneway(RemotingCommand request);

    /** Closes the connection. */
    void close();
}
