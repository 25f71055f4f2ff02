package io.karrier.benchmarks.load;

import java.time.Duration;

import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.common.protocol.route.BrokerData;

/**
 * Creates a topic on every master the name server knows, as {@code mqadmin updateTopic -c} does,
 * through the client API a started producer already holds.
 */
final class TopicAdmin {

    private static final long TIMEOUT_MILLIS = 5_000;
    private static final Duration ROUTE_TIMEOUT = Duration.ofSeconds(15);

    private TopicAdmin() {
    }

    static void create(DefaultMQProducer producer, String topic, int queues) throws Exception {
        MQClientAPIImpl api = producer.getDefaultMQProducerImpl().getMqClientFactory().getMQClientAPIImpl();
        ClusterInfo cluster = api.getBrokerClusterInfo(TIMEOUT_MILLIS);
        TopicConfig config = new TopicConfig(topic, queues, queues, PermName.PERM_READ | PermName.PERM_WRITE);
        int created = 0;
        for (BrokerData broker : cluster.getBrokerAddrTable().values()) {
            String master = broker.getBrokerAddrs().get(MixAll.MASTER_ID);
            if (master != null) {
                api.createTopic(master, producer.getCreateTopicKey(), config, TIMEOUT_MILLIS);
                created++;
            }
        }
        if (created == 0) {
            throw new IllegalStateException("the name server knows no master broker to create " + topic + " on");
        }
        long deadline = System.nanoTime() + ROUTE_TIMEOUT.toNanos();
        while (true) {
            try {
                if (!producer.fetchPublishMessageQueues(topic).isEmpty()) {
                    return;
                }
            } catch (MQClientException notYetRouted) {
                // until the brokers have registered the topic with the name server
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + topic + " created but not routed within " + ROUTE_TIMEOUT);
            }
            Thread.sleep(100);
        }
    }
}
