package io.karrier.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The properties string against RocketMQ's string2messageProperties / messageProperties2String. */
class MessagePropertiesTest {

    @Test
    void parsesArbitraryStringsExactlyAsTheClient() {
        char[] alphabet = {'a', 'b', 'é', '中', '\u0001', '\u0002', '\u0001', '\u0002'};
        Random random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(16);
            for (int j = 0; j < length; j++) {
                text.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String properties = text.toString();
            assertThat(MessageProperties.parse(properties)).as("parse(%s)", properties.replace('\u0001', '=')
                    .replace('\u0002', ';')).isEqualTo(MessageDecoder.string2messageProperties(properties));
        }
    }

    @Test
    void findsInBytesExactlyWhatParseFinds() {
        // names and values from few symbols so that names repeat; raw bytes include malformed UTF-8
        byte[][] pieces = {"a".getBytes(StandardCharsets.UTF_8), "TAGS".getBytes(StandardCharsets.UTF_8),
            "KEYS".getBytes(StandardCharsets.UTF_8), "UNIQ_KEY".getBytes(StandardCharsets.UTF_8),
            "é".getBytes(StandardCharsets.UTF_8), "中".getBytes(StandardCharsets.UTF_8), {1}, {2}, {1}, {2},
            {(byte) 0xC3}, {(byte) 0xE4, (byte) 0xB8}, {(byte) 0x80}, {(byte) 0xFF}, {' '}};
        String[] names = {MessagePropertyKeys.TAGS, MessagePropertyKeys.KEYS, MessagePropertyKeys.UNIQ_KEY, "a",
            "é", "中", "a\u0001", "", "\uFFFD", "\uD800", "TAGS\u0002KEYS"};
        Random random = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int count = random.nextInt(20);
            for (int j = 0; j < count; j++) {
                out.writeBytes(pieces[random.nextInt(pieces.length)]);
            }
            byte[] bytes = out.toByteArray();
            int pad = random.nextInt(3);
            ByteBuffer buffer = random.nextBoolean() ? ByteBuffer.allocateDirect(bytes.length + 2 * pad)
                    : ByteBuffer.allocate(bytes.length + 2 * pad);
            buffer.put(pad, bytes);
            Map<String, String> parsed = MessageProperties.parse(buffer, pad, bytes.length);
            String[] found = new String[names.length];
            MessageProperties.find(buffer, pad, bytes.length, names, found);
            for (int k = 0; k < names.length; k++) {
                assertThat(found[k]).as("%s in %s", names[k], java.util.Arrays.toString(bytes))
                        .isEqualTo(parsed.get(names[k]))
                        .isEqualTo(MessageProperties.find(buffer, pad, bytes.length, names[k]));
            }
            assertThat(buffer.position()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void formatsAsTheClientAndRoundTrips(int seed) {
        RandomMessages random = new RandomMessages(seed);
        for (int i = 0; i < 200; i++) {
            Map<String, String> properties = random.properties();
            String ours = MessageProperties.format(properties);
            assertThat(ours).isEqualTo(MessageDecoder.messageProperties2String(properties));
            assertThat(MessageProperties.parse(ours)).containsExactlyEntriesOf(properties);
            assertThat(MessageDecoder.string2messageProperties(ours)).isEqualTo(properties);
        }
    }

    @Test
    void keepsInsertionOrderAndSkipsNullValues() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("Z", "1");
        properties.put("A", null);
        properties.put("M", "2\u00013");
        assertThat(MessageProperties.format(properties)).isEqualTo("Z\u00011\u0002M\u00012\u00013");
        assertThat(MessageProperties.parse("Z\u00011\u0002M\u00012\u00013").keySet()).containsExactly("Z", "M");
        assertThat(MessageProperties.parse("M\u00012\u0002Z\u00011\u0002M\u00019")).containsExactly(
                Map.entry("M", "9"), Map.entry("Z", "1"));
    }

    @Test
    void toleratesEmptyAndTrailingSeparators() {
        assertThat(MessageProperties.parse(null)).isEmpty();
        assertThat(MessageProperties.parse("")).isEmpty();
        assertThat(MessageProperties.parse("\u0002\u0002K\u0001v\u0002\u0002")).containsExactly(Map.entry("K", "v"));
        assertThat(MessageProperties.parse("K\u0001\u0002\u0001v\u0002KV")).isEmpty();
        assertThat(MessageProperties.format(null)).isEmpty();
        assertThat(MessageProperties.format(Map.of())).isEmpty();
    }

    @Test
    void refusesSeparatorsThatWouldCorruptNeighbours() {
        assertThatThrownBy(() -> MessageProperties.format(Map.of("a\u0002b", "v")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("separator");
        assertThatThrownBy(() -> MessageProperties.format(Map.of("a\u0001b", "v")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageProperties.format(Map.of("k", "v\u0002w")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void concatenatesBatchAndItemProperties() {
        assertThat(MessageProperties.concat("A\u00011", "WAIT\u0001true")).isEqualTo("A\u00011\u0002WAIT\u0001true");
        assertThat(MessageProperties.concat("A\u00011\u0002", "B\u00012")).isEqualTo("A\u00011\u0002B\u00012");
        assertThat(MessageProperties.concat("", "B\u00012")).isEqualTo("B\u00012");
        assertThat(MessageProperties.concat(null, null)).isEmpty();
        assertThat(MessageProperties.concat("A\u00011", "")).isEqualTo("A\u00011");
    }

    @Test
    void wellKnownKeysAreSpelledAsRocketmq() {
        assertThat(MessagePropertyKeys.KEYS).isEqualTo(org.apache.rocketmq.common.message.MessageConst.PROPERTY_KEYS);
        assertThat(MessagePropertyKeys.UNIQ_KEY)
                .isEqualTo(org.apache.rocketmq.common.message.MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        assertThat(MessagePropertyKeys.RETRY_TOPIC)
                .isEqualTo(org.apache.rocketmq.common.message.MessageConst.PROPERTY_RETRY_TOPIC);
        assertThat(MessagePropertyKeys.REAL_QID)
                .isEqualTo(org.apache.rocketmq.common.message.MessageConst.PROPERTY_REAL_QUEUE_ID);
        assertThat(MessagePropertyKeys.TRAN_MSG)
                .isEqualTo(org.apache.rocketmq.common.message.MessageConst.PROPERTY_TRANSACTION_PREPARED);
        assertThat(MessagePropertyKeys.MAX_RECONSUME_TIMES)
                .isEqualTo(org.apache.rocketmq.common.message.MessageConst.PROPERTY_MAX_RECONSUME_TIMES);
        assertThat(MessagePropertyKeys.INNER_MULTI_QUEUE_OFFSET)
                .isEqualTo(org.apache.rocketmq.common.message.MessageConst.PROPERTY_INNER_MULTI_QUEUE_OFFSET);
        assertThat(MessageProperties.NAME_VALUE_SEPARATOR).isEqualTo(MessageDecoder.NAME_VALUE_SEPARATOR);
        assertThat(MessageProperties.PROPERTY_SEPARATOR).isEqualTo(MessageDecoder.PROPERTY_SEPARATOR);
    }

    @Test
    void tagHashCodeIsStringHashCodeOfTags() {
        assertThat(TagHashCode.of((String) null)).isZero();
        assertThat(TagHashCode.of("")).isZero();
        assertThat(TagHashCode.of("TagA")).isEqualTo(2598919L).isEqualTo((long) "TagA".hashCode());
        assertThat(TagHashCode.of("negative-hash-tag")).isEqualTo((long) "negative-hash-tag".hashCode()).isNegative();
        assertThat(TagHashCode.of(Map.of("TAGS", "TagA"))).isEqualTo(2598919L);
        assertThat(TagHashCode.of(Map.of("KEYS", "k"))).isZero();
    }
}
