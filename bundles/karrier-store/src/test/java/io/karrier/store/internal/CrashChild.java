package io.karrier.store.internal;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;

import io.karrier.api.store.AppendRequest;
import io.karrier.api.store.AppendResult;
import io.karrier.api.store.AppendStatus;
import io.karrier.api.store.MessageStore;
import io.karrier.store.internal.crash.CrashPayload;
import io.karrier.store.internal.crash.RealFlushStrategies;

/**
 * The child JVM of the crash test: opens (recovering) the store in a directory under a real flush
 * strategy and appends until it is killed, one thread per queue, each keeping up to
 * {@value #IN_FLIGHT} appends in flight and now and then appending a batch.
 *
 * <p>Writes to stdout, each line with one {@code write} to the pipe (atomic, so a kill never leaves
 * half a line): {@code READY} once the store is open; {@code A seq commitLogOffset queueId queueOffset}
 * for every record as soon as its append completes PUT_OK; {@code F seq status detail} for an append
 * that completes otherwise. Logs go to stderr. Arguments: directory, mode ({@code sync} or
 * {@code async}), session number, seed. Test-only.
 */
public final class CrashChild {

    static final int IN_FLIGHT = 16;

    private static final FileOutputStream OUT = new FileOutputStream(FileDescriptor.out);

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        String mode = args[1];
        long session = Long.parseLong(args[2]);
        long seed = Long.parseLong(args[3]);
        MessageStore store = CrashStores.open(root, RealFlushStrategies.of(mode)).store();
        emit("READY\n");
        List<Thread> writers = new ArrayList<>();
        for (int queue = 0; queue < CrashPayload.QUEUES; queue++) {
            int q = queue;
            Thread writer = new Thread(() -> write(store, session, q, new SplittableRandom(seed + q)), "crash-writer-" + q);
            writers.add(writer);
            writer.start();
        }
        for (Thread writer : writers) {
            writer.join(); // never returns: the parent kills this JVM
        }
    }

    private static void write(MessageStore store, long session, int queue, SplittableRandom random) {
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        long index = 0;
        try {
            while (true) {
                int count = random.nextInt(8) == 0 ? 2 + random.nextInt(3) : 1;
                List<AppendRequest> batch = new ArrayList<>(count);
                long[] seqs = new long[count];
                for (int i = 0; i < count; i++) {
                    seqs[i] = CrashPayload.seq(session, queue, index++);
                    batch.add(CrashPayload.request(seqs[i]));
                }
                inFlight.acquire();
                (count == 1 ? store.append(batch.get(0)) : store.appendBatch(batch))
                        .whenComplete((result, failure) -> {
                            inFlight.release();
                            report(seqs, result, failure);
                        });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void report(long[] seqs, AppendResult result, Throwable failure) {
        StringBuilder lines = new StringBuilder();
        if (failure == null && result.status() == AppendStatus.PUT_OK) {
            for (int i = 0; i < seqs.length; i++) {
                lines.append("A ").append(seqs[i]).append(' ').append(result.commitLogOffsets()[i]).append(' ')
                        .append(CrashPayload.queueOf(seqs[i])).append(' ').append(result.queueOffset() + i).append('\n');
            }
        } else {
            String why = failure != null ? "EXCEPTION " + failure : result.status() + " " + result.detail();
            for (long seq : seqs) {
                lines.append("F ").append(seq).append(' ').append(why.replace('\n', ' ')).append('\n');
            }
        }
        emit(lines.toString());
    }

    private static synchronized void emit(String lines) {
        try {
            OUT.write(lines.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
