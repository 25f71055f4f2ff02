package io.karrier.namesrv.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.karrier.protocol.body.BrokerData;
import io.karrier.protocol.body.DataVersion;
import io.karrier.protocol.body.QueueData;
import io.karrier.protocol.body.RegisterBrokerBody;
import io.karrier.protocol.body.TopicConfig;
import io.karrier.protocol.body.TopicConfigSerializeWrapper;
import io.karrier.protocol.body.TopicFilterType;
import io.karrier.protocol.body.TopicRouteData;
import io.karrier.protocol.header.BrokerIdentityRequestHeader;
import io.karrier.protocol.header.RegisterBrokerRequestHeader;
import io.karrier.protocol.header.RegisterBrokerResponseHeader;

class RouteRegistryTest {

    private static final String CLUSTER = "DefaultCluster";
    private static final String MASTER_A = "10.0.0.1:10911";
    private static final String SLAVE_A = "10.0.0.2:10911";
    private static final String MASTER_B = "10.0.0.3:10911";
    private static final Duration EXPIRY = Duration.ofSeconds(120);

    private final ManualClock clock = new ManualClock();
    private final RouteRegistry registry = new RouteRegistry(clock);
    private final FakeChannel channelA = new FakeChannel("a");
    private final FakeChannel channelSlave = new FakeChannel("slave");
    private final FakeChannel channelB = new FakeChannel("b");

    static RegisterBrokerRequestHeader header(String cluster, String name, long id, String address) {
        return new RegisterBrokerRequestHeader(name, address, cluster, address.replace("10911", "10912"), id,
                false, 0);
    }

    static TopicConfig topic(String name, int queues, int perm) {
        return new TopicConfig(name, queues, queues, perm, TopicFilterType.SINGLE_TAG, 0, false);
    }

    static RegisterBrokerBody body(long version, TopicConfig... topics) {
        Map<String, TopicConfig> table = new LinkedHashMap<>();
        Arrays.stream(topics).forEach(topic -> table.put(topic.topicName(), topic));
        return new RegisterBrokerBody(List.of(), new TopicConfigSerializeWrapper(new DataVersion(version, 1000L),
                table));
    }

    private RegisterBrokerResponseHeader registerMasterA(long version, TopicConfig... topics) {
        return registry.register(header(CLUSTER, "broker-a", 0, MASTER_A), body(version, topics), channelA);
    }

    private TopicRouteData route(String topic) {
        return registry.snapshot().route(topic).orElseThrow();
    }

    @Test
    void servesTheRouteOfARegisteredMastersTopics() {
        RegisterBrokerResponseHeader answer = registerMasterA(1, topic("TopicA", 8, 6), topic("TBW102", 8, 7));

        assertThat(answer).isEqualTo(new RegisterBrokerResponseHeader(null, null));
        TopicRouteData route = route("TopicA");
        assertThat(route.brokerDatas()).containsExactly(new BrokerData(CLUSTER, "broker-a", Map.of(0L, MASTER_A)));
        assertThat(route.queueDatas()).containsExactly(new QueueData("broker-a", 8, 8, 6, 0));
        assertThat(route.orderTopicConf()).isNull();
        assertThat(registry.snapshot().route("Unknown")).isEmpty();
    }

    @Test
    void servesTbw102LikeAnyTopicSoProducersCanAutoCreate() {
        registerMasterA(1, topic("TBW102", 8, 7));

        assertThat(route("TBW102").queueDatas()).containsExactly(new QueueData("broker-a", 8, 8, 7, 0));
        assertThat(route("TBW102").brokerDatas()).extracting(BrokerData::brokerAddrs)
                .containsExactly(Map.of(0L, MASTER_A));
    }

    @Test
    void slaveGetsItsMastersAddressesButWritesNoQueueData() {
        RegisterBrokerResponseHeader orphan = registry.register(header(CLUSTER, "broker-a", 1, SLAVE_A),
                body(1, topic("OnlyOnSlave", 4, 6)), channelSlave);
        assertThat(orphan).isEqualTo(new RegisterBrokerResponseHeader(null, null));
        assertThat(registry.snapshot().route("OnlyOnSlave")).isEmpty();

        registerMasterA(1, topic("TopicA", 8, 6));
        RegisterBrokerResponseHeader answer = registry.register(header(CLUSTER, "broker-a", 1, SLAVE_A),
                body(1, topic("TopicA", 8, 6)), channelSlave);

        assertThat(answer).isEqualTo(new RegisterBrokerResponseHeader("10.0.0.1:10912", MASTER_A));
        assertThat(route("TopicA").brokerDatas().get(0).brokerAddrs()).isEqualTo(Map.of(0L, MASTER_A, 1L, SLAVE_A));
    }

