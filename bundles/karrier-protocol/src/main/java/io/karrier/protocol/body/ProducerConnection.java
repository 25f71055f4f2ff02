package io.karrier.protocol.body;

import java.util.Set;

/**
 * The response body of GET_PRODUCER_CONNECTION_LIST (204).
 *
 * @param connectionSet the group's live connections; never {@code null}
 */
public record ProducerConnection(Set<Connection> connectionSet) {

    public ProducerConnection {
        connectionSet = Copies.set(connectionSet);
    }
}
