package io.karrier.namesrv.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.ClientRemotingProcessor;
import org.apache.rocketmq.client.impl.MQClientAPIImpl;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.common.DataVersion;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.UtilAll;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.common.protocol.body.KVTable;
import org.apache.rocketmq.common.protocol.body.RegisterBrokerBody;
import org.apache.rocketmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.apache.rocketmq.common.protocol.body.TopicList;
import org.apache.rocketmq.common.protocol.header.namesrv.QueryDataVersionRequestHeader;
import org.apache.rocketmq.common.protocol.header.namesrv.QueryDataVersionResponseHeader;
import org.apache.rocketmq.common.protocol.header.namesrv.RegisterBrokerRequestHeader;
import org.apache.rocketmq.common.protocol.header.namesrv.RegisterBrokerResponseHeader;
import org.apache.rocketmq.common.protocol.header.namesrv.UnRegisterBrokerRequestHeader;
import org.apache.rocketmq.common.protocol.route.QueueData;
import org.apache.rocketmq.common.protocol.route.TopicRouteData;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.protocol.ResponseCode;

/**
 * The name server on Karrier's real remoting server, asked by the official RocketMQ 4.9.7 classes:
 * a broker registers as BrokerOuterAPI does (compressed body with its CRC), and the client API
 * (MQClientAPIImpl, what producers, consumers and mqadmin use) reads routes, cluster info, topic
 * lists and KV configuration.
 */
class OfficialClientInteropTest {

    static {
        // the client logs through slf4j instead of files under ~/logs
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    /** Generous: the first request of a cold JVM on a busy machine can take seconds (class loading). */
    private static final long TIMEOUT = 10_000;
    private static final String CLUSTER = "DefaultCluster";
    private static final String MASTER = "127.0.0.1:10911";
    private static final String SLAVE = "127.0.0.1:10921";

    @TempDir
    Path dir;

    private KvConfigStore kvConfig;
    private RemotingForTests nameServer;
    private MQClientAPIImpl client;
    private NettyRemotingClient broker;

    @BeforeEach
    void start() throws Exception {
        RouteRegistry registry = new RouteRegistry();
        kvConfig = new KvConfigStore(dir.resolve("kvConfig.json"));
        nameServer = new RemotingForTests(NameServerComponent.SERVER_NAME)
                .processor(new RouteQueryProcessor(registry, kvConfig, true), RequestCode.GET_ROUTEINFO_BY_TOPIC,
                        RequestCode.GET_BROKER_CLUSTER_INFO, RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER,
                        RequestCode.GET_TOPICS_BY_CLUSTER, RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS,
                        RequestCode.GET_UNIT_TOPIC_LIST, RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST,
                        RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST)
                .processor(new BrokerRegistrationProcessor(registry, kvConfig), RequestCode.REGISTER_BROKER,
                        RequestCode.UNREGISTER_BROKER, RequestCode.QUERY_DATA_VERSION)
                .processor(new RouteAdminProcessor(registry), RequestCode.WIPE_WRITE_PERM_OF_BROKER,
                        RequestCode.ADD_WRITE_PERM_OF_BROKER, RequestCode.DELETE_TOPIC_IN_NAMESRV)
                .processor(new KvConfigProcessor(kvConfig), RequestCode.PUT_KV_CONFIG, RequestCode.GET_KV_CONFIG,
                        RequestCode.DELETE_KV_CONFIG, RequestCode.GET_KVLIST_BY_NAMESPACE)
                .channelListener(registry)
                .start();

        client = new MQClientAPIImpl(new NettyClientConfig(), new ClientRemotingProcessor(null), null,
                new ClientConfig());
        client.updateNameServerAddressList(nameServer.address());
        client.start();
        broker = new NettyRemotingClient(new NettyClientConfig());
        broker.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        broker.shutdown();
        client.shutdown();
        nameServer.close();
        kvConfig.deactivate();
    }

    private static TopicConfig topic(String name, int queues, int perm) {
        return new TopicConfig(name, queues, queues, perm);
    }

    /** What BrokerOuterAPI.registerBrokerAll sends. */
    private RemotingCommand register(NettyRemotingClient from, String brokerName, long brokerId, String address,
            long version, TopicConfig... topics) throws Exception {
        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader();
        header.setBrokerAddr(address);
        header.setBrokerId(brokerId);
        header.setBrokerName(brokerName);
        header.setClusterName(CLUSTER);
        header.setHaServerAddr(address.replace(":109", ":119"));
        header.setCompressed(true);
        ConcurrentMap<String, TopicConfig> table = new ConcurrentHashMap<>();
        for (TopicConfig topic : topics) {
            table.put(topic.getTopicName(), topic);
        }
        DataVersion dataVersion = new DataVersion();
        dataVersion.setCounter(new AtomicLong(version));
        TopicConfigSerializeWrapper wrapper = new TopicConfigSerializeWrapper();
        wrapper.setTopicConfigTable(table);
        wrapper.setDataVersion(dataVersion);
        RegisterBrokerBody body = new RegisterBrokerBody();
        body.setTopicConfigSerializeWrapper(wrapper);
        body.setFilterServerList(new ArrayList<>());
        byte[] bytes = body.encode(true);
        header.setBodyCrc32(UtilAll.crc32(bytes));
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.REGISTER_BROKER, header);
        request.setBody(bytes);
        RemotingCommand response = from.invokeSync(nameServer.address(), request, TIMEOUT);
        assertThat(response.getCode()).isEqualTo(ResponseCode.SUCCESS);
        return response;
    }

