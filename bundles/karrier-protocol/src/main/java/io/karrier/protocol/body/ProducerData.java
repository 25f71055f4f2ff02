package io.karrier.protocol.body;

/**
 * A producer group in a heartbeat.
 *
 * @param groupName the producer group
 */
public record ProducerData(String groupName) {
}