    @Test
    void slaveTurnedMasterKeepsOneIdPerAddress() {
        registry.register(header(CLUSTER, "broker-a", 1, SLAVE_A), body(1), channelSlave);
        registry.register(header(CLUSTER, "broker-a", 0, SLAVE_A), body(1, topic("TopicA", 4, 6)), channelSlave);

        assertThat(route("TopicA").brokerDatas().get(0).brokerAddrs()).isEqualTo(Map.of(0L, SLAVE_A));
    }

    @Test
    void rebuildsQueueDataOnlyWhenTheDataVersionChanges() {
        registerMasterA(1, topic("TopicA", 8, 6));
        RouteSnapshot before = registry.snapshot();

        registerMasterA(1, topic("TopicA", 16, 6));
        assertThat(registry.snapshot()).as("an unchanged version publishes nothing").isSameAs(before);
        assertThat(route("TopicA").queueDatas().get(0).writeQueueNums()).isEqualTo(8);

        registerMasterA(2, topic("TopicA", 16, 6), topic("TopicB", 2, 6));
        assertThat(route("TopicA").queueDatas().get(0).writeQueueNums()).isEqualTo(16);
        assertThat(route("TopicB").queueDatas().get(0).writeQueueNums()).isEqualTo(2);
    }

    @Test
    void topicsABrokerStopsListingStayUntilDeleted() {
        registerMasterA(1, topic("TopicA", 8, 6), topic("Old", 8, 6));
        registerMasterA(2, topic("TopicA", 8, 6));

        assertThat(registry.snapshot().route("Old")).isPresent();
        registry.deleteTopic("Old", null);
        assertThat(registry.snapshot().route("Old")).isEmpty();
    }

    @Test
    void answersDataVersionQueriesAndCountsAnUnchangedVersionAsLife() {
        DataVersionCheck unknown = registry.checkDataVersion(MASTER_A, new DataVersion(1, 1000L));
        assertThat(unknown).isEqualTo(new DataVersionCheck(true, null));

        registerMasterA(1, topic("TopicA", 8, 6));
        assertThat(registry.checkDataVersion(MASTER_A, new DataVersion(2, 1000L)))
                .isEqualTo(new DataVersionCheck(true, new DataVersion(1, 1000L)));

        clock.advance(Duration.ofSeconds(100));
        assertThat(registry.checkDataVersion(MASTER_A, new DataVersion(1, 1000L)))
                .isEqualTo(new DataVersionCheck(false, new DataVersion(1, 1000L)));
        clock.advance(Duration.ofSeconds(100));
        assertThat(registry.removeExpired(EXPIRY)).as("the query 100 s ago renewed the broker").isZero();
    }

    @Test
    void dropsABrokerNotHeardFromWithinTheExpiryAndClosesItsChannel() {
        registerMasterA(1, topic("TopicA", 8, 6));
        registry.register(header(CLUSTER, "broker-b", 0, MASTER_B), body(1, topic("TopicA", 4, 6)), channelB);

        clock.advance(Duration.ofSeconds(60));
        registerMasterA(1, topic("TopicA", 8, 6));
        clock.advance(Duration.ofSeconds(60));
        assertThat(registry.removeExpired(EXPIRY)).as("exactly 120 s is not yet expired").isZero();

        clock.advance(Duration.ofMillis(1));
        assertThat(registry.removeExpired(EXPIRY)).isEqualTo(1);
        assertThat(channelB.closed()).isTrue();
        assertThat(channelA.closed()).isFalse();
        assertThat(route("TopicA").brokerDatas()).extracting(BrokerData::brokerName).containsExactly("broker-a");
        assertThat(route("TopicA").queueDatas()).extracting(QueueData::brokerName).containsExactly("broker-a");
        assertThat(registry.snapshot().clusterInfo().brokerAddrTable()).containsOnlyKeys("broker-a");
    }

    @Test
    void dropsTheBrokersOfAClosedChannelAtOnce() {
        registerMasterA(1, topic("TopicA", 8, 6));
        registry.register(header(CLUSTER, "broker-b", 0, MASTER_B), body(1, topic("TopicB", 4, 6)), channelB);

        registry.channelClosed(new FakeChannel("b"));

        assertThat(registry.snapshot().route("TopicB")).isEmpty();
        assertThat(registry.snapshot().route("TopicA")).isPresent();
        assertThat(registry.snapshot().clusterInfo().clusterAddrTable()).isEqualTo(Map.of(CLUSTER, Set.of(
                "broker-a")));
    }

    @Test
    void aClosedOldChannelDoesNotDropABrokerThatReconnected() {
        registerMasterA(1, topic("TopicA", 8, 6));
        registry.register(header(CLUSTER, "broker-a", 0, MASTER_A), body(1, topic("TopicA", 8, 6)),
                new FakeChannel("a-reconnected"));

        registry.channelClosed(channelA);

        assertThat(registry.snapshot().route("TopicA")).isPresent();
    }

