package io.karrier.broker.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.karrier.broker.internal.FakeChannel;
import io.karrier.broker.internal.TestClock;
import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.LanguageCode;
import io.karrier.protocol.body.ConsumeFromWhere;
import io.karrier.protocol.body.ConsumeType;
import io.karrier.protocol.body.ConsumerConnection;
import io.karrier.protocol.body.ConsumerData;
import io.karrier.protocol.body.MessageModel;
import io.karrier.protocol.body.SubscriptionData;

class ConsumerRegistryTest {

    private final TestClock clock = new TestClock();
    private final List<String> changes = new ArrayList<>();
    private final FakeChannel a = new FakeChannel(1001);
    private final FakeChannel b = new FakeChannel(1002);

    private ConsumerRegistry registry(ClientSettings settings) {
        return new ConsumerRegistry(settings, clock, (group, members) -> changes.add(group + members.stream()
                .map(ClientChannel::id).sorted().toList()));
    }

    private final ConsumerRegistry registry = registry(ClientSettings.defaults());

    static SubscriptionData subscription(String topic, String expression, long version) {
        return new SubscriptionData(false, Set.of(expression.hashCode()), "TAG", expression, version,
                Set.of(expression), topic);
    }

    static ConsumerData consumer(String group, SubscriptionData... subscriptions) {
        return new ConsumerData(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, ConsumeType.CONSUME_PASSIVELY, group,
                MessageModel.CLUSTERING, Set.of(subscriptions), false);
    }

    private boolean heartbeat(FakeChannel channel, String clientId, ConsumerData data) {
        return registry.register(data.groupName(), channel, clientId, LanguageCode.JAVA, 407, data);
    }

    @Test
    void tellsTheGroupWhenAConnectionJoinsNotWhenItRepeatsItsHeartbeat() {
        ConsumerData data = consumer("g", subscription("t", "*", 1));

        assertThat(heartbeat(a, "c1", data)).isTrue();
        assertThat(heartbeat(a, "c1", data)).isFalse();
        assertThat(heartbeat(b, "c2", data)).isTrue();

        assertThat(changes).containsExactly("g[1001]", "g[1001, 1002]");
        assertThat(registry.clientIds("g")).containsExactlyInAnyOrder("c1", "c2");
        assertThat(registry.find("g", "t")).contains(subscription("t", "*", 1));
        assertThat(registry.find("g", "other")).isEmpty();
        assertThat(registry.find("other", "t")).isEmpty();
    }

    @Test
    void aNewOrDroppedTopicIsAChangeANewerExpressionIsNot() {
        heartbeat(a, "c1", consumer("g", subscription("t", "*", 1)));
        changes.clear();

        assertThat(heartbeat(a, "c1", consumer("g", subscription("t", "tagA", 2)))).isFalse();
        assertThat(registry.find("g", "t")).contains(subscription("t", "tagA", 2));
        assertThat(heartbeat(a, "c1", consumer("g", subscription("t", "tagB", 1)))).isFalse();
        assertThat(registry.find("g", "t").orElseThrow().subString()).as("an older version is ignored")
                .isEqualTo("tagA");

        assertThat(heartbeat(a, "c1", consumer("g", subscription("t", "tagA", 2), subscription("u", "*", 3))))
                .isTrue();
        assertThat(heartbeat(a, "c1", consumer("g", subscription("u", "*", 3)))).isTrue();
        assertThat(registry.find("g", "t")).isEmpty();
        assertThat(changes).containsExactly("g[1001]", "g[1001]");
    }

    @Test
    void unregisterAndCloseTellTheRestAndAnEmptyGroupGoes() {
        heartbeat(a, "c1", consumer("g", subscription("t", "*", 1)));
        heartbeat(a, "c1", consumer("h", subscription("t", "*", 1)));
        heartbeat(b, "c2", consumer("g", subscription("t", "*", 1)));
        changes.clear();

        registry.unregister("g", b);
        assertThat(changes).containsExactly("g[1001]");
        registry.unregister("g", b);
        assertThat(changes).as("nothing left to remove").hasSize(1);

        registry.channelClosed(a);
        assertThat(changes).containsExactlyInAnyOrder("g[1001]", "g[]", "h[]");
        assertThat(registry.clientIds("g")).isEmpty();
        assertThat(registry.connection("h")).isEmpty();
        assertThat(registry.find("g", "t")).isEmpty();
        assertThat(registry.registrations()).isZero();
    }

