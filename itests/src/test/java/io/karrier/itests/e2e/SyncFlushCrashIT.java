package io.karrier.itests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.karrier.itests.process.KarrierExtension;
import io.karrier.itests.process.KarrierProcess;

/**
 * Acceptance test of issue 5: with {@code karrier-flush-sync} installed, every acknowledged
 * message has been forced to disk, so none is lost when the JVM is killed in the middle of
 * traffic, and the restart serves no damaged record.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class SyncFlushCrashIT {

    private static final int QUEUES = 4;

    @RegisterExtension
    static final KarrierExtension karrier = KarrierExtension.syncFlush();

    @Test
    void noAcknowledgedMessageIsLostToSigkill() throws Exception {
        KarrierProcess process = karrier.process();
        try (Clients clients = new Clients(process)) {
            String topic = Clients.unique("crash_sync");
            clients.createTopic(topic, QUEUES);
            Set<Integer> acknowledged = KillUnderLoad.sendAndKill(clients.producer(), process, topic, 500);

            process.start();
            process.awaitLogSinceStart(KarrierProcess.FLUSH_NOW_SYNC, Duration.ofSeconds(30));
            assertThat(process.logSinceStart()).anyMatch(line -> line.contains("Store recovered"));
            clients.awaitRoute(topic, QUEUES);
            KillUnderLoad.assertServedIntactAndComplete(
                    TopicReader.readAll(clients, topic, Duration.ofSeconds(30)), acknowledged);
        }
    }
}
