package io.karrier.broker.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.PosixParser;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.impl.ClientRemotingProcessor;
import org.apache.rocketmq.client.impl.CommunicationMode;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.admin.ConsumeStats;
import org.apache.rocketmq.common.admin.OffsetWrapper;
import org.apache.rocketmq.common.admin.TopicOffset;
import org.apache.rocketmq.common.admin.TopicStatsTable;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.common.protocol.body.ConsumerConnection;
import org.apache.rocketmq.common.protocol.body.ResetOffsetBody;
import org.apache.rocketmq.common.protocol.header.PullMessageRequestHeader;
import org.apache.rocketmq.common.protocol.heartbeat.ConsumeType;
import org.apache.rocketmq.common.protocol.heartbeat.ConsumerData;
import org.apache.rocketmq.common.protocol.heartbeat.HeartbeatData;
import org.apache.rocketmq.common.protocol.heartbeat.MessageModel;
import org.apache.rocketmq.common.protocol.heartbeat.SubscriptionData;
import org.apache.rocketmq.common.protocol.route.TopicRouteData;
import org.apache.rocketmq.common.sysflag.PullSysFlag;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRequestProcessor;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.srvutil.ServerUtil;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.apache.rocketmq.tools.command.SubCommand;
import org.apache.rocketmq.tools.command.broker.BrokerStatusSubCommand;
import org.apache.rocketmq.tools.command.broker.GetBrokerConfigCommand;
import org.apache.rocketmq.tools.command.broker.UpdateBrokerConfigSubCommand;
import org.apache.rocketmq.tools.command.cluster.ClusterListSubCommand;
import org.apache.rocketmq.tools.command.connection.ConsumerConnectionSubCommand;
import org.apache.rocketmq.tools.command.consumer.ConsumerProgressSubCommand;
import org.apache.rocketmq.tools.command.message.QueryMsgByIdSubCommand;
import org.apache.rocketmq.tools.command.message.QueryMsgByKeySubCommand;
import org.apache.rocketmq.tools.command.offset.ResetOffsetByTimeCommand;
import org.apache.rocketmq.tools.command.topic.DeleteTopicSubCommand;
import org.apache.rocketmq.tools.command.topic.TopicListSubCommand;
import org.apache.rocketmq.tools.command.topic.TopicRouteSubCommand;
import org.apache.rocketmq.tools.command.topic.TopicStatusSubCommand;
import org.apache.rocketmq.tools.command.topic.UpdateTopicSubCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.broker.internal.BrokerComponent;
import io.karrier.broker.internal.BrokerTestBed;
import io.karrier.namesrv.internal.NameServerForTests;
import io.netty.channel.ChannelHandlerContext;

