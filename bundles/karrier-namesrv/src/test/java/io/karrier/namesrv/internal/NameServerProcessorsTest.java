package io.karrier.namesrv.internal;

import static io.karrier.namesrv.internal.RouteRegistryTest.body;
import static io.karrier.namesrv.internal.RouteRegistryTest.header;
import static io.karrier.namesrv.internal.RouteRegistryTest.topic;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.protocol.MqVersion;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.DataVersion;
import io.karrier.protocol.body.KVTable;
import io.karrier.protocol.body.RegisterBrokerBody;
import io.karrier.protocol.body.RegisterBrokerBodyCodec;
import io.karrier.protocol.body.RemotingJson;
import io.karrier.protocol.body.TopicRouteData;
import io.karrier.protocol.header.BrokerIdentityRequestHeader;
import io.karrier.protocol.header.GetRouteInfoRequestHeader;
import io.karrier.protocol.header.PutKvConfigRequestHeader;
import io.karrier.protocol.header.QueryDataVersionResponseHeader;
import io.karrier.protocol.header.RegisterBrokerRequestHeader;
import io.karrier.protocol.header.RegisterBrokerResponseHeader;
import io.karrier.protocol.message.BodyCrc;

/** The processors driven directly, without a network: what goes in the headers and bodies. */
class NameServerProcessorsTest {

    private static final String MASTER = "10.0.0.1:10911";

    @TempDir
    Path dir;

    private final FakeChannel channel = new FakeChannel("broker");
    private final RouteRegistry registry = new RouteRegistry(new ManualClock());
    private KvConfigStore kvConfig;
    private BrokerRegistrationProcessor registration;
    private KvConfigProcessor kvProcessor;

    @BeforeEach
    void open() throws Exception {
        kvConfig = new KvConfigStore(dir.resolve("kvConfig.json"));
        registration = new BrokerRegistrationProcessor(registry, kvConfig);
        kvProcessor = new KvConfigProcessor(kvConfig);
    }

    @AfterEach
    void close() throws InterruptedException {
        kvConfig.deactivate();
    }

    private RemotingCommand call(RequestProcessor processor, RemotingCommand request) throws Exception {
        return processor.process(channel, request).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static RemotingCommand request(int code, io.karrier.protocol.header.CommandHeader header) {
        RemotingCommand request = RemotingCommand.request(code).version(MqVersion.CURRENT);
        return header == null ? request : header.writeTo(request);
    }

    private RemotingCommand register(RegisterBrokerRequestHeader header, byte[] body) throws Exception {
        return call(registration, request(RequestCode.REGISTER_BROKER, header).body(body));
    }

    private RemotingCommand route(RouteQueryProcessor processor, String topic, int version) throws Exception {
        return call(processor, request(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader(topic, null))
                .version(version));
    }

    @Test
    void registersFromTheCompressedBodyWithItsCrc() throws Exception {
        byte[] compressed = RegisterBrokerBodyCodec.encodeCompressed(body(1, topic("TopicA", 8, 6)));
        RegisterBrokerRequestHeader plain = header("DefaultCluster", "broker-a", 0, MASTER);
        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader(plain.brokerName(), plain.brokerAddr(),
                plain.clusterName(), plain.haServerAddr(), 0, true, BodyCrc.of(compressed));

        RemotingCommand response = register(header, compressed);

        assertThat(response.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(response.hasBody()).as("no order-topic table yet").isFalse();
        assertThat(registry.snapshot().route("TopicA")).isPresent();
    }

    @Test
    void refusesABodyWhoseCrcDoesNotMatch() throws Exception {
        byte[] json = RemotingJson.encode(body(1, topic("TopicA", 8, 6)));
        RegisterBrokerRequestHeader plain = header("DefaultCluster", "broker-a", 0, MASTER);
        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader(plain.brokerName(), plain.brokerAddr(),
                plain.clusterName(), plain.haServerAddr(), 0, false, BodyCrc.of(json) ^ 1);

        RemotingCommand response = register(header, json);

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).isEqualTo("crc32 not match");
        assertThat(registry.snapshot().route("TopicA")).isEmpty();
    }

    @Test
    void answersASlaveWithItsMasterAndEveryBrokerWithTheOrderTopicTable() throws Exception {
        kvConfig.put(KvConfigStore.ORDER_TOPIC_CONFIG, "OrderTopic", "broker-a:4").toCompletableFuture().get();
        register(header("DefaultCluster", "broker-a", 0, MASTER), RemotingJson.encode(body(1)));

        RemotingCommand response = register(header("DefaultCluster", "broker-a", 1, "10.0.0.2:10911"), null);

        assertThat(RegisterBrokerResponseHeader.from(response.extFields()))
                .isEqualTo(new RegisterBrokerResponseHeader("10.0.0.1:10912", MASTER));
        assertThat(RemotingJson.decode(response.bodyBytes(), KVTable.class).table())
                .isEqualTo(Map.of("OrderTopic", "broker-a:4"));
    }

    @Test
    void answersABadHeaderWithSystemErrorNamingTheField() throws Exception {
        RemotingCommand response = call(registration, RemotingCommand.request(RequestCode.REGISTER_BROKER)
                .putExtField("brokerName", "broker-a"));

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).contains("brokerAddr");
    }

    @Test
    void answersABadBodyWithSystemError() throws Exception {
        RemotingCommand response = register(header("DefaultCluster", "broker-a", 0, MASTER),
                "not json".getBytes(StandardCharsets.UTF_8));

        assertThat(response.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.remark()).contains("RegisterBrokerBody");
    }

