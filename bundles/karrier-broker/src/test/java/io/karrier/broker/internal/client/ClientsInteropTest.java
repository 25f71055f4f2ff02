package io.karrier.broker.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.ClientRemotingProcessor;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.body.ConsumerConnection;
import org.apache.rocketmq.common.protocol.body.LockBatchRequestBody;
import org.apache.rocketmq.common.protocol.body.ProducerConnection;
import org.apache.rocketmq.common.protocol.body.SubscriptionGroupWrapper;
import org.apache.rocketmq.common.protocol.body.UnlockBatchRequestBody;
import org.apache.rocketmq.common.protocol.heartbeat.ConsumeType;
import org.apache.rocketmq.common.protocol.heartbeat.ConsumerData;
import org.apache.rocketmq.common.protocol.heartbeat.HeartbeatData;
import org.apache.rocketmq.common.protocol.heartbeat.MessageModel;
import org.apache.rocketmq.common.protocol.heartbeat.ProducerData;
import org.apache.rocketmq.common.protocol.heartbeat.SubscriptionData;
import org.apache.rocketmq.common.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRequestProcessor;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.broker.internal.BrokerTestBed;
import io.netty.channel.ChannelHandlerContext;

/** Heartbeats, consumer lists, notifications, locks and admin calls from the official 4.9.7 client classes. */
class ClientsInteropTest {

    private static final long TIMEOUT = 3_000;

    @TempDir
    Path dir;