    @Test
    void unregisteringTheLastAddressRemovesTheBrokerNameItsQueuesAndItsCluster() {
        registerMasterA(1, topic("Shared", 8, 6), topic("OnlyA", 8, 6));
        registry.register(header("OtherCluster", "broker-b", 0, MASTER_B), body(1, topic("Shared", 4, 6)), channelB);

        registry.unregister(new BrokerIdentityRequestHeader("broker-a", MASTER_A, CLUSTER, 0));

        assertThat(registry.snapshot().route("OnlyA")).isEmpty();
        assertThat(registry.snapshot().allTopics().topicList()).containsExactly("Shared");
        assertThat(route("Shared").queueDatas()).extracting(QueueData::brokerName).containsExactly("broker-b");
        assertThat(registry.snapshot().clusterInfo().clusterAddrTable()).containsOnlyKeys("OtherCluster");
    }

    @Test
    void aMasterGoneWhileItsSlaveLivesKeepsTheQueuesForConsumers() {
        registerMasterA(1, topic("TopicA", 8, 6));
        registry.register(header(CLUSTER, "broker-a", 1, SLAVE_A), body(1), channelSlave);

        registry.channelClosed(channelA);

        TopicRouteData route = route("TopicA");
        assertThat(route.brokerDatas().get(0).brokerAddrs()).isEqualTo(Map.of(1L, SLAVE_A));
        assertThat(route.queueDatas()).hasSize(1);
    }

    @Test
    void wipesAndRestoresWritePermission() {
        registerMasterA(1, topic("TopicA", 8, 7), topic("TopicB", 8, 4));
        registry.register(header(CLUSTER, "broker-b", 0, MASTER_B), body(1, topic("TopicA", 8, 6)), channelB);

        assertThat(registry.wipeWritePermission("broker-a")).isEqualTo(2);
        assertThat(route("TopicA").queueDatas()).extracting(QueueData::perm).containsExactly(5, 6);
        assertThat(route("TopicB").queueDatas()).extracting(QueueData::perm).containsExactly(4);

        assertThat(registry.addWritePermission("broker-a")).isEqualTo(2);
        assertThat(route("TopicA").queueDatas()).extracting(QueueData::perm).containsExactly(6, 6);
        assertThat(registry.wipeWritePermission("nobody")).isZero();
    }

    @Test
    void deletesATopicFromOneClusterOnly() {
        registerMasterA(1, topic("TopicA", 8, 6));
        registry.register(header("OtherCluster", "broker-b", 0, MASTER_B), body(1, topic("TopicA", 4, 6)), channelB);

        registry.deleteTopic("TopicA", "OtherCluster");
        assertThat(route("TopicA").queueDatas()).extracting(QueueData::brokerName).containsExactly("broker-a");

        registry.deleteTopic("TopicA", CLUSTER);
        assertThat(registry.snapshot().route("TopicA")).isEmpty();
    }

    @Test
    void listsClustersTopicsAndSystemTopics() {
        registerMasterA(1, topic("TopicA", 8, 6), new TopicConfig("UnitTopic", 1, 1, 6, TopicFilterType.SINGLE_TAG,
                RouteSnapshot.UNIT_FLAG, false));
        registry.register(header("OtherCluster", "broker-b", 0, MASTER_B), body(1, topic("TopicB", 4, 6)), channelB);
        RouteSnapshot routes = registry.snapshot();

        assertThat(routes.clusterInfo().clusterAddrTable())
                .isEqualTo(Map.of(CLUSTER, Set.of("broker-a"), "OtherCluster", Set.of("broker-b")));
        assertThat(routes.clusterInfo().brokerAddrTable().get("broker-b"))
                .isEqualTo(new BrokerData("OtherCluster", "broker-b", Map.of(0L, MASTER_B)));
        assertThat(routes.allTopics().topicList()).containsExactly("TopicA", "TopicB", "UnitTopic");
        assertThat(routes.topicsOfCluster(CLUSTER).topicList()).containsExactly("TopicA", "UnitTopic");
        assertThat(routes.topicsOfCluster("NoSuchCluster").topicList()).isEmpty();
        assertThat(routes.systemTopics().topicList())
                .containsExactly(CLUSTER, "OtherCluster", "broker-a", "broker-b");
        assertThat(routes.systemTopics().brokerAddr()).isEqualTo(MASTER_A);
        assertThat(routes.topicsWithSysFlag(flag -> (flag & RouteSnapshot.UNIT_FLAG) != 0).topicList())
                .containsExactly("UnitTopic");
    }

    @Test
    void routeNamesTheFilterServersOfItsBrokers() {
        registry.register(header(CLUSTER, "broker-a", 0, MASTER_A), new RegisterBrokerBody(List.of("10.0.0.9:30000"),
                body(1, topic("TopicA", 8, 6)).topicConfigSerializeWrapper()), channelA);

        assertThat(route("TopicA").filterServerTable()).isEqualTo(Map.of(MASTER_A, List.of("10.0.0.9:30000")));
    }
}
