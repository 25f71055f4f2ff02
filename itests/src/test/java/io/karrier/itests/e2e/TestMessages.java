package io.karrier.itests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;

/**
 * Messages whose every part can be checked on arrival: a unique key, a tag, user properties (one
 * with non-ASCII text) and a body that is a function of topic and sequence number, so a consumer
 * can tell an intact record from a damaged one without knowing what was sent. Every fifth body
 * is 10 KiB of text, over the client's 4 KiB threshold, so it travels compressed.
 */
final class TestMessages {

    static final String SEQUENCE = "e2eSequence";
    static final String TEXT = "e2eText";
    private static final int COMPRESSED_BODY_BYTES = 10 * 1024;
    private static final int MAX_SMALL_BODY_BYTES = 512;

    private TestMessages() {
    }

    static List<Message> create(String topic, int count, IntFunction<String> tagOfSequence) {
        List<Message> messages = new ArrayList<>(count);
        for (int sequence = 0; sequence < count; sequence++) {
            messages.add(create(topic, sequence, tagOfSequence.apply(sequence)));
        }
        return messages;
    }

    static Message create(String topic, int sequence, String tag) {
        Message message = new Message(topic, tag, key(topic, sequence), body(topic, sequence));
        message.putUserProperty(SEQUENCE, Integer.toString(sequence));
        message.putUserProperty(TEXT, "grüße, ünïcødé & spaces " + sequence);
        return message;
    }

    static String key(String topic, int sequence) {
        return "key-" + topic + "-" + sequence;
    }

    static byte[] body(String topic, int sequence) {
        if (sequence % 5 == 0) {
            String line = "line " + sequence + " of " + topic + "\n";
            return line.repeat(COMPRESSED_BODY_BYTES / line.length() + 1).substring(0, COMPRESSED_BODY_BYTES)
                    .getBytes(StandardCharsets.UTF_8);
        }
        Random random = new Random(topic.hashCode() * 31L + sequence);
        byte[] body = new byte[1 + random.nextInt(MAX_SMALL_BODY_BYTES)];
        random.nextBytes(body);
        return body;
    }

    static int sequence(MessageExt message) {
        return Integer.parseInt(message.getUserProperty(SEQUENCE));
    }

    /** Each sent message arrived exactly once, and nothing else did. */
    static void assertReceivedExactlyOnce(List<Message> sent, Collection<MessageExt> received) {
        Map<String, List<MessageExt>> byKey = received.stream().collect(Collectors.groupingBy(MessageExt::getKeys));
        assertThat(byKey.keySet()).as("keys received")
                .containsExactlyInAnyOrderElementsOf(sent.stream().map(Message::getKeys).toList());
        for (Message message : sent) {
            List<MessageExt> copies = byKey.get(message.getKeys());
            assertThat(copies).as("copies of %s", message.getKeys()).hasSize(1);
            assertIntact(message, copies.get(0));
        }
    }

    /** Body, topic, tag, keys and user properties as sent; plus what the broker must add. */
    static void assertIntact(Message sent, MessageExt received) {
        assertThat(received.getTopic()).isEqualTo(sent.getTopic());
        assertThat(received.getTags()).as("tags of %s", sent.getKeys()).isEqualTo(sent.getTags());
        assertThat(received.getKeys()).isEqualTo(sent.getKeys());
        assertThat(received.getBody()).as("body of %s", sent.getKeys()).isEqualTo(sent.getBody());
        assertThat(received.getUserProperty(SEQUENCE)).isEqualTo(sent.getUserProperty(SEQUENCE));
        assertThat(received.getUserProperty(TEXT)).isEqualTo(sent.getUserProperty(TEXT));
        assertThat(received.getMsgId()).as("unique message id").isNotBlank();
        assertThat(received.getQueueOffset()).isGreaterThanOrEqualTo(0);
        assertThat(received.getStoreTimestamp()).isPositive();
        assertThat(received.getBornTimestamp()).isPositive();
    }

    /** The record is the one its topic and sequence number say it is (nothing torn or mixed up). */
    static void assertNotCorrupt(MessageExt received) {
        int sequence = sequence(received);
        assertThat(received.getBody()).as("body of %s #%s at queue offset %s", received.getTopic(), sequence,
                received.getQueueOffset()).isEqualTo(body(received.getTopic(), sequence));
        assertThat(received.getKeys()).isEqualTo(key(received.getTopic(), sequence));
    }
}
