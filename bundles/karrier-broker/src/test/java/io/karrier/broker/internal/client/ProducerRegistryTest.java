package io.karrier.broker.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.karrier.broker.internal.FakeChannel;
import io.karrier.broker.internal.TestClock;
import io.karrier.api.remoting.LanguageCode;
import io.karrier.protocol.body.Connection;

class ProducerRegistryTest {

    private final TestClock clock = new TestClock();
    private final ProducerRegistry registry = new ProducerRegistry(ClientSettings.defaults(), clock);
    private final FakeChannel a = new FakeChannel(1001);
    private final FakeChannel b = new FakeChannel(1002);

    @Test
    void listsAGroupsConnections() {
        registry.register("pg", a, "c1", LanguageCode.JAVA, 407);
        registry.register("pg", a, "c1", LanguageCode.JAVA, 407);
        registry.register("pg", b, "c2", LanguageCode.GO, 1);

        assertThat(registry.connections("pg").orElseThrow()).containsExactlyInAnyOrder(
                new Connection("127.0.0.1:1001", "c1", LanguageCode.JAVA, 407),
                new Connection("127.0.0.1:1002", "c2", LanguageCode.GO, 1));
        assertThat(registry.connections("other")).isEmpty();
        assertThat(registry.registrations()).isEqualTo(2);
    }

    @Test
    void forgetsUnregisteredClosedAndSilentConnections() {
        registry.register("pg", a, "c1", LanguageCode.JAVA, 407);
        registry.register("other", a, "c1", LanguageCode.JAVA, 407);
        registry.register("pg", b, "c2", LanguageCode.JAVA, 407);

        registry.unregister("other", a);
        assertThat(registry.connections("other")).isEmpty();

        clock.advance(Duration.ofSeconds(60));
        registry.register("pg", b, "c2", LanguageCode.JAVA, 407);
        clock.advance(Duration.ofSeconds(61));
        assertThat(registry.expire()).extracting(ClientRegistration::clientId).containsExactly("c1");
        assertThat(registry.contains(a)).isFalse();

        registry.channelClosed(b);
        assertThat(registry.connections("pg")).isEmpty();
        assertThat(registry.registrations()).isZero();
    }

    @Test
    void refusesRegistrationsBeyondTheLimit() {
        ClientSettings defaults = ClientSettings.defaults();
        ProducerRegistry limited = new ProducerRegistry(new ClientSettings(true, true, defaults.clientExpiry(),
                defaults.queueLockExpiry(), 1, 10, 10, 10), clock);

        limited.register("pg", a, "c1", LanguageCode.JAVA, 407);
        limited.register("pg", b, "c2", LanguageCode.JAVA, 407);
        limited.register("other", b, "c2", LanguageCode.JAVA, 407);

        assertThat(limited.connections("pg").orElseThrow()).extracting(Connection::clientId).containsExactly("c1");
        assertThat(limited.connections("other")).isEmpty();
    }
}
