package io.karrier.broker.internal.pull;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import io.karrier.protocol.body.SubscriptionData;

/**
 * Reads the subscription a pull carries in its header (lite pull and pull consumers send it), as
 * RocketMQ 4.9.7's FilterAPI.build does: {@code *}, empty or none means every message; otherwise
 * tags split on {@code ||} and trimmed, each with its {@code String.hashCode()}. Other expression
 * types (SQL92) are kept as they are, unparsed, for the caller to refuse.
 */
final class Subscriptions {

    private static final String TAG_SEPARATOR = "\\|\\|";

    private Subscriptions() {
    }

    /**
     * @param topic the pulled topic
     * @param expression the subscription expression, or {@code null}
     * @param expressionType {@code TAG}, {@code SQL92}, or {@code null} (TAG)
     * @return the subscription, or empty when RocketMQ fails to parse it ({@code ||} alone, or an
     *         empty non-TAG expression)
     */
    static Optional<SubscriptionData> parse(String topic, String expression, String expressionType) {
        long version = System.currentTimeMillis();
        if (expressionType != null && !expressionType.isEmpty() && !SubscriptionData.TAG.equals(expressionType)) {
            return expression == null || expression.isEmpty() ? Optional.empty()
                    : Optional.of(new SubscriptionData(false, Set.of(), expressionType, expression, version, Set.of(),
                            topic));
        }
        if (expression == null || expression.isEmpty() || SubscriptionData.SUB_ALL.equals(expression)) {
            return Optional.of(new SubscriptionData(false, Set.of(), SubscriptionData.TAG, SubscriptionData.SUB_ALL,
                    version, Set.of(), topic));
        }
        String[] tags = expression.split(TAG_SEPARATOR);
        if (tags.length == 0) {
            return Optional.empty();
        }
        Set<String> tagsSet = new LinkedHashSet<>();
        Set<Integer> codeSet = new LinkedHashSet<>();
        for (String tag : tags) {
            String trimmed = tag.trim();
            if (!trimmed.isEmpty()) {
                tagsSet.add(trimmed);
                codeSet.add(trimmed.hashCode());
            }
        }
        return Optional.of(new SubscriptionData(false, codeSet, SubscriptionData.TAG, expression, version, tagsSet,
                topic));
    }
}
