package io.karrier.itests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.heartbeat.MessageModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.karrier.itests.process.KarrierExtension;

/**
 * Acceptance tests of issue 5: consumers in one group share a topic's queues (clustering) or each
 * get every message (broadcasting), against a running Karrier.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class ConsumerGroupIT {

    private static final int QUEUES = 8;
    private static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(2);
    /**
     * A joining consumer makes the broker tell the group's members (NOTIFY_CONSUMER_IDS_CHANGED),
     * and they rebalance at once; without that notice they would only rebalance every 20 s.
     */
    private static final Duration REBALANCE_TIMEOUT = Duration.ofSeconds(15);

    @RegisterExtension
    static final KarrierExtension karrier = KarrierExtension.asyncFlush();

    @Test
    void twoConsumersSplitTheQueuesAndAThirdJoiningTakesSomeOver() throws Exception {
        try (Clients clients = new Clients(karrier.process())) {
            String topic = Clients.unique("group");
            clients.createTopic(topic, QUEUES);
            List<MessageQueue> queues = clients.queues(topic);
            DefaultMQProducer producer = clients.producer();
            String group = Clients.unique("shared");

            Map<DefaultMQPushConsumer, Received> members = new LinkedHashMap<>();
            for (int i = 0; i < 2; i++) {
                Received received = new Received();
                members.put(clients.pushConsumer(group, topic, "*", received.concurrently()), received);
            }
            Map<DefaultMQPushConsumer, Set<MessageQueue>> assignment = awaitPartition(members.keySet(), topic, queues);
            assertThat(sizes(assignment)).as("queues per consumer").containsExactly(4, 4);
            sendOnePerQueueAndAssertOwnersReceiveThem(producer, topic, queues, 0, members, assignment);
            clients.awaitConsumerOffsetsAtEnd(group, topic, Duration.ofSeconds(10));

            Received third = new Received();
            DefaultMQPushConsumer joining = clients.pushConsumer(group, topic, "*", third.concurrently());
            members.put(joining, third);
            assignment = awaitPartition(members.keySet(), topic, queues);
            assertThat(sizes(assignment)).as("queues per consumer").containsExactly(2, 3, 3);
            sendOnePerQueueAndAssertOwnersReceiveThem(producer, topic, queues, 1, members, assignment);
            assertThat(third.messages()).as("the joining consumer starts at the group's offsets, not from the start")
                    .allMatch(message -> TestMessages.sequence(message) >= QUEUES);
        }
    }

    @Test
    void broadcastingDeliversEveryMessageToEveryConsumer() throws Exception {
        try (Clients clients = new Clients(karrier.process())) {
            String topic = Clients.unique("broadcast");
            clients.createTopic(topic, 4);
            List<Message> sent = TestMessages.create(topic, 20, sequence -> "TagA");
            DefaultMQProducer producer = clients.producer();
            for (Message message : sent) {
                producer.send(message);
            }
            String group = Clients.unique("everyone");
            List<Received> receivers = List.of(new Received(), new Received());
            for (Received received : receivers) {
                clients.pushConsumer(group, topic, "*", MessageModel.BROADCASTING, received.concurrently());
            }
            for (Received received : receivers) {
                TestMessages.assertReceivedExactlyOnce(sent, received.awaitExactly(sent.size(), RECEIVE_TIMEOUT, QUIET));
            }
        }
    }

    /**
     * Sends message {@code round * queues + i} to queue i, and asserts that each arrives exactly
     * once, at the consumer the queue is assigned to.
     */
    private static void sendOnePerQueueAndAssertOwnersReceiveThem(DefaultMQProducer producer, String topic,
            List<MessageQueue> queues, int round, Map<DefaultMQPushConsumer, Received> members,
            Map<DefaultMQPushConsumer, Set<MessageQueue>> assignment) throws Exception {
        Map<DefaultMQPushConsumer, Integer> before = new LinkedHashMap<>();
        members.forEach((consumer, received) -> before.put(consumer, received.size()));
        List<Message> sent = new ArrayList<>();
        for (MessageQueue queue : queues) {
            Message message = TestMessages.create(topic, round * queues.size() + queue.getQueueId(), "TagA");
            producer.send(message, queue);
            sent.add(message);
        }
        int expectedTotal = before.values().stream().mapToInt(Integer::intValue).sum() + sent.size();
        long deadline = System.nanoTime() + RECEIVE_TIMEOUT.toNanos();
        while (members.values().stream().mapToInt(Received::size).sum() < expectedTotal
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(QUIET.toMillis());

        List<MessageExt> thisRound = new ArrayList<>();
        members.forEach((consumer, received) -> {
            List<MessageExt> mine = received.messages().subList(before.get(consumer), received.size());
            Set<Integer> owned = assignment.get(consumer).stream().map(MessageQueue::getQueueId).collect(Collectors.toSet());
            assertThat(mine).as("messages of round %s at %s, which owns queues %s", round, consumer.getInstanceName(), owned)
                    .allMatch(message -> owned.contains(message.getQueueId()));
            thisRound.addAll(mine);
        });
        TestMessages.assertReceivedExactlyOnce(sent, thisRound);
    }

    /** Waits until every consumer holds some queues, none holds a queue another does, and all are held. */
    private static Map<DefaultMQPushConsumer, Set<MessageQueue>> awaitPartition(Set<DefaultMQPushConsumer> consumers,
            String topic, List<MessageQueue> queues) throws InterruptedException {
        long deadline = System.nanoTime() + REBALANCE_TIMEOUT.toNanos();
        while (true) {
            Map<DefaultMQPushConsumer, Set<MessageQueue>> assignment = new LinkedHashMap<>();
            consumers.forEach(consumer -> assignment.put(consumer, assigned(consumer, topic)));
            List<MessageQueue> held = assignment.values().stream().flatMap(Set::stream).toList();
            boolean partition = held.size() == queues.size() && new HashSet<>(held).equals(new HashSet<>(queues))
                    && assignment.values().stream().noneMatch(Set::isEmpty);
            if (partition) {
                return assignment;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("queues not split among " + consumers.size() + " consumers within "
                        + REBALANCE_TIMEOUT + ": " + assignment.values());
            }
            Thread.sleep(100);
        }
    }

    /**
     * The queues of {@code topic} the consumer pulls from now: the client's rebalance result,
     * without queues it dropped and without its group's %RETRY% topic, which it also pulls.
     */
    private static Set<MessageQueue> assigned(DefaultMQPushConsumer consumer, String topic) {
        return consumer.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().entrySet().stream()
                .filter(entry -> entry.getKey().getTopic().equals(topic) && !entry.getValue().isDropped())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    private static List<Integer> sizes(Map<DefaultMQPushConsumer, Set<MessageQueue>> assignment) {
        return assignment.values().stream().map(Set::size).sorted().toList();
    }
}
