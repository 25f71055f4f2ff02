package io.karrier.itests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.karrier.itests.process.KarrierExtension;

/**
 * Acceptance tests of issue 5: the official 4.9.7 client sends in every mode and consumes in
 * every way against a running Karrier. One Karrier serves the whole class; each test has its own
 * topic and groups, so the tests do not see each other's messages.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class MessagingIT {

    private static final int QUEUES = 4;
    private static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(30);
    /** Long enough for a duplicate or a filtered-out message to show up if the broker sent one. */
    private static final Duration QUIET = Duration.ofSeconds(2);

    @RegisterExtension
    static final KarrierExtension karrier = KarrierExtension.asyncFlush();

    @Test
    void syncSendsArriveExactlyOnceIntact() throws Exception {
        try (Clients clients = new Clients(karrier.process())) {
            String topic = newTopic(clients);
            List<Message> sent = TestMessages.create(topic, 40, sequence -> "TagA");
            DefaultMQProducer producer = clients.producer();
            Set<String> offsetIds = new HashSet<>();
            for (Message message : sent) {
                SendResult result = producer.send(message);
                assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                assertThat(result.getMsgId()).isNotBlank();
                assertThat(result.getMessageQueue().getTopic()).isEqualTo(topic);
                assertThat(result.getQueueOffset()).isGreaterThanOrEqualTo(0);
                offsetIds.add(result.getOffsetMsgId());
            }
            assertThat(offsetIds).as("distinct offset message ids (commit-log offsets)").hasSize(sent.size());

            assertPushConsumerReceivesExactlyOnce(clients, topic, sent);
        }
    }

    @Test
    void asyncSendsAreAcknowledgedAndArriveExactlyOnceIntact() throws Exception {
        try (Clients clients = new Clients(karrier.process())) {
            String topic = newTopic(clients);
            List<Message> sent = TestMessages.create(topic, 40, sequence -> "TagA");
            DefaultMQProducer producer = clients.producer();
            CountDownLatch acknowledged = new CountDownLatch(sent.size());
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            Queue<SendStatus> statuses = new ConcurrentLinkedQueue<>();
            for (Message message : sent) {
                producer.send(message, new SendCallback() {
                    @Override
                    public void onSuccess(SendResult result) {
                        statuses.add(result.getSendStatus());
                        acknowledged.countDown();
                    }

                    @Override
                    public void onException(Throwable failure) {
                        failures.add(failure);
                        acknowledged.countDown();
                    }
                });
            }
            assertThat(acknowledged.await(RECEIVE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("all callbacks called").isTrue();
            assertThat(failures).as("async send failures").isEmpty();
            assertThat(statuses).hasSize(sent.size()).containsOnly(SendStatus.SEND_OK);

            assertPushConsumerReceivesExactlyOnce(clients, topic, sent);
        }
    }

    @Test
    void onewaySendsArriveExactlyOnceIntact() throws Exception {
        try (Clients clients = new Clients(karrier.process())) {
            String topic = newTopic(clients);
            List<Message> sent = TestMessages.create(topic, 20, sequence -> "TagA");
            DefaultMQProducer producer = clients.producer();
            for (Message message : sent) {
                producer.sendOneway(message);
            }
            assertPushConsumerReceivesExactlyOnce(clients, topic, sent);
        }
    }

    @Test
    void aBatchIsStoredAsSeparateMessagesThatArriveExactlyOnceIntact() throws Exception {
        try (Clients clients = new Clients(karrier.process())) {
            String topic = newTopic(clients);
            List<Message> sent = TestMessages.create(topic, 64, sequence -> sequence % 2 == 0 ? "TagA" : "TagB");
            DefaultMQProducer producer = clients.producer();
            SendResult result = producer.send(sent);
            assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            assertThat(result.getMsgId().split(",")).as("one id per message of the batch").hasSize(sent.size());

            assertPushConsumerReceivesExactlyOnce(clients, topic, sent);
        }
    }

    @Test
    void aLitePullConsumerReadsEveryMessageAndCommitsItsOffsets() throws Exception {
        try (Clients clients = new Clients(karrier.process())) {
            String topic = newTopic(clients);
            List<Message> sent = TestMessages.create(topic, 40, sequence -> "TagA");
            DefaultMQProducer producer = clients.producer();
            for (Message message : sent) {
                producer.send(message);
            }
            String group = Clients.unique("lite");
            DefaultLitePullConsumer consumer = clients.litePullConsumer(group);
            consumer.subscribe(topic, "*");
            consumer.start();
            Received received = new Received();
            long deadline = System.nanoTime() + RECEIVE_TIMEOUT.toNanos();
            while (received.size() < sent.size() && System.nanoTime() < deadline) {
                received.addAll(consumer.poll(500));
            }
            received.addAll(consumer.poll(QUIET.toMillis()));
            TestMessages.assertReceivedExactlyOnce(sent, received.messages());

            consumer.commitSync();
            clients.awaitConsumerOffsetsAtEnd(group, topic, Duration.ofSeconds(10));
        }
    }

    @Test
    void orderedMessagesKeepTheirOrderPerKey() throws Exception {
        int orderKeys = 8;
        int perKey = 25;
        try (Clients clients = new Clients(karrier.process())) {
            String topic = newTopic(clients);
            DefaultMQProducer producer = clients.producer();
            // interleaved across keys, so only the queue choice keeps a key's messages in order
            for (int sequence = 0; sequence < perKey; sequence++) {
                for (int key = 0; key < orderKeys; key++) {
                    Message message = TestMessages.create(topic, key * perKey + sequence, "TagA");
                    message.putUserProperty("orderKey", Integer.toString(key));
                    SendResult result = producer.send(message,
                            (queues, msg, arg) -> queues.get((Integer) arg % queues.size()), key);
                    assertThat(result.getMessageQueue().getQueueId()).isEqualTo(key % QUEUES);
                }
            }

            Received received = new Received();
            clients.pushConsumer(Clients.unique("orderly"), topic, "*", received.orderly());
            List<MessageExt> all = received.awaitExactly(orderKeys * perKey, RECEIVE_TIMEOUT, QUIET);

            Map<String, List<Integer>> sequencesByKey = all.stream().collect(Collectors.groupingBy(
                    message -> message.getUserProperty("orderKey"),
                    Collectors.mapping(message -> TestMessages.sequence(message) % perKey, Collectors.toList())));
            assertThat(sequencesByKey).hasSize(orderKeys);
            List<Integer> inOrder = IntStream.range(0, perKey).boxed().toList();
            sequencesByKey.forEach((key, sequences) ->
                    assertThat(sequences).as("order of key %s", key).isEqualTo(inOrder));
        }
    }

    @Test
    void aTagExpressionDeliversOnlyTheMatchingTags() throws Exception {
        try (Clients clients = new Clients(karrier.process())) {
            String topic = newTopic(clients);
            String[] tags = {"TagA", "TagB", "TagC"};
            List<Message> sent = TestMessages.create(topic, 30, sequence -> tags[sequence % tags.length]);
            DefaultMQProducer producer = clients.producer();
            for (Message message : sent) {
                producer.send(message);
            }
            List<Message> wanted = sent.stream().filter(message -> !"TagB".equals(message.getTags())).toList();

            Received received = new Received();
            clients.pushConsumer(Clients.unique("tags"), topic, "TagA || TagC", received.concurrently());
            TestMessages.assertReceivedExactlyOnce(wanted, received.awaitExactly(wanted.size(), RECEIVE_TIMEOUT, QUIET));
        }
    }

    @Test
    void aMessageIsFoundByKeyAndViewedById() throws Exception {
        try (Clients clients = new Clients(karrier.process())) {
            String topic = newTopic(clients);
            DefaultMQProducer producer = clients.producer();
            long begin = System.currentTimeMillis() - 60_000;
            Map<Message, SendResult> results = new HashMap<>();
            for (Message message : TestMessages.create(topic, 5, sequence -> "TagA")) {
                results.put(message, producer.send(message));
            }
            long end = System.currentTimeMillis() + 60_000;

            for (Map.Entry<Message, SendResult> entry : results.entrySet()) {
                Message sent = entry.getKey();
                List<MessageExt> found = queryByKey(producer, topic, sent.getKeys(), begin, end);
                assertThat(found).as("messages with key %s", sent.getKeys()).hasSize(1);
                TestMessages.assertIntact(sent, found.get(0));

                TestMessages.assertIntact(sent, producer.viewMessage(entry.getValue().getOffsetMsgId()));
                // by the client's unique id: the key index again, under the unique-key property
                TestMessages.assertIntact(sent, producer.viewMessage(topic, entry.getValue().getMsgId()));
            }
            assertThatThrownBy(() -> producer.queryMessage(topic, "no-such-key", 32, begin, end))
                    .isInstanceOfSatisfying(MQClientException.class, notFound ->
                            assertThat(notFound.getResponseCode()).isEqualTo(ResponseCode.NO_MESSAGE));
        }
    }

    @Test
    void aMessageOverTheBrokersMaximumSizeIsRefusedWithAnError() throws Exception {
        try (Clients clients = new Clients(karrier.process())) {
            String topic = newTopic(clients);
            DefaultMQProducer producer = clients.producer();
            // let the message through the client's own checks, so that the broker has to refuse it
            producer.setMaxMessageSize(16 * 1024 * 1024);
            producer.setCompressMsgBodyOverHowmuch(Integer.MAX_VALUE);
            byte[] body = new byte[4 * 1024 * 1024 + 1024];
            new Random(1).nextBytes(body);
            Message oversize = new Message(topic, "TagA", "oversize", body);

            assertTimeoutPreemptively(Duration.ofSeconds(Clients.SEND_TIMEOUT_MILLIS / 1000 + 5), () ->
                    assertThatThrownBy(() -> producer.send(oversize))
                            .isInstanceOfSatisfying(MQBrokerException.class, refused ->
                                    assertThat(refused.getResponseCode()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL)));

            Message normal = TestMessages.create(topic, 0, "TagA");
            assertThat(producer.send(normal).getSendStatus()).as("the broker serves on after the refusal")
                    .isEqualTo(SendStatus.SEND_OK);
            Received received = new Received();
            clients.pushConsumer(Clients.unique("after-oversize"), topic, "*", received.concurrently());
            TestMessages.assertReceivedExactlyOnce(List.of(normal), received.awaitExactly(1, RECEIVE_TIMEOUT, QUIET));
        }
    }

    private static String newTopic(Clients clients) throws Exception {
        String topic = Clients.unique("messaging");
        clients.createTopic(topic, QUEUES);
        return topic;
    }

    private static void assertPushConsumerReceivesExactlyOnce(Clients clients, String topic, List<Message> sent)
            throws Exception {
        Received received = new Received();
        clients.pushConsumer(Clients.unique("push"), topic, "*", received.concurrently());
        TestMessages.assertReceivedExactlyOnce(sent, received.awaitExactly(sent.size(), RECEIVE_TIMEOUT, QUIET));
    }

    /** Keys are indexed behind the append: retry for a while until the index has caught up. */
    private static List<MessageExt> queryByKey(DefaultMQProducer producer, String topic, String key, long begin,
            long end) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return producer.queryMessage(topic, key, 32, begin, end).getMessageList();
            } catch (MQClientException notFound) {
                if (notFound.getResponseCode() != ResponseCode.NO_MESSAGE || System.nanoTime() > deadline) {
                    throw notFound;
                }
            }
            Thread.sleep(200);
        }
    }
}
