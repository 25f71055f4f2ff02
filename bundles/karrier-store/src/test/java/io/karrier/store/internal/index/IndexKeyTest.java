package io.karrier.store.internal.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cross-checks key naming, hash, slot math and byte positions against RocketMQ's documented ones. */
class IndexKeyTest {

    @TempDir
    Path dir;

    /** RocketMQ 4.9's IndexFile.indexKeyHashMethod, as documented (REMOTING.md §7.3). */
    private static int rocketMqHash(String key) {
        int keyHash = key.hashCode();
        int keyHashPositive = Math.abs(keyHash);
        if (keyHashPositive < 0) {
            keyHashPositive = 0;
        }
        return keyHashPositive;
    }

    @Test
    void keyIsTopicHashKey() {
        assertThat(IndexKey.of("TopicTest", "ORDER-1")).isEqualTo("TopicTest#ORDER-1");
    }

    @Test
    void hashAndSlotEqualRocketMqs() {
        // values worked out by hand from String.hashCode's polynomial: 97*31^2 + 35*31 + 98
        assertThat(IndexKey.hash("a#b")).isEqualTo(94_400);
        assertThat(IndexKey.slot(94_400, 7)).isEqualTo(5);
        // a negative String.hashCode: -1111209712
        assertThat(IndexKey.hash("TopicTest#ORDER-1")).isEqualTo(1_111_209_712);
        assertThat(IndexKey.slot(1_111_209_712, 5_000_000)).isEqualTo(1_209_712);
        // String.hashCode() == Integer.MIN_VALUE: Math.abs overflows, RocketMQ stores 0
        assertThat("polygenelubricants".hashCode()).isEqualTo(Integer.MIN_VALUE);
        assertThat(IndexKey.hash("polygenelubricants")).isZero();
        for (int i = 0; i < 10_000; i++) {
            String key = "Topic" + (i % 7) + "#key-" + i * 7919;
            assertThat(IndexKey.hash(key)).isEqualTo(rocketMqHash(key));
            assertThat(IndexKey.slot(IndexKey.hash(key), 4_999)).isEqualTo(rocketMqHash(key) % 4_999);
        }
    }

    @Test
    void bytesSitWhereRocketMqPutsThem() throws Exception {
        int slots = 7;
        int max = 4;
        Path path = dir.resolve("f");
        try (IndexFile file = IndexFile.open(path, slots, max)) {
            file.put("a#b", 1234, 1_000_000);
            file.put("x#y", 5678, 1_003_500);
            file.flush();
        }
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(path));
        assertThat(bytes.capacity()).isEqualTo(40 + slots * 4 + max * 20);
        // header
        assertThat(bytes.getLong(0)).isEqualTo(1_000_000);
        assertThat(bytes.getLong(8)).isEqualTo(1_003_500);
        assertThat(bytes.getLong(16)).isEqualTo(1234);
        assertThat(bytes.getLong(24)).isEqualTo(5678);
        assertThat(bytes.getInt(32)).as("used slots").isEqualTo(2);
        assertThat(bytes.getInt(36)).as("next index").isEqualTo(3);
        // slot of "a#b" holds entry 1, whose bytes start at 40 + slots * 4 + 1 * 20
        assertThat(bytes.getInt(40 + 5 * 4)).isEqualTo(1);
        int entry1 = 40 + slots * 4 + 20;
        assertThat(bytes.getInt(entry1)).isEqualTo(94_400);
        assertThat(bytes.getLong(entry1 + 4)).isEqualTo(1234);
        assertThat(bytes.getInt(entry1 + 12)).isZero();
        assertThat(bytes.getInt(entry1 + 16)).isZero();
        int hashXy = rocketMqHash("x#y");
        assertThat(bytes.getInt(40 + (hashXy % slots) * 4)).isEqualTo(2);
        assertThat(bytes.getInt(entry1 + 20)).isEqualTo(hashXy);
        assertThat(bytes.getInt(entry1 + 20 + 12)).as("whole seconds after begin").isEqualTo(3);
    }
}
