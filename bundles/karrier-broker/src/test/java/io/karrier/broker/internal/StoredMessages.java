package io.karrier.broker.internal;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.karrier.api.store.AppendRequest;
import io.karrier.api.store.AppendResult;
import io.karrier.api.store.AppendStatus;
import io.karrier.protocol.body.TopicConfig;
import io.karrier.protocol.body.TopicFilterType;
import io.karrier.protocol.message.MessageProperties;
import io.karrier.protocol.message.MessagePropertyKeys;

/** Puts messages straight into a test bed's store and waits until pulls can read them. */
public final class StoredMessages {

    private final BrokerTestBed bed;

    public StoredMessages(BrokerTestBed bed) {
        this.bed = bed;
    }

    /** Creates a read-write topic. */
    public void createTopic(String topic, int queues) throws Exception {
        bed.broker.topics().createOrUpdate(new TopicConfig(topic, queues, queues, 6, TopicFilterType.SINGLE_TAG, 0,
                false));
    }

    /**
     * Appends one message and waits until it is readable.
     *
     * @param tags the TAGS property, or null
     * @param keys the KEYS property, or null
     * @param uniqueKey the UNIQ_KEY property, or null
     * @return the append's result
     */
    public AppendResult put(String topic, int queueId, String tags, String keys, String uniqueKey, String body)
            throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        if (tags != null) {
            properties.put(MessagePropertyKeys.TAGS, tags);
        }
        if (keys != null) {
            properties.put(MessagePropertyKeys.KEYS, keys);
        }
        if (uniqueKey != null) {
            properties.put(MessagePropertyKeys.UNIQ_KEY, uniqueKey);
        }
        long before = bed.store.maxOffset(topic, queueId);
        InetSocketAddress storeHost = new InetSocketAddress("127.0.0.1", bed.server.localAddress().getPort());
        AppendResult result = bed.store.append(new AppendRequest(topic, queueId, 0,
                ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), MessageProperties.format(properties), 0,
                System.currentTimeMillis(), new InetSocketAddress("127.0.0.1", 40000), storeHost, 0, 0))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        if (result.status() != AppendStatus.PUT_OK) {
            throw new IllegalStateException("append failed: " + result);
        }
        awaitReadable(topic, queueId, before + 1);
        return result;
    }

    /** Appends messages without tags or keys. */
    public void put(String topic, int queueId, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            put(topic, queueId, null, null, null, "message " + i);
        }
    }

    private void awaitReadable(String topic, int queueId, long maxOffset) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (bed.store.maxOffset(topic, queueId) < maxOffset) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("message not dispatched within 5 s");
            }
            Thread.sleep(1);
        }
    }
}
