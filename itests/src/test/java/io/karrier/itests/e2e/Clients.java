package io.karrier.itests.e2e;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.MessageListener;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.common.protocol.header.QueryConsumerOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.heartbeat.MessageModel;
import org.apache.rocketmq.common.protocol.route.TopicRouteData;

import io.karrier.itests.process.KarrierProcess;

/**
 * Official RocketMQ 4.9.7 clients pointed at one running Karrier, configured the way the tests
 * need them to be strict and bounded: no VIP channel (Karrier serves one port), no send retries
 * (a failure must reach the test, not be hidden by a second try), a send timeout, consumers that
 * start from the first offset of the per-test topic. Everything created here is shut down by
 * {@link #close()}, newest first; use it in try-with-resources.
 */
final class Clients implements AutoCloseable {

    static final int SEND_TIMEOUT_MILLIS = 5_000;
    static final long ADMIN_TIMEOUT_MILLIS = 5_000;
    private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(15);
    private static final String DEFAULT_TOPIC = "TBW102";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final KarrierProcess karrier;
    private final Deque<Runnable> shutdowns = new ArrayDeque<>();
    private DefaultMQProducer admin;

    Clients(KarrierProcess karrier) {
        this.karrier = karrier;
    }

    /** @return a name unique in this test JVM, valid as a RocketMQ topic or group */
    static String unique(String prefix) {
        return prefix + "_" + Long.toString(System.currentTimeMillis(), 36) + "_" + SEQUENCE.incrementAndGet();
    }

    /** @return a started producer in a group of its own */
    DefaultMQProducer producer() throws MQClientException {
        DefaultMQProducer producer = new DefaultMQProducer(unique("producer"));
        configure(producer);
        producer.setSendMsgTimeout(SEND_TIMEOUT_MILLIS);
        producer.setRetryTimesWhenSendFailed(0);
        producer.setRetryTimesWhenSendAsyncFailed(0);
        producer.start();
        shutdowns.push(producer::shutdown);
        return producer;
    }

    /**
     * @return a started producer in a group of its own configured as applications run it: the
     *     client's own retries on (2 more tries after a failure it deems retriable), with
     *     {@code sendTimeoutMillis} for a send and its retries together
     */
    DefaultMQProducer retryingProducer(int sendTimeoutMillis) throws MQClientException {
        DefaultMQProducer producer = new DefaultMQProducer(unique("producer"));
        configure(producer);
        producer.setSendMsgTimeout(sendTimeoutMillis);
        producer.setRetryTimesWhenSendFailed(2);
        producer.start();
        shutdowns.push(producer::shutdown);
        return producer;
    }

    /** @return a started clustering push consumer of {@code topic} reading from its first offset */
    DefaultMQPushConsumer pushConsumer(String group, String topic, String subExpression, MessageListener listener)
            throws MQClientException {
        return pushConsumer(group, topic, subExpression, MessageModel.CLUSTERING, listener);
    }

    DefaultMQPushConsumer pushConsumer(String group, String topic, String subExpression, MessageModel model,
            MessageListener listener) throws MQClientException {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(group);
        configure(consumer);
        consumer.setMessageModel(model);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setPersistConsumerOffsetInterval(1_000);
        consumer.subscribe(topic, subExpression);
        consumer.setMessageListener(listener);
        consumer.start();
        shutdowns.push(consumer::shutdown);
        return consumer;
    }

    /** @return a lite pull consumer, configured but not started (subscribe or assign, then start) */
    DefaultLitePullConsumer litePullConsumer(String group) {
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(group);
        configure(consumer);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setAutoCommitIntervalMillis(1_000);
        consumer.setPersistConsumerOffsetInterval(1_000);
        consumer.setPollTimeoutMillis(1_000);
        shutdowns.push(consumer::shutdown);
        return consumer;
    }

