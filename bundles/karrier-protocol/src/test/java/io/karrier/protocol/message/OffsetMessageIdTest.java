package io.karrier.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Offset message ids against RocketMQ's createMessageId / decodeMessageId. */
class OffsetMessageIdTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void matchesRocketmqBothWays(boolean ipv6) throws Exception {
        RandomMessages random = new RandomMessages(ipv6 ? 11 : 12);
        for (int i = 0; i < 500; i++) {
            HostAddress host = random.host(ipv6);
            long offset = i == 0 ? Long.MAX_VALUE : i == 1 ? 0 : random.random().nextLong() & Long.MAX_VALUE;
            String ours = new OffsetMessageId(host, offset).encode();

            assertThat(ours).isEqualTo(MessageDecoder.createMessageId(host.toSocketAddress(), offset))
                    .hasSize(ipv6 ? 56 : 32).isUpperCase();
            MessageId theirs = MessageDecoder.decodeMessageId(ours);
            assertThat(theirs.getAddress()).isEqualTo(host.toSocketAddress());
            assertThat(theirs.getOffset()).isEqualTo(offset);
            assertThat(OffsetMessageId.parse(ours)).isEqualTo(new OffsetMessageId(host, offset));
            assertThat(OffsetMessageId.parse(ours.toLowerCase()).commitLogOffset()).isEqualTo(offset);
        }
    }

    @Test
    void knownValue() {
        HostAddress host = HostAddress.of(new byte[] {(byte) 192, (byte) 168, 0, 1}, 10911);
        assertThat(new OffsetMessageId(host, 0x1234).toString()).isEqualTo("C0A80001" + "00002A9F" + "0000000000001234");
        assertThat(host).hasToString("192.168.0.1:10911");
    }

    @Test
    void badIdsAreReported() {
        assertThatThrownBy(() -> OffsetMessageId.parse(null)).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> OffsetMessageId.parse("ABC"))
                .isInstanceOf(MalformedMessageException.class).hasMessage("a message id has 32 or 56 hex characters, not 3");
        assertThatThrownBy(() -> OffsetMessageId.parse("Z".repeat(32)))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("is not hex");
    }

    @Test
    void hostsRejectBadAddressLengths() {
        assertThatThrownBy(() -> HostAddress.of(new byte[5], 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HostAddress.of(java.net.InetSocketAddress.createUnresolved("example", 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