    private BrokerTestBed broker;
    private final List<MQClientAPIImpl> apis = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        broker = new BrokerTestBed(dir);
    }

    @AfterEach
    void stop() throws Exception {
        apis.forEach(MQClientAPIImpl::shutdown);
        broker.close();
    }

    /** A client connection whose NOTIFY_CONSUMER_IDS_CHANGED requests land in {@code notified}. */
    private MQClientAPIImpl client(BlockingQueue<String> notified) {
        MQClientAPIImpl api = new MQClientAPIImpl(new NettyClientConfig(), new ClientRemotingProcessor(null), null,
                new ClientConfig());
        api.getRemotingClient().registerProcessor(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED,
                new NettyRequestProcessor() {
                    @Override
                    public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) {
                        notified.add(request.getExtFields().get("consumerGroup"));
                        return null;
                    }

                    @Override
                    public boolean rejectRequest() {
                        return false;
                    }
                }, null);
        api.start();
        apis.add(api);
        return api;
    }

    private static HeartbeatData heartbeat(String clientId, String consumerGroup, String producerGroup) {
        HeartbeatData heartbeat = new HeartbeatData();
        heartbeat.setClientID(clientId);
        ConsumerData consumer = new ConsumerData();
        consumer.setGroupName(consumerGroup);
        consumer.setConsumeType(ConsumeType.CONSUME_PASSIVELY);
        consumer.setMessageModel(MessageModel.CLUSTERING);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
        consumer.getSubscriptionDataSet().add(new SubscriptionData("TopicTest", "*"));
        heartbeat.getConsumerDataSet().add(consumer);
        ProducerData producer = new ProducerData();
        producer.setGroupName(producerGroup);
        heartbeat.getProducerDataSet().add(producer);
        return heartbeat;
    }

    @Test
    void consumersSeeEachOtherAndAreToldWhenTheGroupChanges() throws Exception {
        BlockingQueue<String> firstNotified = new LinkedBlockingQueue<>();
        BlockingQueue<String> secondNotified = new LinkedBlockingQueue<>();
        MQClientAPIImpl first = client(firstNotified);
        MQClientAPIImpl second = client(secondNotified);

        int version = first.sendHeartbeat(broker.address(), heartbeat("127.0.0.1@c1", "cg", "pg"), TIMEOUT);
        assertThat(version).as("the broker's version, which the client keeps").isPositive();
        assertThat(firstNotified.poll(5, TimeUnit.SECONDS)).isEqualTo("cg");
        second.sendHeartbeat(broker.address(), heartbeat("127.0.0.1@c2", "cg", "pg"), TIMEOUT);

        assertThat(firstNotified.poll(5, TimeUnit.SECONDS)).isEqualTo("cg");
        assertThat(secondNotified.poll(5, TimeUnit.SECONDS)).isEqualTo("cg");
        assertThat(first.getConsumerIdListByGroup(broker.address(), "cg", TIMEOUT))
                .containsExactlyInAnyOrder("127.0.0.1@c1", "127.0.0.1@c2");
        assertThat(broker.broker.topics().find("%RETRY%cg")).isPresent();

        second.shutdown();
        assertThat(firstNotified.poll(5, TimeUnit.SECONDS)).as("told when the second connection closed")
                .isEqualTo("cg");
        assertThat(first.getConsumerIdListByGroup(broker.address(), "cg", TIMEOUT))
                .containsExactly("127.0.0.1@c1");

        first.unregisterClient(broker.address(), "127.0.0.1@c1", "pg", "cg", TIMEOUT);
        assertThatThrownBy(() -> first.getConsumerIdListByGroup(broker.address(), "cg", TIMEOUT))
                .isInstanceOfSatisfying(MQBrokerException.class, e -> {
                    assertThat(e.getResponseCode()).isEqualTo(1);
                    assertThat(e.getErrorMessage()).isEqualTo("no consumer for this group, cg");
                });
    }

    @Test
    void adminToolsSeeTheConnectionsOfProducerAndConsumerGroups() throws Exception {
        MQClientAPIImpl api = client(new LinkedBlockingQueue<>());
        api.sendHeartbeat(broker.address(), heartbeat("127.0.0.1@c1", "cg", "pg"), TIMEOUT);

        ConsumerConnection consumers = api.getConsumerConnectionList(broker.address(), "cg", TIMEOUT);
        ProducerConnection producers = api.getProducerConnectionList(broker.address(), "pg", TIMEOUT);

        assertThat(consumers.getMessageModel()).isEqualTo(MessageModel.CLUSTERING);
        assertThat(consumers.getSubscriptionTable()).containsOnlyKeys("TopicTest");
        assertThat(consumers.getConnectionSet()).singleElement().satisfies(connection -> {
            assertThat(connection.getClientId()).isEqualTo("127.0.0.1@c1");
            assertThat(connection.getClientAddr()).startsWith("127.0.0.1:");
        });
        assertThat(producers.getConnectionSet()).extracting(c -> c.getClientId()).containsExactly("127.0.0.1@c1");
        assertThatThrownBy(() -> api.getConsumerConnectionList(broker.address(), "nobody", TIMEOUT))
                .isInstanceOfSatisfying(MQBrokerException.class, e -> assertThat(e.getResponseCode()).isEqualTo(206));
    }

    @Test
    void anOrderlyConsumersQueuesAreLockedForItAlone() throws Exception {
        MQClientAPIImpl api = client(new LinkedBlockingQueue<>());
        MessageQueue q0 = new MessageQueue("TopicTest", "broker-test", 0);
        MessageQueue q1 = new MessageQueue("TopicTest", "broker-test", 1);

        assertThat(api.lockBatchMQ(broker.address(), lock("c1", q0), TIMEOUT)).containsExactly(q0);
        assertThat(api.lockBatchMQ(broker.address(), lock("c2", q0, q1), TIMEOUT)).containsExactly(q1);
        assertThat(api.lockBatchMQ(broker.address(), lock("c1", q0), TIMEOUT)).as("renewed").containsExactly(q0);

        UnlockBatchRequestBody unlock = new UnlockBatchRequestBody();
        unlock.setConsumerGroup("og");
        unlock.setClientId("c1");
        unlock.setMqSet(Set.of(q0));
        api.unlockBatchMQ(broker.address(), unlock, TIMEOUT, false);

        assertThat(api.lockBatchMQ(broker.address(), lock("c2", q0), TIMEOUT)).containsExactly(q0);
        assertThat(api.lockBatchMQ(broker.address(), lock("c1", q0, q1), TIMEOUT)).as("an empty answer parses")
                .isEmpty();
    }

    private static LockBatchRequestBody lock(String clientId, MessageQueue... queues) {
        LockBatchRequestBody body = new LockBatchRequestBody();
        body.setConsumerGroup("og");
        body.setClientId(clientId);
        body.setMqSet(Set.of(queues));
        return body;
    }

    @Test
    void tagSubscriptionsPassTheClientCheckSql92DoesNot() throws Exception {
        MQClientAPIImpl api = client(new LinkedBlockingQueue<>());
        SubscriptionData sql = new SubscriptionData("TopicTest", "a > 1");
        sql.setExpressionType("SQL92");

        api.checkClientInBroker(broker.address(), "cg", "127.0.0.1@c1", new SubscriptionData("TopicTest", "*"),
                TIMEOUT);
        assertThatThrownBy(() -> api.checkClientInBroker(broker.address(), "cg", "127.0.0.1@c1", sql, TIMEOUT))
                .isInstanceOfSatisfying(MQClientException.class, e -> assertThat(e.getResponseCode()).isEqualTo(1));
    }

    @Test
    void subscriptionGroupsAreCreatedListedAndDeletedByAdminTools() throws Exception {
        MQClientAPIImpl api = client(new LinkedBlockingQueue<>());
        SubscriptionGroupConfig config = new SubscriptionGroupConfig();
        config.setGroupName("admin_group");
        config.setRetryMaxTimes(3);
        config.setNotifyConsumerIdsChangedEnable(false);

        api.createSubscriptionGroup(broker.address(), config, TIMEOUT);
        SubscriptionGroupWrapper all = api.getAllSubscriptionGroup(broker.address(), TIMEOUT);

        assertThat(all.getSubscriptionGroupTable().get("admin_group")).isEqualTo(config);
        assertThat(all.getSubscriptionGroupTable()).containsKey("TOOLS_CONSUMER");
        assertThat(all.getDataVersion().getCounter().get()).isPositive();

        api.deleteSubscriptionGroup(broker.address(), "admin_group", true, TIMEOUT);
        assertThat(api.getAllSubscriptionGroup(broker.address(), TIMEOUT).getSubscriptionGroupTable())
                .doesNotContainKey("admin_group");
    }
}