    @Test
    void expiresConnectionsWithoutAHeartbeatFor120Seconds() {
        heartbeat(a, "c1", consumer("g", subscription("t", "*", 1)));
        heartbeat(b, "c2", consumer("g", subscription("t", "*", 1)));
        changes.clear();

        clock.advance(Duration.ofSeconds(100));
        heartbeat(b, "c2", consumer("g", subscription("t", "*", 1)));
        clock.advance(Duration.ofSeconds(20));
        assertThat(registry.expire()).as("120 s exactly is not yet expired").isEmpty();

        clock.advance(Duration.ofMillis(1));
        List<ClientRegistration> expired = registry.expire();

        assertThat(expired).extracting(ClientRegistration::clientId).containsExactly("c1");
        assertThat(changes).containsExactly("g[1002]");
        assertThat(registry.clientIds("g")).containsExactly("c2");

        clock.advance(Duration.ofSeconds(100));
        assertThat(registry.expire()).extracting(ClientRegistration::clientId).containsExactly("c2");
        assertThat(registry.connection("g")).isEmpty();
    }

    @Test
    void aHeartbeatThatArrivesAfterItsConnectionClosedIsIgnored() {
        a.close();

        assertThat(heartbeat(a, "c1", consumer("g", subscription("t", "*", 1)))).isFalse();
        assertThat(registry.connection("g")).isEmpty();
        assertThat(changes).isEmpty();
    }

    @Test
    void showsTheGroupAsAdminToolsSeeIt() {
        heartbeat(a, "c1", consumer("g", subscription("t", "*", 1)));

        ConsumerConnection connection = registry.connection("g").orElseThrow();

        assertThat(connection.consumeType()).isEqualTo(ConsumeType.CONSUME_PASSIVELY);
        assertThat(connection.messageModel()).isEqualTo(MessageModel.CLUSTERING);
        assertThat(connection.consumeFromWhere()).isEqualTo(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        assertThat(connection.subscriptionTable()).containsOnlyKeys("t");
        assertThat(connection.connectionSet()).singleElement().satisfies(client -> {
            assertThat(client.clientId()).isEqualTo("c1");
            assertThat(client.clientAddr()).isEqualTo("127.0.0.1:1001");
            assertThat(client.language()).isEqualTo(LanguageCode.JAVA);
            assertThat(client.version()).isEqualTo(407);
        });
    }

    @Test
    void refusesRegistrationsBeyondTheLimitsAndCountsFreedOnes() {
        ClientSettings defaults = ClientSettings.defaults();
        ConsumerRegistry limited = registry(new ClientSettings(true, true, defaults.clientExpiry(),
                defaults.queueLockExpiry(), 2, 1, 10, 10));
        FakeChannel c = new FakeChannel(1003);

        assertThat(limited.register("g", a, "c1", LanguageCode.JAVA, 407, consumer("g", subscription("t", "*", 1))))
                .isTrue();
        assertThat(limited.register("h", a, "c1", LanguageCode.JAVA, 407, consumer("h"))).isTrue();
        assertThat(limited.register("g", c, "c3", LanguageCode.JAVA, 407, consumer("g"))).isFalse();
        assertThat(limited.register("g", a, "c1", LanguageCode.JAVA, 407, consumer("g"))).as("a known connection")
                .isTrue();
        assertThat(limited.register("x", b, "c2", LanguageCode.JAVA, 407,
                consumer("x", subscription("t", "*", 1), subscription("u", "*", 1)))).as("too many topics").isFalse();
        assertThat(limited.clientIds("g")).containsExactly("c1");
        assertThat(limited.connection("x")).isEmpty();

        limited.channelClosed(a);
        assertThat(limited.register("g", c, "c3", LanguageCode.JAVA, 407, consumer("g"))).isTrue();
        assertThat(limited.registrations()).isEqualTo(1);
    }
}