    private RemotingCommand registerMaster(TopicConfig... topics) throws Exception {
        return register(broker, "broker-a", 0, MASTER, 1, topics);
    }

    private int routeCode(String topic) throws Exception {
        try {
            client.getTopicRouteInfoFromNameServer(topic, TIMEOUT);
            return ResponseCode.SUCCESS;
        } catch (MQClientException e) {
            return e.getResponseCode();
        }
    }

    @Test
    void producersGetTheRouteOfARegisteredTopic() throws Exception {
        registerMaster(topic("TopicTest", 4, 6));

        TopicRouteData route = client.getTopicRouteInfoFromNameServer("TopicTest", TIMEOUT);

        assertThat(route.getBrokerDatas()).singleElement().satisfies(broker -> {
            assertThat(broker.getCluster()).isEqualTo(CLUSTER);
            assertThat(broker.getBrokerName()).isEqualTo("broker-a");
            assertThat(broker.getBrokerAddrs()).isEqualTo(Map.of(0L, MASTER));
        });
        assertThat(route.getQueueDatas()).singleElement().extracting(QueueData::getWriteQueueNums,
                QueueData::getReadQueueNums, QueueData::getPerm).containsExactly(4, 4, 6);
        assertThat(MQClientInstance.topicRouteData2TopicPublishInfo("TopicTest", route).getMessageQueueList())
                .hasSize(4);
    }