    /**
     * Creates {@code topic} with {@code queues} read and write queues on the broker, as
     * {@code mqadmin updateTopic} does, and waits until the name server routes it.
     */
    void createTopic(String topic, int queues) throws Exception {
        TopicConfig config = new TopicConfig(topic, queues, queues, PermName.PERM_READ | PermName.PERM_WRITE);
        adminApi().createTopic(karrier.brokerAddress(), DEFAULT_TOPIC, config, ADMIN_TIMEOUT_MILLIS);
        awaitRoute(topic, queues);
    }

    /**
     * Waits until the name server routes {@code topic} with {@code queues} write queues: after a
     * topic is created, and after a restart (the broker registers again).
     */
    void awaitRoute(String topic, int queues) throws Exception {
        long deadline = System.nanoTime() + ROUTE_TIMEOUT.toNanos();
        while (true) {
            try {
                TopicRouteData route = adminApi().getTopicRouteInfoFromNameServer(topic, ADMIN_TIMEOUT_MILLIS);
                if (route != null && route.getQueueDatas().stream().anyMatch(data -> data.getWriteQueueNums() == queues)) {
                    return;
                }
            } catch (MQClientException notYetRouted) {
                // TOPIC_NOT_EXIST until the broker has registered the topic
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("name server does not route topic " + topic + " with " + queues + " queues within "
                        + ROUTE_TIMEOUT);
            }
            Thread.sleep(100);
        }
    }

    /** @return the queues of {@code topic} as the name server routes them */
    List<MessageQueue> queues(String topic) throws MQClientException {
        return admin().fetchPublishMessageQueues(topic);
    }

    /** @return the broker's max offset of {@code queue} (the offset the next message will get) */
    long maxOffset(MessageQueue queue) throws MQClientException {
        return admin().maxOffset(queue);
    }

    /** @return the broker's min offset of {@code queue} (its oldest message still stored) */
    long minOffset(MessageQueue queue) throws MQClientException {
        return admin().minOffset(queue);
    }

    /** @return the offset the broker holds for {@code group} on {@code queue}, or -1 if it holds none */
    long consumerOffset(String group, MessageQueue queue) throws Exception {
        QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
        header.setConsumerGroup(group);
        header.setTopic(queue.getTopic());
        header.setQueueId(queue.getQueueId());
        try {
            return adminApi().queryConsumerOffset(karrier.brokerAddress(), header, ADMIN_TIMEOUT_MILLIS);
        } catch (MQBrokerException e) {
            if (e.getResponseCode() == ResponseCode.QUERY_NOT_FOUND) {
                return -1;
            }
            throw e;
        }
    }

    /**
     * Waits until the broker holds, for every queue of {@code topic}, the offset of
     * {@code group} at the queue's end: everything was consumed and acknowledged. Clients
     * persist offsets periodically (every second as configured here), so this takes a moment.
     */
    void awaitConsumerOffsetsAtEnd(String group, String topic, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<MessageQueue, String> behind = new TreeMap<>();
            for (MessageQueue queue : queues(topic)) {
                long committed = consumerOffset(group, queue);
                long end = maxOffset(queue);
                if (committed != end) {
                    behind.put(queue, committed + " of " + end);
                }
            }
            if (behind.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("consumer offsets of " + group + " not at the end within " + timeout + ": " + behind);
            }
            Thread.sleep(200);
        }
    }

    @Override
    public void close() {
        while (!shutdowns.isEmpty()) {
            try {
                shutdowns.pop().run();
            } catch (RuntimeException e) {
                System.err.println("client shutdown failed: " + e);
            }
        }
    }

    private void configure(ClientConfig client) {
        client.setNamesrvAddr(karrier.nameServerAddress());
        client.setVipChannelEnabled(false);
        client.setInstanceName(unique("client"));
    }

    /** A producer used only for its admin calls (what DefaultMQAdminExt does through the same client API). */
    private DefaultMQProducer admin() throws MQClientException {
        if (admin == null) {
            admin = producer();
        }
        return admin;
    }

    private MQClientAPIImpl adminApi() throws MQClientException {
        return admin().getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl();
    }
}
