package io.karrier.broker.internal.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;

import org.apache.rocketmq.common.filter.FilterAPI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.karrier.protocol.body.SubscriptionData;

/** Header subscriptions read as RocketMQ 4.9.7's FilterAPI.build reads them. */
class SubscriptionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"*", "", "TagA", "TagA || TagB", " TagA ||TagB|| ", "||", "a||||b", " ", "A|B", "||x"})
    void tagExpressionsParseAsRocketMqParsesThem(String expression) {
        Optional<SubscriptionData> ours = Subscriptions.parse("T", expression, "TAG");
        org.apache.rocketmq.common.protocol.heartbeat.SubscriptionData reference;
        try {
            reference = FilterAPI.build("T", expression, "TAG");
        } catch (Exception parseFailure) {
            assertThat(ours).as("RocketMQ fails to parse " + expression).isEmpty();
            return;
        }
        assertThat(ours).isPresent();
        assertThat(ours.get().subString()).isEqualTo(reference.getSubString());
        assertThat(ours.get().tagsSet()).isEqualTo(reference.getTagsSet());
        assertThat(ours.get().codeSet()).isEqualTo(reference.getCodeSet());
        assertThat(ours.get().expressionType()).isEqualTo("TAG");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SQL92", "SOMETHING"})
    void otherExpressionTypesAreKeptUnparsedAndNeedAnExpression(String type) {
        assertThat(Subscriptions.parse("T", "a > 1", type)).hasValueSatisfying(subscription -> {
            assertThat(subscription.expressionType()).isEqualTo(type);
            assertThat(subscription.subString()).isEqualTo("a > 1");
        });
        assertThat(Subscriptions.parse("T", "", type)).isEmpty();
        assertThat(Subscriptions.parse("T", null, type)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"TagA || TagB"})
    void aMissingTypeMeansTag(String expression) {
        assertThat(Subscriptions.parse("T", expression, null).orElseThrow().tagsSet())
                .containsExactlyInAnyOrderElementsOf(Arrays.asList("TagA", "TagB"));
    }
}
