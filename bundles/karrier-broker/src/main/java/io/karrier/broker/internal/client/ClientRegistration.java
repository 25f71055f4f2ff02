package io.karrier.broker.internal.client;

import java.net.InetSocketAddress;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.LanguageCode;
import io.karrier.protocol.body.Connection;

/**
 * One client connection in a producer or consumer group, as its last heartbeat described it.
 * Replaced, not changed, by each heartbeat.
 *
 * @param channel the connection the heartbeat came on; the remoting layer hands out one object per
 *        connection, so it identifies the connection
 * @param clientId the heartbeat's {@code clientID}
 * @param language the client's language
 * @param version the client's version number (407 for 4.9.7)
 * @param lastSeenMillis when the last heartbeat came
 */
record ClientRegistration(ClientChannel channel, String clientId, LanguageCode language, int version,
        long lastSeenMillis) {

    ClientRegistration seenAt(long millis) {
        return new ClientRegistration(channel, clientId, language, version, millis);
    }

    /** @return the connection as admin tools see it, with RocketMQ's {@code ip:port} address */
    Connection toConnection() {
        return new Connection(address(channel), clientId, language, version);
    }

    /** @return the peer as RocketMQ prints it: {@code 10.0.0.7:53122} */
    static String address(ClientChannel channel) {
        InetSocketAddress remote = channel.remoteAddress();
        if (remote == null) {
            return "";
        }
        String host = remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
        return host + ":" + remote.getPort();
    }

    @Override
    public String toString() {
        return clientId + " at " + address(channel);
    }
}
