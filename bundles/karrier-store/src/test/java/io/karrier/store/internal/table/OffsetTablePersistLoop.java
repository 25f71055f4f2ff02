package io.karrier.store.internal.table;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Test-only: the child JVM of {@link TableCrashTest}. Opens a consumer offset table, then commits
 * the next round number to every queue and persists, as fast as it can, until it is killed. Prints
 * {@code ready <n>} once open and {@code persisted <n>} after each persist has returned, so the
 * parent knows a lower bound for what must survive.
 */
final class OffsetTablePersistLoop {

    static final int QUEUES = 8;

    private OffsetTablePersistLoop() {
    }

    public static void main(String[] args) throws IOException {
        ConsumerOffsetTable table = ConsumerOffsetTable.open(Path.of(args[0]));
        long round = table.offset("t", "g", 0).orElse(0);
        System.out.println("ready " + round);
        while (true) {
            round++;
            for (int queue = 0; queue < QUEUES; queue++) {
                table.commit("t", "g", queue, round);
            }
            // Padding makes each write span several blocks, so a kill can land mid-write.
            for (int i = 0; i < 50; i++) {
                table.commit("padding-topic-" + i, "g", 0, round);
            }
            table.persist();
            System.out.println("persisted " + round);
        }
    }
}
