package io.karrier.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.junit.jupiter.api.Test;

/** UNIQ_KEY values in the client's format, read back with RocketMQ's MessageClientIDSetter. */
class UniqueKeyGeneratorTest {

    private static final byte[] IP = {10, 1, 2, 3};

    @Test
    void rocketmqReadsIpPidAndTimeBack() {
        Clock clock = Clock.systemDefaultZone();
        UniqueKeyGenerator generator = new UniqueKeyGenerator(IP, 4321, 99, clock);

        String key = generator.next();

        assertThat(key).hasSize(32).matches("[0-9A-F]+");
        assertThat(MessageClientIDSetter.getIPStrFromID(key)).isEqualTo("10.1.2.3");
        assertThat(MessageClientIDSetter.getPidFromID(key)).isEqualTo(4321);
        long approximate = MessageClientIDSetter.getNearlyTimeFromID(key).getTime();
        assertThat(approximate).isBetween(clock.millis() - 5_000, clock.millis() + 1);
    }

    @Test
    void layoutOfTimeAndCounter() {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Instant now = ZonedDateTime.of(2024, 3, 2, 0, 0, 1, 0, zone).toInstant();
        UniqueKeyGenerator generator = new UniqueKeyGenerator(IP, 0x1_0005, 0xCAFEBABE, Clock.fixed(now, zone));

        String first = generator.next();
        String second = generator.next();

        // ip, pid (low 16 bits), instance, ms since 2024-03-01T00:00 in the zone (1 day + 1 s), counter
        assertThat(first).isEqualTo("0A010203" + "0005" + "CAFEBABE" + "05265FE8" + "0000");
        assertThat(second).endsWith("0001");
    }

    @Test
    void ipv6KeysAre56Characters() {
        byte[] ip = new byte[16];
        ip[0] = 0x20;
        assertThat(new UniqueKeyGenerator(ip, 1, 1, Clock.systemUTC()).next()).hasSize(56);
    }

    @Test
    void keysAreUniqueAcrossThreads() throws Exception {
        UniqueKeyGenerator generator = UniqueKeyGenerator.forThisProcess(IP);
        Set<String> keys = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    keys.add(generator.next());
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(keys).hasSize(40_000);
    }

    @Test
    void monthRollsOver() {
        ZoneId zone = ZoneId.of("UTC");
        MutableClock clock = new MutableClock(ZonedDateTime.of(2024, 1, 31, 23, 59, 59, 0, zone).toInstant(), zone);
        UniqueKeyGenerator generator = new UniqueKeyGenerator(IP, 1, 1, clock);
        Set<String> times = new HashSet<>();
        times.add(generator.next().substring(20, 28));
        clock.now = clock.now.plusSeconds(2); // 2024-02-01T00:00:01
        String next = generator.next();
        assertThat(next.substring(20, 28)).isEqualTo("000003E8"); // 1000 ms into February
        assertThat(times).doesNotContain("000003E8");
    }

    private static final class MutableClock extends Clock {
        private Instant now;
        private final ZoneId zone;

        MutableClock(Instant now, ZoneId zone) {
            this.now = now;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new MutableClock(now, other);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