    @Test
    void anUnknownTopicIsTopicNotExistAndTbw102LetsTheProducerAutoCreate() throws Exception {
        registerMaster(topic("TBW102", 8, 7));

        assertThatThrownBy(() -> client.getTopicRouteInfoFromNameServer("NewTopic", TIMEOUT))
                .isInstanceOfSatisfying(MQClientException.class, e -> {
                    assertThat(e.getResponseCode()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
                    assertThat(e.getErrorMessage()).startsWith("No topic route info in name server for the topic: NewTopic");
                });
        TopicRouteData template = client.getDefaultTopicRouteInfoFromNameServer("TBW102", TIMEOUT);
        assertThat(template.getQueueDatas()).singleElement().extracting(QueueData::getPerm).isEqualTo(7);
        assertThat(MQClientInstance.topicRouteData2TopicPublishInfo("NewTopic", template).getMessageQueueList())
                .hasSize(8);
    }

    @Test
    void aSlaveLearnsItsMasterAndBrokersGetTheOrderTopicTable() throws Exception {
        client.putKVConfigValue(KvConfigStore.ORDER_TOPIC_CONFIG, "OrderTopic", "broker-a:4", TIMEOUT);
        registerMaster(topic("OrderTopic", 4, 6));

        RemotingCommand answer = register(broker, "broker-a", 1, SLAVE, 1);

        RegisterBrokerResponseHeader header = (RegisterBrokerResponseHeader) answer
                .decodeCommandCustomHeader(RegisterBrokerResponseHeader.class);
        assertThat(header.getMasterAddr()).isEqualTo(MASTER);
        assertThat(header.getHaServerAddr()).isEqualTo("127.0.0.1:11911");
        assertThat(KVTable.decode(answer.getBody(), KVTable.class).getTable())
                .isEqualTo(Map.of("OrderTopic", "broker-a:4"));
        TopicRouteData route = client.getTopicRouteInfoFromNameServer("OrderTopic", TIMEOUT);
        assertThat(route.getOrderTopicConf()).isEqualTo("broker-a:4");
        assertThat(route.getBrokerDatas().get(0).getBrokerAddrs()).isEqualTo(Map.of(0L, MASTER, 1L, SLAVE));
    }

    @Test
    void mqadminSeesClustersAndTopicLists() throws Exception {
        registerMaster(topic("TopicTest", 4, 6), topic("TBW102", 8, 7));

        ClusterInfo cluster = client.getBrokerClusterInfo(TIMEOUT);
        assertThat(cluster.getClusterAddrTable()).isEqualTo(Map.of(CLUSTER, Set.of("broker-a")));
        assertThat(cluster.getBrokerAddrTable().get("broker-a").getBrokerAddrs()).isEqualTo(Map.of(0L, MASTER));
        assertThat(client.getTopicListFromNameServer(TIMEOUT).getTopicList()).containsExactlyInAnyOrder("TopicTest",
                "TBW102");
        assertThat(client.getTopicsByCluster(CLUSTER, TIMEOUT).getTopicList()).containsExactlyInAnyOrder(
                "TopicTest", "TBW102");
        // raw, because the client's getSystemTopicList goes on to ask the (absent) broker named in the answer
        RemotingCommand system = broker.invokeSync(nameServer.address(),
                RemotingCommand.createRequestCommand(RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS, null), TIMEOUT);
        TopicList systemTopics = TopicList.decode(system.getBody(), TopicList.class);
        assertThat(systemTopics.getTopicList()).containsExactlyInAnyOrder(CLUSTER, "broker-a");
        assertThat(systemTopics.getBrokerAddr()).isEqualTo(MASTER);
        assertThat(client.getUnitTopicList(false, TIMEOUT).getTopicList()).isEmpty();
    }

    @Test
    void keepsKvConfiguration() throws Exception {
        client.putKVConfigValue("ns", "k", "v", TIMEOUT);

        assertThat(client.getKVConfigValue("ns", "k", TIMEOUT)).isEqualTo("v");
        assertThat(client.getKVListByNamespace("ns", TIMEOUT).getTable()).isEqualTo(Map.of("k", "v"));

        client.deleteKVConfigValue("ns", "k", TIMEOUT);
        assertThatThrownBy(() -> client.getKVConfigValue("ns", "k", TIMEOUT))
                .isInstanceOfSatisfying(MQClientException.class,
                        e -> assertThat(e.getResponseCode()).isEqualTo(ResponseCode.QUERY_NOT_FOUND));
    }

    @Test
    void wipesAndRestoresWritePermissionAndDeletesTopics() throws Exception {
        registerMaster(topic("TopicTest", 4, 6), topic("Doomed", 4, 6));

        assertThat(client.wipeWritePermOfBroker(nameServer.address(), "broker-a", TIMEOUT)).isEqualTo(2);
        assertThat(client.getTopicRouteInfoFromNameServer("TopicTest", TIMEOUT).getQueueDatas().get(0).getPerm())
                .isEqualTo(4);
        assertThat(client.addWritePermOfBroker(nameServer.address(), "broker-a", TIMEOUT)).isEqualTo(2);
        assertThat(client.getTopicRouteInfoFromNameServer("TopicTest", TIMEOUT).getQueueDatas().get(0).getPerm())
                .isEqualTo(6);

        client.deleteTopicInNameServer(nameServer.address(), "Doomed", null, TIMEOUT);
        assertThat(routeCode("Doomed")).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
    }

    @Test
    void answersDataVersionQueries() throws Exception {
        registerMaster(topic("TopicTest", 4, 6));
        QueryDataVersionRequestHeader header = new QueryDataVersionRequestHeader();
        header.setBrokerAddr(MASTER);
        header.setBrokerName("broker-a");
        header.setClusterName(CLUSTER);
        header.setBrokerId(0L);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.QUERY_DATA_VERSION, header);
        DataVersion newer = new DataVersion();
        newer.setCounter(new AtomicLong(2));
        request.setBody(newer.encode());

        RemotingCommand response = broker.invokeSync(nameServer.address(), request, TIMEOUT);

        assertThat(((QueryDataVersionResponseHeader) response
                .decodeCommandCustomHeader(QueryDataVersionResponseHeader.class)).getChanged()).isTrue();
        assertThat(DataVersion.decode(response.getBody(), DataVersion.class).getCounter().get()).isEqualTo(1);
    }

    @Test
    void aBrokerThatUnregistersOrDisconnectsLeavesTheRoutes() throws Exception {
        registerMaster(topic("TopicA", 4, 6));
        NettyRemotingClient other = new NettyRemotingClient(new NettyClientConfig());
        other.start();
        register(other, "broker-b", 0, "127.0.0.1:10931", 1, topic("TopicB", 4, 6));

        UnRegisterBrokerRequestHeader header = new UnRegisterBrokerRequestHeader();
        header.setBrokerAddr(MASTER);
        header.setBrokerName("broker-a");
        header.setClusterName(CLUSTER);
        header.setBrokerId(0L);
        RemotingCommand unregister = broker.invokeSync(nameServer.address(),
                RemotingCommand.createRequestCommand(RequestCode.UNREGISTER_BROKER, header), TIMEOUT);
        assertThat(unregister.getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(routeCode("TopicA")).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);

        other.shutdown();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (routeCode("TopicB") != ResponseCode.TOPIC_NOT_EXIST && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(routeCode("TopicB")).as("dropped when its connection closed").isEqualTo(
                ResponseCode.TOPIC_NOT_EXIST);
        assertThat(client.getBrokerClusterInfo(TIMEOUT).getBrokerAddrTable()).isEmpty();
    }
}