/**
 * mqadmin's client, DefaultMQAdminExt 4.9.7, against Karrier's name server and a broker registered
 * with it, in one JVM: what clusterList, brokerStatus, topicStatus, updateTopic, deleteTopic,
 * consumerProgress, consumerConnection, queryMsgById, queryMsgByKey, resetOffsetByTime, topicRoute,
 * getBrokerConfig and updateBrokerConfig ask, and what they get. One name server and broker serve
 * all tests; each test uses topics and groups of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MqAdminInteropTest {

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    private static final long TIMEOUT = 10_000;

    @TempDir
    static Path dir;

    private NameServerForTests nameServer;
    private BrokerTestBed broker;
    private DefaultMQAdminExt admin;
    private DefaultMQProducer producer;
    private MQClientAPIImpl consumer;
    private final BlockingQueue<RemotingCommand> resets = new LinkedBlockingQueue<>();

    @BeforeAll
    void start() throws Exception {
        nameServer = new NameServerForTests(dir.resolve("namesrv"));
        broker = new BrokerTestBed(dir.resolve("broker"), List.of(nameServer.address()), Map.of());
        admin = new DefaultMQAdminExt(TIMEOUT);
        admin.setNamesrvAddr(nameServer.address());
        admin.setInstanceName("admin-" + System.nanoTime());
        admin.start();
        producer = new DefaultMQProducer("admin-test-producer");
        producer.setNamesrvAddr(nameServer.address());
        producer.setInstanceName("producer-" + System.nanoTime());
        producer.setVipChannelEnabled(false);
        producer.start();
        consumer = new MQClientAPIImpl(new NettyClientConfig(), new ClientRemotingProcessor(null), null,
                new ClientConfig());
        consumer.getRemotingClient().registerProcessor(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, processor(null), null);
        consumer.getRemotingClient().registerProcessor(RequestCode.RESET_CONSUMER_CLIENT_OFFSET, processor(resets),
                null);
        consumer.start();
        awaitRoute("TBW102");
    }

    @AfterAll
    void stop() throws Exception {
        consumer.shutdown();
        producer.shutdown();
        admin.shutdown();
        broker.close();
        nameServer.close();
    }

    /** Answers nothing; keeps the requests it is given, if asked to. */
    private static NettyRequestProcessor processor(BlockingQueue<RemotingCommand> received) {
        return new NettyRequestProcessor() {
            @Override
            public RemotingCommand processRequest(ChannelHandlerContext ctx, RemotingCommand request) {
                if (received != null) {
                    received.add(request);
                }
                return null;
            }

            @Override
            public boolean rejectRequest() {
                return false;
            }
        };
    }

    private TopicRouteData awaitRoute(String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                return admin.examineTopicRouteInfo(topic);
            } catch (MQClientException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.sleep(50);
            }
        }
    }

    private void createTopic(String topic, int queues) throws Exception {
        admin.createAndUpdateTopicConfig(broker.address(), new TopicConfig(topic, queues, queues, 6));
        awaitRoute(topic);
    }

    private SendResult send(String topic, int queueId, String key) throws Exception {
        Message message = new Message(topic, "TagA", key, ("body of " + key).getBytes(StandardCharsets.UTF_8));
        SendResult result = producer.send(message, new MessageQueue(topic, "broker-test", queueId), TIMEOUT);
        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        awaitDispatched(topic, queueId, result.getQueueOffset() + 1);
        return result;
    }

    /** Consume queues are written behind the commit log: waits until the queue holds {@code count} messages. */
    private void awaitDispatched(String topic, int queueId, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (broker.store.maxOffset(topic, queueId) < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** Registers {@code group} subscribing to {@code topic} as a push consumer's heartbeat does. */
    private void heartbeat(String group, String topic) throws Exception {
        HeartbeatData heartbeat = new HeartbeatData();
        heartbeat.setClientID("127.0.0.1@" + group);
        ConsumerData data = new ConsumerData();
        data.setGroupName(group);
        data.setConsumeType(ConsumeType.CONSUME_PASSIVELY);
        data.setMessageModel(MessageModel.CLUSTERING);
        data.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
        data.getSubscriptionDataSet().add(new SubscriptionData(topic, "*"));
        heartbeat.getConsumerDataSet().add(data);
        consumer.sendHeartbeat(broker.address(), heartbeat, TIMEOUT);
        awaitRoute(MixAll.getRetryTopic(group));
    }

    @Test
    void clusterInfoAndRuntimeStatsShowTheBrokerAndItsTraffic() throws Exception {
        createTopic("RuntimeTopic", 1);
        send("RuntimeTopic", 0, "r1");
        send("RuntimeTopic", 0, "r2");
        PullMessageRequestHeader pull = new PullMessageRequestHeader();
        pull.setConsumerGroup("runtime-group");
        pull.setTopic("RuntimeTopic");
        pull.setQueueId(0);
        pull.setQueueOffset(0L);
        pull.setMaxMsgNums(32);
        pull.setSysFlag(PullSysFlag.buildSysFlag(false, false, true, false));
        pull.setCommitOffset(0L);
        pull.setSuspendTimeoutMillis(0L);
        pull.setSubscription("*");
        pull.setSubVersion(0L);
        pull.setExpressionType("TAG");
        PullResult pulled = consumer.pullMessage(broker.address(), pull, TIMEOUT, CommunicationMode.SYNC, null);
        assertThat(pulled.getPullStatus()).isEqualTo(PullStatus.FOUND);

        ClusterInfo cluster = admin.examineBrokerClusterInfo();
        assertThat(cluster.getClusterAddrTable()).containsEntry("DefaultCluster", Set.of("broker-test"));
        assertThat(cluster.getBrokerAddrTable().get("broker-test").getBrokerAddrs())
                .containsEntry(0L, broker.address());

        Map<String, String> stats = admin.fetchBrokerRuntimeStats(broker.address()).getTable();
        assertThat(stats.get("brokerVersionDesc")).isEqualTo(MQVersion.getVersionDesc(MQVersion.CURRENT_VERSION));
        assertThat(stats.get("brokerVersion")).isEqualTo(String.valueOf(MQVersion.CURRENT_VERSION));
        assertThat(stats).containsKey(RuntimeInfoProcessor.KARRIER_VERSION);
        assertThat(Long.parseLong(stats.get("msgPutTotalTodayNow"))).isGreaterThanOrEqualTo(2);
        assertThat(stats.get("msgPutTotalTodayMorning")).isEqualTo("0");
        assertThat(Long.parseLong(stats.get("msgGetTotalTodayNow"))).isGreaterThanOrEqualTo(2);
        assertThat(stats.get("putTps").split(" ")).hasSize(3).allSatisfy(Double::parseDouble);
        assertThat(stats.get("getTransferedTps").split(" ")).hasSize(3).allSatisfy(Double::parseDouble);
        assertThat(Long.parseLong(stats.get("commitLogMaxOffset"))).isPositive();
        assertThat(Long.parseLong(stats.get("bootTimestamp"))).isPositive().isLessThanOrEqualTo(
                System.currentTimeMillis());
        assertThat(Long.parseLong(stats.get("earliestMessageTimeStamp"))).isLessThanOrEqualTo(
                System.currentTimeMillis());
        assertThat(stats.get("runtime")).matches("\\[ \\d+ days, \\d+ hours, \\d+ minutes, \\d+ seconds \\]");
    }

    @Test
    void topicsAreCreatedListedExaminedAndDeleted() throws Exception {
        createTopic("StatusTopic", 2);
        send("StatusTopic", 1, "s1");
        send("StatusTopic", 1, "s2");

        assertThat(admin.fetchAllTopicList().getTopicList()).contains("StatusTopic");
        assertThat(awaitRoute("StatusTopic").getQueueDatas()).singleElement()
                .satisfies(queues -> assertThat(queues.getWriteQueueNums()).isEqualTo(2));
        TopicStatsTable stats = admin.examineTopicStats("StatusTopic");
        TopicOffset empty = stats.getOffsetTable().get(new MessageQueue("StatusTopic", "broker-test", 0));
        TopicOffset used = stats.getOffsetTable().get(new MessageQueue("StatusTopic", "broker-test", 1));
        assertThat(stats.getOffsetTable()).hasSize(2);
        assertThat(empty.getMaxOffset()).isZero();
        assertThat(empty.getLastUpdateTimestamp()).isZero();
        assertThat(used.getMinOffset()).isZero();
        assertThat(used.getMaxOffset()).isEqualTo(2);
        assertThat(used.getLastUpdateTimestamp()).isPositive().isLessThanOrEqualTo(System.currentTimeMillis());

        admin.deleteTopicInBroker(Set.of(broker.address()), "StatusTopic");
        admin.deleteTopicInNameServer(Set.of(nameServer.address()), "StatusTopic", null);
        assertThatThrownBy(() -> admin.examineTopicRouteInfo("StatusTopic"))
                .isInstanceOfSatisfying(MQClientException.class,
                        e -> assertThat(e.getResponseCode()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST));
        assertThatThrownBy(() -> admin.examineTopicStats("StatusTopic")).isInstanceOf(MQClientException.class);
    }

    @Test
    void consumeStatsAndConnectionsShowAGroupsProgress() throws Exception {
        createTopic("ProgressTopic", 2);
        for (int i = 0; i < 3; i++) {
            send("ProgressTopic", 0, "p" + i);
        }
        heartbeat("progress-group", "ProgressTopic");
        admin.updateConsumeOffset(broker.address(), "progress-group",
                new MessageQueue("ProgressTopic", "broker-test", 0), 2);

        ConsumeStats stats = admin.examineConsumeStats("progress-group");
        OffsetWrapper q0 = stats.getOffsetTable().get(new MessageQueue("ProgressTopic", "broker-test", 0));
        OffsetWrapper q1 = stats.getOffsetTable().get(new MessageQueue("ProgressTopic", "broker-test", 1));
        assertThat(q0.getBrokerOffset()).isEqualTo(3);
        assertThat(q0.getConsumerOffset()).isEqualTo(2);
        assertThat(q0.getLastTimestamp()).isPositive();
        assertThat(q1.getBrokerOffset()).isZero();
        assertThat(q1.getConsumerOffset()).as("never committed").isZero();
        assertThat(stats.computeTotalDiff()).isEqualTo(1);

        ConsumerConnection connection = admin.examineConsumerConnectionInfo("progress-group");
        assertThat(connection.getConnectionSet()).singleElement()
                .satisfies(c -> assertThat(c.getClientId()).isEqualTo("127.0.0.1@progress-group"));
        assertThat(connection.getSubscriptionTable()).containsOnlyKeys("ProgressTopic");
    }

    @Test
    void resetOffsetByTimeCommitsTheOffsetsAndTellsTheConsumers() throws Exception {
        createTopic("ResetTopic", 1);
        long before = System.currentTimeMillis();
        for (int i = 0; i < 4; i++) {
            send("ResetTopic", 0, "t" + i);
        }
        heartbeat("reset-group", "ResetTopic");
        MessageQueue queue = new MessageQueue("ResetTopic", "broker-test", 0);
        admin.updateConsumeOffset(broker.address(), "reset-group", queue, 4);

        Map<MessageQueue, Long> reset = admin.resetOffsetByTimestamp("ResetTopic", "reset-group", before, true);

        assertThat(reset).containsExactly(Map.entry(queue, 0L));
        assertThat(admin.examineConsumeStats("reset-group").getOffsetTable().get(queue).getConsumerOffset())
                .isZero();
        RemotingCommand notice = resets.poll(5, TimeUnit.SECONDS);
        assertThat(notice).isNotNull();
        assertThat(notice.getExtFields()).containsEntry("topic", "ResetTopic").containsEntry("group", "reset-group");
        assertThat(ResetOffsetBody.decode(notice.getBody(), ResetOffsetBody.class).getOffsetTable())
                .containsExactly(Map.entry(queue, 0L));

        admin.updateConsumeOffset(broker.address(), "offline-group", queue, 4);
        assertThatThrownBy(() -> admin.resetOffsetByTimestamp("ResetTopic", "offline-group", before, true))
                .as("no consumer online: mqadmin falls back to committing offsets itself")
                .isInstanceOfSatisfying(MQClientException.class,
                        e -> assertThat(e.getResponseCode()).isEqualTo(ResponseCode.CONSUMER_NOT_ONLINE));
    }

    @Test
    void messagesAreFoundByIdAndByKey() throws Exception {
        createTopic("QueryTopic", 1);
        SendResult sent = send("QueryTopic", 0, "order-42");

        MessageExt byOffsetId = admin.viewMessage("QueryTopic", sent.getOffsetMsgId());
        MessageExt byUniqueKey = admin.viewMessage("QueryTopic", sent.getMsgId());
        assertThat(new String(byOffsetId.getBody(), StandardCharsets.UTF_8)).isEqualTo("body of order-42");
        assertThat(byUniqueKey.getKeys()).isEqualTo("order-42");
        assertThat(admin.queryMessage("QueryTopic", "order-42", 32, 0, Long.MAX_VALUE).getMessageList())
                .singleElement().satisfies(m -> assertThat(m.getMsgId()).isEqualTo(sent.getMsgId()));
    }

    @Test
    void brokerConfigIsReadAndUpdatedThroughConfigAdmin() throws Exception {
        Properties config = admin.getBrokerConfig(broker.address());
        assertThat(config).containsEntry("brokerName", "broker-test").containsEntry("autoCreateTopicEnable", "true")
                .containsKey("maxMessageSize");

        Properties change = new Properties();
        change.setProperty("maxMessageSize", "1024");
        change.setProperty("autoCreateTopicEnable", "false");
        int before = broker.configAdmin.updates.size();
        admin.updateBrokerConfig(broker.address(), change);

        assertThat(broker.configAdmin.updates).hasSize(before + 1).last().satisfies(update -> {
            assertThat(update.getKey()).isEqualTo(BrokerComponent.PID);
            Dictionary<String, Object> written = update.getValue();
            assertThat(written.get("maxMessageSize")).isEqualTo(1024);
            assertThat(written.get("autoCreateTopicEnable")).isEqualTo(false);
            assertThat(written.get("maxHeldPulls")).as("set by an earlier update, if any").isIn(null, 20);
        });
        Properties unknown = new Properties();
        unknown.setProperty("flushDiskType", "SYNC_FLUSH");
        assertThatThrownBy(() -> admin.updateBrokerConfig(broker.address(), unknown))
                .isInstanceOfSatisfying(MQBrokerException.class, e -> {
                    assertThat(e.getResponseCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
                    assertThat(e.getErrorMessage()).contains("unknown broker setting 'flushDiskType'");
                });
        Properties bad = new Properties();
        bad.setProperty("maxMessageSize", "big");
        assertThatThrownBy(() -> admin.updateBrokerConfig(broker.address(), bad))
                .isInstanceOfSatisfying(MQBrokerException.class,
                        e -> assertThat(e.getErrorMessage()).contains("bad value 'big' for broker setting "
                                + "'maxMessageSize': int expected"));
        assertThat(broker.configAdmin.updates).as("refused updates write nothing").hasSize(before + 1);
    }

    /**
     * Runs a subcommand as MQAdminStartup does, minus its logback set-up (the tests log through
     * slf4j-simple): parse the arguments, point the admin client at the name server, execute.
     *
     * @return what it printed; fails if it printed anything on stderr or threw
     */
    private String mqadmin(SubCommand command, String... args) throws Exception {
        Options options = command.buildCommandlineOptions(ServerUtil.buildCommandlineOptions(new Options()));
        CommandLine line = ServerUtil.parseCmdLine("mqadmin " + command.commandName(), args, options,
                new PosixParser());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setProperty(MixAll.NAMESRV_ADDR_PROPERTY, nameServer.address());
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            command.execute(line, options, null);
        } finally {
            System.setOut(stdout);
            System.clearProperty(MixAll.NAMESRV_ADDR_PROPERTY);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).doesNotContain("Exception");
        return printed;
    }

    @Test
    void mqadminSubcommandsPrintRows() throws Exception {
        assertThat(mqadmin(new UpdateTopicSubCommand(), "-c", "DefaultCluster", "-t", "CliTopic", "-r", "2", "-w", "2"))
                .contains("create topic to " + broker.address() + " success");
        awaitRoute("CliTopic");
        SendResult sent = send("CliTopic", 1, "cli-key");
        heartbeat("cli-group", "CliTopic");
        // A reset needs the group's offset in every queue, as RocketMQ's does.
        admin.updateConsumeOffset(broker.address(), "cli-group", new MessageQueue("CliTopic", "broker-test", 0), 0);
        admin.updateConsumeOffset(broker.address(), "cli-group", new MessageQueue("CliTopic", "broker-test", 1), 0);

        assertThat(mqadmin(new ClusterListSubCommand(), "-m")).containsPattern(
                "DefaultCluster\\s+broker-test\\s+0\\s+0\\s+\\d+\\s+\\d+");
        assertThat(mqadmin(new ClusterListSubCommand())).containsPattern(
                "DefaultCluster\\s+broker-test\\s+0\\s+" + broker.address() + "\\s+V4_9_7\\s+");
        assertThat(mqadmin(new TopicListSubCommand())).contains("CliTopic");
        assertThat(mqadmin(new TopicStatusSubCommand(), "-t", "CliTopic"))
                .containsPattern("broker-test\\s+1\\s+0\\s+1\\s+\\d{4}-\\d{2}-\\d{2}");
        assertThat(mqadmin(new ConsumerProgressSubCommand(), "-g", "cli-group"))
                .containsPattern("CliTopic\\s+broker-test\\s+1\\s+1\\s+0\\s+1")
                .contains("Diff Total: 1");
        assertThat(mqadmin(new ConsumerConnectionSubCommand(), "-g", "cli-group")).contains("127.0.0.1@cli-group");
        assertThat(mqadmin(new BrokerStatusSubCommand(), "-b", broker.address()))
                .containsPattern("brokerVersionDesc\\s*: V4_9_7").containsPattern("msgPutTotalTodayNow\\s*: \\d+");
        assertThat(mqadmin(new QueryMsgByIdSubCommand(), "-i", sent.getOffsetMsgId()))
                .containsPattern("Keys:\\s+\\[cli-key\\]")
                .contains("MessageTrack [consumerGroup=cli-group, trackType=NOT_CONSUME_YET");
        assertThat(mqadmin(new QueryMsgByKeySubCommand(), "-t", "CliTopic", "-k", "cli-key"))
                .contains(sent.getMsgId());
        assertThat(mqadmin(new GetBrokerConfigCommand(), "-b", broker.address())).containsPattern(
                "brokerName\\s+=\\s+broker-test");
        assertThat(mqadmin(new ResetOffsetByTimeCommand(), "-g", "cli-group", "-t", "CliTopic", "-s", "now"))
                .containsPattern("broker-test\\s+1\\s+1\\s");
        assertThat(mqadmin(new TopicRouteSubCommand(), "-t", "CliTopic")).contains("\"brokerName\":\"broker-test\"")
                .contains("\"writeQueueNums\":2");
        assertThat(mqadmin(new ConsumerProgressSubCommand())).containsPattern(
                "cli-group\\s+1\\s+V4_9_7\\s+PUSH\\s+CLUSTERING\\s+0\\s+0");
        // A group with no consumer online: the broker refuses, mqadmin commits the offsets itself.
        admin.updateConsumeOffset(broker.address(), "offline-cli", new MessageQueue("CliTopic", "broker-test", 0), 0);
        admin.updateConsumeOffset(broker.address(), "offline-cli", new MessageQueue("CliTopic", "broker-test", 1), 0);
        assertThat(mqadmin(new ResetOffsetByTimeCommand(), "-g", "offline-cli", "-t", "CliTopic", "-s", "now"))
                .containsPattern("broker-test\\s+1\\s+1\\s+0\\s+1\\s+1");
        assertThat(mqadmin(new UpdateBrokerConfigSubCommand(), "-b", broker.address(), "-k", "maxHeldPulls", "-v",
                "20")).contains("update broker config success, " + broker.address());
        assertThat(mqadmin(new DeleteTopicSubCommand(), "-c", "DefaultCluster", "-t", "CliTopic"))
                .contains("delete topic [CliTopic] from cluster [DefaultCluster] success.")
                .contains("delete topic [CliTopic] from NameServer success.");
        assertThat(mqadmin(new TopicListSubCommand())).doesNotContainPattern("(?m)^CliTopic$");
    }
}
