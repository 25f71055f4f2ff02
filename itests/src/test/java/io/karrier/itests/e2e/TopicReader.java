package io.karrier.itests.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;

/** Reads every message a topic holds, from each queue's min offset to its max, with a lite pull consumer. */
final class TopicReader {

    private TopicReader() {
    }

    static List<MessageExt> readAll(Clients clients, String topic, Duration timeout) throws Exception {
        List<MessageQueue> queues = clients.queues(topic);
        Map<Integer, Long> remaining = new HashMap<>();
        for (MessageQueue queue : queues) {
            remaining.put(queue.getQueueId(), clients.maxOffset(queue) - clients.minOffset(queue));
        }
        DefaultLitePullConsumer consumer = clients.litePullConsumer(Clients.unique("reader"));
        consumer.setAutoCommit(false);
        consumer.start();
        consumer.assign(queues);
        for (MessageQueue queue : queues) {
            consumer.seekToBegin(queue);
        }
        List<MessageExt> read = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (remaining.values().stream().anyMatch(count -> count > 0)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("could not read " + topic + " to its end within " + timeout + "; left per queue: "
                        + remaining);
            }
            for (MessageExt message : consumer.poll(500)) {
                read.add(message);
                remaining.merge(message.getQueueId(), -1L, Long::sum);
            }
        }
        consumer.shutdown();
        return read;
    }
}
