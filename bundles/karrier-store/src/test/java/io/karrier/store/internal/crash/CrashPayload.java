package io.karrier.store.internal.crash;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

import io.karrier.api.store.AppendRequest;
import io.karrier.protocol.message.StoredMessageView;

/**
 * The messages of the crash test, every byte derived from a sequence number so that the parent can
 * check a recovered record without having been told about it.
 *
 * <p>Sequence numbers: each writer session (one child run, or one batch of appends by the parent)
 * gets a base, a multiple of {@link #SESSION_STRIDE}; writer thread {@code q} of a session appends
 * to queue {@code q} the numbers {@code base + q, base + q + QUEUES, base + q + 2 * QUEUES, ...}
 * in that order. So in every queue the records of one session must be exactly such a run, starting
 * at {@code base + q}, with no gap: a hole in the middle is visible from the data alone.
 * Test-only.
 */
public final class CrashPayload {

    public static final String TOPIC = "CrashTopic";
    public static final int QUEUES = 4;
    public static final long SESSION_STRIDE = 1_000_000_000L;
    /** Largest body: below the 4 KiB limit the crash store is opened with. */
    static final int MAX_FILLER = 900;

    private static final InetSocketAddress PRODUCER = new InetSocketAddress("127.0.0.1", 5555);
    private static final InetSocketAddress BROKER = new InetSocketAddress("127.0.0.1", 10911);

    private CrashPayload() {
    }

    /** @return the first sequence number of {@code session} */
    public static long base(long session) {
        return session * SESSION_STRIDE;
    }

    /** @return the session a sequence number belongs to */
    public static long sessionOf(long seq) {
        return seq / SESSION_STRIDE;
    }

    /** @return the queue a sequence number is appended to */
    public static int queueOf(long seq) {
        return (int) (seq % QUEUES);
    }

    /** @return the {@code index}-th sequence number of queue {@code queue} in {@code session} */
    public static long seq(long session, int queue, long index) {
        return base(session) + queue + index * QUEUES;
    }

    /** @return the body of message {@code seq}: its number, then 0 to 900 bytes of filler from it */
    public static byte[] body(long seq) {
        SplittableRandom random = new SplittableRandom(seq);
        byte[] head = ("seq=" + seq + ";").getBytes(StandardCharsets.US_ASCII);
        byte[] body = Arrays.copyOf(head, head.length + random.nextInt(MAX_FILLER + 1));
        for (int i = head.length; i < body.length; i++) {
            body[i] = (byte) ('a' + random.nextInt(26));
        }
        return body;
    }

    /** @return the KEYS property of message {@code seq} (one key, indexed) */
    public static String key(long seq) {
        return "k" + seq;
    }

    /** @return the append request of message {@code seq} */
    public static AppendRequest request(long seq) {
        String properties = "TAGS\u0001t" + (seq % 3) + "\u0002KEYS\u0001" + key(seq) + "\u0002UNIQ_KEY\u0001U" + seq;
        return new AppendRequest(TOPIC, queueOf(seq), 0, ByteBuffer.wrap(body(seq)), properties, 0,
                1_700_000_000_000L + seq % 1_000_000, PRODUCER, BROKER, 0, 0);
    }

    /**
     * @return the sequence number a stored record claims in its body
     * @throws IllegalArgumentException when the body does not start as {@link #body} does
     */
    public static long seqOf(StoredMessageView record) {
        String head = new String(record.bodyBytes(), 0, Math.min(32, record.bodyLength()), StandardCharsets.US_ASCII);
        int end = head.indexOf(';');
        if (!head.startsWith("seq=") || end < 0) {
            throw new IllegalArgumentException("body does not start with seq=<n>; but " + head);
        }
        return Long.parseLong(head.substring(4, end));
    }

    /** @return whether {@code record} is exactly message {@code seq}: topic, queue, body and properties */
    public static boolean matches(StoredMessageView record, long seq) {
        return TOPIC.equals(record.topic()) && record.queueId() == queueOf(seq)
                && Arrays.equals(record.bodyBytes(), body(seq))
                && key(seq).equals(record.properties().get("KEYS"))
                && ("U" + seq).equals(record.properties().get("UNIQ_KEY"));
    }
}
