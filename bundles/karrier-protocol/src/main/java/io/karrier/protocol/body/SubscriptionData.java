package io.karrier.protocol.body;

import java.util.Set;

/**
 * One topic subscription of a consumer (REMOTING.md §3.3). Upstream's {@code filterClassSource}
 * is never written by fastjson and is not modelled.
 *
 * @param classFilterMode the retired class-filter mode
 * @param codeSet the tags' {@code String.hashCode()}; never {@code null}
 * @param expressionType {@code TAG} or {@code SQL92}; {@code null} reads as {@code TAG}, as upstream
 * @param subString {@code *}, {@code tagA || tagB}, or an SQL92 expression
 * @param subVersion when the subscription was made, epoch milliseconds
 * @param tagsSet the trimmed tags; never {@code null}
 * @param topic the topic
 */
public record SubscriptionData(boolean classFilterMode, Set<Integer> codeSet, String expressionType,
        String subString, long subVersion, Set<String> tagsSet, String topic) {

    /** The subscription expression that matches every tag. */
    public static final String SUB_ALL = "*";
    /** The default expression type. */
    public static final String TAG = "TAG";
    /** SQL92 property filtering. */
    public static final String SQL92 = "SQL92";

    public SubscriptionData {
        codeSet = Copies.set(codeSet);
        tagsSet = Copies.set(tagsSet);
        if (expressionType == null) {
            expressionType = TAG;
        }
    }
}
