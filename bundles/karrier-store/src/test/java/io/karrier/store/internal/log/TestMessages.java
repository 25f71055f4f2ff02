package io.karrier.store.internal.log;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import io.karrier.protocol.message.HostAddress;
import io.karrier.protocol.message.MessageProperties;
import io.karrier.protocol.message.StorableMessage;

/** Sealable messages with random bodies, for tests. */
final class TestMessages {

    static final HostAddress BORN = HostAddress.of(new byte[] {10, 0, 0, 7}, 51234);
    static final HostAddress STORE = HostAddress.of(new byte[] {127, 0, 0, 1}, 10911);

    private TestMessages() {
    }

    static StorableMessage message(Random random, String topic, int queueId, int maxBody) {
        byte[] body = new byte[random.nextInt(maxBody + 1)];
        random.nextBytes(body);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("TAGS", "tag" + random.nextInt(3));
        properties.put("KEYS", "k" + random.nextInt(1000));
        properties.put("UNIQ_KEY", Long.toHexString(random.nextLong()));
        return StorableMessage.builder().topic(topic).queueId(queueId).flag(random.nextInt()).body(body)
                .properties(RecordSeal.withPlaceholder(MessageProperties.format(properties)))
                .bornTimestamp(1_700_000_000_000L + random.nextInt(1000)).bornHost(BORN).storeHost(STORE)
                .build();
    }
}
