package io.karrier.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class LoadOptionsTest {

    @Test
    void producesSyncOnLoopbackForThirtySecondsByDefault() {
        LoadOptions options = LoadOptions.parse("produce");

        assertThat(options.mode()).isEqualTo(LoadOptions.Mode.PRODUCE);
        assertThat(options.nameServer()).isEqualTo("127.0.0.1:9876");
        assertThat(options.sendMode()).isEqualTo(LoadOptions.SendMode.SYNC);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.messages()).isZero();
        assertThat(options.threads()).isEqualTo(4);
        assertThat(options.messageBytes()).isEqualTo(128);
        assertThat(options.maxInFlight()).isEqualTo(1024);
        assertThat(options.allowRemote()).isFalse();
    }

    @Test
    void readsEveryOptionInBothSpellings() {
        LoadOptions options = LoadOptions.parse("produce", "--namesrv", "127.0.0.1:19876", "--topic=T1", "--group", "g",
                "--threads", "8", "--size", "4k", "--send", "ASYNC", "--duration", "500ms", "--messages", "1000",
                "--max-in-flight=64", "--send-timeout", "2s", "--create-topic", "8", "--allow-remote");

        assertThat(options.nameServer()).isEqualTo("127.0.0.1:19876");
        assertThat(options.topic()).isEqualTo("T1");
        assertThat(options.group()).isEqualTo("g");
        assertThat(options.threads()).isEqualTo(8);
        assertThat(options.messageBytes()).isEqualTo(4096);
        assertThat(options.sendMode()).isEqualTo(LoadOptions.SendMode.ASYNC);
        assertThat(options.duration()).isEqualTo(Duration.ofMillis(500));
        assertThat(options.messages()).isEqualTo(1000);
        assertThat(options.maxInFlight()).isEqualTo(64);
        assertThat(options.sendTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(options.topicQueues()).isEqualTo(8);
        assertThat(options.allowRemote()).isTrue();
    }

    @Test
    void drainingNeedsACount() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("consume"))
                .withMessageContaining("--messages");
        LoadOptions options = LoadOptions.parse("consume", "--messages", "10", "--from", "last");
        assertThat(options.mode()).isEqualTo(LoadOptions.Mode.CONSUME);
        assertThat(options.fromFirst()).isFalse();
    }

    @Test
    void parsesDurationsAndSizes() {
        assertThat(LoadOptions.duration("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(LoadOptions.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(LoadOptions.duration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(LoadOptions.bytes("1KiB")).isEqualTo(1024);
        assertThat(LoadOptions.bytes("1m")).isEqualTo(1024 * 1024);
        assertThat(LoadOptions.bytes("100b")).isEqualTo(100);
    }

    @Test
    void refusesWhatWouldMakeARunUnboundedOrMeaningless() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("produce", "--duration", "0s"));
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("produce", "--duration", "25h"));
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("produce", "--size", "5m"));
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("produce", "--threads", "0"));
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("produce", "--messages", "-1"));
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("produce", "--send", "twice"))
                .withMessageContaining("sync, async or oneway");
    }

    @Test
    void refusesMistypedCommandLines() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("send"))
                .withMessageContaining("produce or consume");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("produce", "--thread", "2"))
                .withMessageContaining("unknown option --thread");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("produce", "--topic"))
                .withMessageContaining("needs a value");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("produce", "--topic", "a", "--topic", "b"))
                .withMessageContaining("twice");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("produce", "topic"))
                .withMessageContaining("expected an --option");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("produce", "--size", "big"))
                .withMessageContaining("not a size");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("produce", "--duration", "soon"))
                .withMessageContaining("not a duration");
    }

    @Test
    void helpShowsTheUsage() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("--help"))
                .withMessageStartingWith("usage:");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadOptions.parse("produce", "--help"))
                .withMessageStartingWith("usage:");
    }

    @Test
    void talksToLoopbackOnlyUnlessAllowed() {
        assertThatNoException().isThrownBy(() ->
                LoadOptions.parse("produce", "--namesrv", "127.0.0.1:9876;localhost:9877").requireLoopbackUnlessAllowed());
        assertThatIllegalArgumentException().isThrownBy(() ->
                LoadOptions.parse("produce", "--namesrv", "127.0.0.1:9876;192.0.2.1:9876").requireLoopbackUnlessAllowed())
                .withMessageContaining("--allow-remote");
        assertThatNoException().isThrownBy(() ->
                LoadOptions.parse("produce", "--namesrv", "192.0.2.1:9876", "--allow-remote").requireLoopbackUnlessAllowed());
    }
}
