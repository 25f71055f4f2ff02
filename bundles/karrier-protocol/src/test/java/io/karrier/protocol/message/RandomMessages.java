package io.karrier.protocol.message;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Test-only: random message fields for the cross-check tests, reproducible from a seed. */
final class RandomMessages {

    /** Characters that exercise UTF-8: 1, 2, 3 and 4 (surrogate pair) bytes. */
    private static final String[] ALPHABET = {"a", "Z", "0", "_", "%", "|", "-", "é", "ß", "中", "文", "\uD83D\uDE80", " "};

    private final Random random;

    RandomMessages(long seed) {
        random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** A string of at most {@code maxBytes} UTF-8 bytes and at least one character. */
    String text(int maxBytes) {
        StringBuilder text = new StringBuilder();
        int target = 1 + random.nextInt(maxBytes);
        while (true) {
            String next = ALPHABET[random.nextInt(ALPHABET.length)];
            if (utf8Length(text + next) > target) {
                return text.isEmpty() ? "t" : text.toString();
            }
            text.append(next);
        }
    }

    String topic() {
        return random.nextInt(10) == 0 ? "T".repeat(127) : text(127);
    }

    Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        int count = random.nextInt(8);
        for (int i = 0; i < count; i++) {
            properties.put(text(12) + i, text(40));
        }
        if (random.nextBoolean()) {
            properties.put(MessagePropertyKeys.TAGS, text(20));
        }
        if (random.nextBoolean()) {
            properties.put(MessagePropertyKeys.KEYS, text(20) + " " + text(20));
        }
        properties.put(MessagePropertyKeys.UNIQ_KEY, "7F000001" + Long.toHexString(random.nextLong()).toUpperCase());
        return properties;
    }

    byte[] body() {
        int kind = random.nextInt(10);
        int length = kind == 0 ? 0 : kind < 8 ? random.nextInt(512) : random.nextInt(70_000);
        byte[] body = new byte[length];
        if (random.nextBoolean()) {
            random.nextBytes(body);
        } else {
            for (int i = 0; i < length; i++) {
                body[i] = (byte) ('a' + i % 7); // compressible
            }
        }
        return body;
    }

    HostAddress host(boolean ipv6) {
        byte[] ip = new byte[ipv6 ? 16 : 4];
        random.nextBytes(ip);
        ip[0] = ipv6 ? (byte) 0x20 : (byte) (1 + random.nextInt(223)); // avoid IPv4-mapped IPv6 forms
        return HostAddress.of(ip, random.nextInt(65_536));
    }

    int sysFlagWithoutHosts() {
        int[] transactions = {MessageSysFlag.TRANSACTION_NOT_TYPE, MessageSysFlag.TRANSACTION_PREPARED_TYPE,
                MessageSysFlag.TRANSACTION_COMMIT_TYPE, MessageSysFlag.TRANSACTION_ROLLBACK_TYPE};
        int flag = transactions[random.nextInt(4)];
        return random.nextBoolean() ? flag | MessageSysFlag.MULTI_TAGS : flag;
    }

    static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
