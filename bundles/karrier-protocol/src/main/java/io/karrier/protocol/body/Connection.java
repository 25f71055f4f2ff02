package io.karrier.protocol.body;

import io.karrier.api.remoting.LanguageCode;

/**
 * One client connection of a group, in ConsumerConnection and ProducerConnection.
 *
 * @param clientAddr the client's remote address
 * @param clientId the client id from its heartbeat
 * @param language the client's language, by name
 * @param version the client's version number (e.g. 407)
 */
public record Connection(String clientAddr, String clientId, LanguageCode language, int version) {
}
