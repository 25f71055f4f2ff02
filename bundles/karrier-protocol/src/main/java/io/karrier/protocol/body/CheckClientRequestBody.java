package io.karrier.protocol.body;

/**
 * The body of CHECK_CLIENT_CONFIG (46): a client asks whether the broker supports its subscription
 * (an SQL92 filter, typically) before it subscribes.
 *
 * @param clientId the client asking
 * @param group its consumer group
 * @param subscriptionData the subscription to check
 */
public record CheckClientRequestBody(String clientId, String group, SubscriptionData subscriptionData) {
}
