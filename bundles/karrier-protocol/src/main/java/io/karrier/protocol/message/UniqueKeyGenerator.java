package io.karrier.protocol.message;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generates {@code UNIQ_KEY} values in the 4.x client's format (REMOTING.md §6.4), for the rare case
 * the broker or Karrier's client must create one. Upper-case hex of:
 *
 * <pre>
 * ip        4 or 16 bytes   the generating host
 * pid       int16           low 16 bits of the process id
 * instance  int32           tells generators in one process apart (the client uses a class-loader hash)
 * time      int32           ms since the start of the current month, in the clock's zone
 * counter   int16           increments per key, wraps
 * </pre>
 *
 * <p>32 characters for IPv4, 56 for IPv6. RocketMQ tools read the ip and the approximate time back
 * from a key; the broker never parses it. Thread-safe: the counter is atomic and the month window
 * is recomputed under a lock when the clock passes it. Time comes from the injected {@link Clock}.
 */
public final class UniqueKeyGenerator {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final String prefix;
    private final Clock clock;
    private final AtomicInteger counter = new AtomicInteger();
    private volatile long monthStart;
    private volatile long nextMonthStart;

    /**
     * Creates a generator.
     *
     * @param ip       the host's address, 4 or 16 bytes
     * @param pid      the process id (low 16 bits are used)
     * @param instance a value that differs between generators of one process
     * @param clock    the time source; its zone decides where months start, as the client's
     *                 default time zone does
     * @throws IllegalArgumentException when {@code ip} is neither 4 nor 16 bytes
     */
    public UniqueKeyGenerator(byte[] ip, long pid, int instance, Clock clock) {
        if (ip.length != 4 && ip.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + ip.length);
        }
        ByteBuffer fixed = ByteBuffer.allocate(ip.length + 2 + 4);
        fixed.put(ip).putShort((short) pid).putInt(instance);
        this.prefix = HEX.formatHex(fixed.array());
        this.clock = clock;
        startMonth(clock.millis());
    }

    /**
     * A generator for this process: its pid, an identity hash as instance, the system clock.
     *
     * @param ip the host's address, 4 or 16 bytes
     * @return the generator
     */
    public static UniqueKeyGenerator forThisProcess(byte[] ip) {
        return new UniqueKeyGenerator(ip, ProcessHandle.current().pid(), System.identityHashCode(new Object()),
                Clock.systemDefaultZone());
    }

    /**
     * The next key.
     *
     * @return 32 or 56 upper-case hex characters
     */
    public String next() {
        long now = clock.millis();
        if (now >= nextMonthStart) {
            startMonth(now);
        }
        int sinceMonthStart = (int) (now - monthStart);
        if (sinceMonthStart < 0 && sinceMonthStart > -1_000_000) {
            sinceMonthStart = 0; // clock stepped back a little across a month start: as the client does
        }
        ByteBuffer variable = ByteBuffer.allocate(6);
        variable.putInt(sinceMonthStart).putShort((short) counter.getAndIncrement());
        return prefix + HEX.formatHex(variable.array());
    }

    private synchronized void startMonth(long now) {
        if (now < nextMonthStart && now >= monthStart) {
            return; // another thread got here first
        }
        ZonedDateTime start = Instant.ofEpochMilli(now).atZone(clock.getZone())
                .withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
        monthStart = start.toInstant().toEpochMilli();
        nextMonthStart = start.plusMonths(1).toInstant().toEpochMilli();
    }
}