    @Test
    void leavesOutNullsAPeerSendsAndKeepsServing() throws Exception {
        byte[] json = ("{\"filterServerList\":[null],\"topicConfigSerializeWrapper\":{\"dataVersion\":{\"counter\":1},"
                + "\"topicConfigTable\":{\"NoName\":{\"readQueueNums\":1},\"TopicA\":{\"topicName\":\"TopicA\"}}}}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(register(header("DefaultCluster", "broker-a", 0, MASTER), json).code())
                .isEqualTo(ResponseCode.SUCCESS);
        register(header("DefaultCluster", "broker-b", 0, "10.0.0.3:10911"), RemotingJson.encode(body(1, topic("TopicB", 1, 6))));

        assertThat(registry.snapshot().allTopics().topicList()).containsExactly("TopicA", "TopicB");
        assertThat(registry.snapshot().filterServers()).isEmpty();
    }

    @Test
    void tellsABrokerWhetherItsDataVersionChanged() throws Exception {
        register(header("DefaultCluster", "broker-a", 0, MASTER), RemotingJson.encode(body(3)));
        BrokerIdentityRequestHeader who = new BrokerIdentityRequestHeader("broker-a", MASTER, "DefaultCluster", 0);

        RemotingCommand same = call(registration, request(RequestCode.QUERY_DATA_VERSION, who)
                .body(RemotingJson.encode(new DataVersion(3, 1000L))));
        RemotingCommand newer = call(registration, request(RequestCode.QUERY_DATA_VERSION, who)
                .body(RemotingJson.encode(new DataVersion(4, 1000L))));

        assertThat(QueryDataVersionResponseHeader.from(same.extFields()).changed()).isFalse();
        assertThat(QueryDataVersionResponseHeader.from(newer.extFields()).changed()).isTrue();
        assertThat(RemotingJson.decode(newer.bodyBytes(), DataVersion.class)).isEqualTo(new DataVersion(3, 1000L));
    }

    @Test
    void answersAnUnknownTopicWithRocketMqsRemark() throws Exception {
        RemotingCommand response = route(new RouteQueryProcessor(registry, kvConfig, false), "Nope", MqVersion.CURRENT);

        assertThat(response.code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
        assertThat(response.remark()).isEqualTo("No topic route info in name server for the topic: Nope"
                + "\nSee http://rocketmq.apache.org/docs/faq/ for further details.");
    }

    @Test
    void writesStandardJsonToNewClientsAndFastjsonsDialectToOldOnes() throws Exception {
        register(header("DefaultCluster", "broker-a", 0, MASTER), RemotingJson.encode(body(1, topic("TopicA", 8, 6))));
        RouteQueryProcessor routes = new RouteQueryProcessor(registry, kvConfig, false);

        String current = new String(route(routes, "TopicA", MqVersion.V4_9_4).bodyBytes(), StandardCharsets.UTF_8);
        String old = new String(route(routes, "TopicA", MqVersion.V4_1_0_SNAPSHOT).bodyBytes(),
                StandardCharsets.UTF_8);
        RemotingCommand asked = call(routes, request(RequestCode.GET_ROUTEINFO_BY_TOPIC,
                new GetRouteInfoRequestHeader("TopicA", true)).version(0));

        assertThat(current).contains("\"brokerAddrs\":{\"0\":\"10.0.0.1:10911\"}");
        assertThat(old).contains("\"brokerAddrs\":{0:\"10.0.0.1:10911\"}");
        assertThat(new String(asked.bodyBytes(), StandardCharsets.UTF_8)).isEqualTo(current);
    }

    @Test
    void addsTheOrderTopicConfigurationOnlyWhenEnabled() throws Exception {
        register(header("DefaultCluster", "broker-a", 0, MASTER), RemotingJson.encode(body(1, topic("OrderTopic", 4, 6))));
        call(kvProcessor, request(RequestCode.PUT_KV_CONFIG,
                new PutKvConfigRequestHeader(KvConfigStore.ORDER_TOPIC_CONFIG, "OrderTopic", "broker-a:4")));

        TopicRouteData enabled = RemotingJson.decode(route(new RouteQueryProcessor(registry, kvConfig, true),
                "OrderTopic", MqVersion.CURRENT).bodyBytes(), TopicRouteData.class);
        TopicRouteData disabled = RemotingJson.decode(route(new RouteQueryProcessor(registry, kvConfig, false),
                "OrderTopic", MqVersion.CURRENT).bodyBytes(), TopicRouteData.class);

        assertThat(enabled.orderTopicConf()).isEqualTo("broker-a:4");
        assertThat(disabled.orderTopicConf()).isNull();
    }

    @Test
    void answersMissingKvEntriesWithQueryNotFound() throws Exception {
        RemotingCommand get = call(kvProcessor, RemotingCommand.request(RequestCode.GET_KV_CONFIG)
                .putExtField("namespace", "ns").putExtField("key", "k"));
        RemotingCommand list = call(kvProcessor, RemotingCommand.request(RequestCode.GET_KVLIST_BY_NAMESPACE)
                .putExtField("namespace", "ns"));

        assertThat(get.code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);
        assertThat(get.remark()).isEqualTo("No config item, Namespace: ns Key: k");
        assertThat(list.code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);
        assertThat(list.remark()).isEqualTo("No config item, Namespace: ns");
    }
}
