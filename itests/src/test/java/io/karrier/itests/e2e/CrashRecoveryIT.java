package io.karrier.itests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.karrier.itests.process.KarrierExtension;
import io.karrier.itests.process.KarrierProcess;

/**
 * Acceptance tests of issue 5: what survives a restart of Karrier as shipped (async flush), a
 * graceful one and a SIGKILL. Both tests restart the one Karrier of the class; each leaves it
 * running for the next.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class CrashRecoveryIT {

    private static final int QUEUES = 4;
    private static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(2);

    @RegisterExtension
    static final KarrierExtension karrier = KarrierExtension.asyncFlush();

    @Test
    void consumerOffsetsSurviveABrokerRestart() throws Exception {
        KarrierProcess process = karrier.process();
        try (Clients clients = new Clients(process)) {
            String topic = Clients.unique("offsets");
            clients.createTopic(topic, QUEUES);
            DefaultMQProducer producer = clients.producer();
            List<Message> before = TestMessages.create(topic, 20, sequence -> "TagA");
            for (Message message : before) {
                producer.send(message);
            }
            String group = Clients.unique("durable");
            Received first = new Received();
            DefaultMQPushConsumer consumer = clients.pushConsumer(group, topic, "*", first.concurrently());
            TestMessages.assertReceivedExactlyOnce(before, first.awaitExactly(before.size(), RECEIVE_TIMEOUT, QUIET));
            clients.awaitConsumerOffsetsAtEnd(group, topic, Duration.ofSeconds(10));
            consumer.shutdown();
            Map<MessageQueue, Long> committed = new HashMap<>();
            for (MessageQueue queue : clients.queues(topic)) {
                committed.put(queue, clients.consumerOffset(group, queue));
            }

            process.restart();
            clients.awaitRoute(topic, QUEUES);
            for (Map.Entry<MessageQueue, Long> entry : committed.entrySet()) {
                assertThat(clients.consumerOffset(group, entry.getKey())).as("offset of %s after the restart", entry.getKey())
                        .isEqualTo(entry.getValue());
            }

            List<Message> after = TestMessages.create(topic, 30, sequence -> "TagA").subList(20, 30);
            for (Message message : after) {
                producer.send(message);
            }
            Received second = new Received();
            clients.pushConsumer(group, topic, "*", second.concurrently());
            TestMessages.assertReceivedExactlyOnce(after, second.awaitExactly(after.size(), RECEIVE_TIMEOUT, QUIET));
        }
    }

    @Test
    void afterSigkillWithAsyncFlushTheRestartedBrokerServesNoCorruptRecord() throws Exception {
        KarrierProcess process = karrier.process();
        try (Clients clients = new Clients(process)) {
            String topic = Clients.unique("crash_async");
            clients.createTopic(topic, QUEUES);
            Set<Integer> acknowledged = KillUnderLoad.sendAndKill(clients.producer(), process, topic, 500);

            process.start();
            assertThat(process.logSinceStart()).anyMatch(line -> line.contains("Store recovered"));
            clients.awaitRoute(topic, QUEUES);
            KillUnderLoad.assertServedIntactAndComplete(TopicReader.readAll(clients, topic, RECEIVE_TIMEOUT), acknowledged);
        }
    }
}
