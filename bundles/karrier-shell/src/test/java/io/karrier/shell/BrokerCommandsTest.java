package io.karrier.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.karrier.api.remoting.LanguageCode;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.BrokerData;
import io.karrier.protocol.body.ClusterInfo;
import io.karrier.protocol.body.Connection;
import io.karrier.protocol.body.ConsumeFromWhere;
import io.karrier.protocol.body.ConsumeStats;
import io.karrier.protocol.body.ConsumeType;
import io.karrier.protocol.body.ConsumerConnection;
import io.karrier.protocol.body.DataVersion;
import io.karrier.protocol.body.KVTable;
import io.karrier.protocol.body.MessageModel;
import io.karrier.protocol.body.MessageQueue;
import io.karrier.protocol.body.OffsetWrapper;
import io.karrier.protocol.body.SubscriptionData;
import io.karrier.protocol.body.TopicConfig;
import io.karrier.protocol.body.TopicConfigSerializeWrapper;
import io.karrier.protocol.body.TopicFilterType;
import io.karrier.protocol.header.OffsetResponseHeader;
import io.karrier.shell.FakeServers.Output;

class BrokerCommandsTest {

    private final FakeServers servers = new FakeServers();
    private final Output out = new Output();

    private static ConsumerConnection oneConsumerOf(String topic) {
        return new ConsumerConnection(
                Set.of(new Connection("127.0.0.1:50000", "10.0.0.1@4242", LanguageCode.JAVA, 407)),
                ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
                Map.of(topic, new SubscriptionData(false, Set.of(), "TAG", "*", 1, Set.of(), topic)));
    }

    @Test
    void consumerProgressShowsLagPerQueueAndTheConnectedClients() throws Exception {
        servers.answer(RequestCode.GET_CONSUME_STATS, new ConsumeStats(1.5, Map.of(
                MessageQueue.of("orders", "broker-a", 0), new OffsetWrapper(10, 4, 0),
                MessageQueue.of("orders", "broker-a", 1), new OffsetWrapper(8, 8, 0))));
        servers.answer(RequestCode.GET_CONSUMER_CONNECTION_LIST, oneConsumerOf("orders"));
        ConsumerProgressCommand command = new ConsumerProgressCommand();
        command.group = "billing";

        command.run(servers.client(), out.stream);

        assertThat(servers.sent(RequestCode.GET_CONSUME_STATS).get(0).field("consumerGroup")).isEqualTo("billing");
        assertThat(out.lines().get(0)).contains("Topic", "Broker", "Queue", "Broker offset", "Consumer offset", "Lag");
        assertThat(out.lines().get(2)).containsPattern(
                "orders\\s+\\|\\s+broker-a\\s+\\|\\s+0\\s+\\|\\s+10\\s+\\|\\s+4\\s+\\|\\s+6\\s+\\|");
        assertThat(out.lines().get(3)).containsPattern("\\|\\s+1\\s+\\|\\s+8\\s+\\|\\s+8\\s+\\|\\s+0\\s+\\|");
        assertThat(out.text()).contains("Total lag of billing: 6")
                .contains("Connected consumers (CONSUME_PASSIVELY, CLUSTERING, CONSUME_FROM_LAST_OFFSET):")
                .containsPattern("10.0.0.1@4242\\s+\\|\\s+127.0.0.1:50000\\s+\\|\\s+JAVA\\s+\\|\\s+407");
    }

    @Test
    void consumerProgressWithoutCode208ReadsTheOffsetsOfTheSubscribedTopics() throws Exception {
        servers.answer(RequestCode.GET_CONSUMER_CONNECTION_LIST, oneConsumerOf("orders"));
        servers.answer(RequestCode.GET_ALL_TOPIC_CONFIG, new TopicConfigSerializeWrapper(new DataVersion(0, 0),
                Map.of("orders", new TopicConfig("orders", 1, 1, 6, TopicFilterType.SINGLE_TAG, 0, false))));
        servers.on(RequestCode.GET_MAX_OFFSET, request -> FakeServers.success(new OffsetResponseHeader(9)));
        servers.on(RequestCode.QUERY_CONSUMER_OFFSET, request -> FakeServers.success(new OffsetResponseHeader(2)));
        ConsumerProgressCommand command = new ConsumerProgressCommand();
        command.group = "billing";

        command.run(servers.client(), out.stream);

        assertThat(out.lines().get(2)).containsPattern("\\|\\s+0\\s+\\|\\s+9\\s+\\|\\s+2\\s+\\|\\s+7\\s+\\|");
        assertThat(out.text()).contains("Total lag of billing: 7");
    }

    @Test
    void consumerProgressSaysWhenNoConsumerIsConnected() throws Exception {
        servers.answer(RequestCode.GET_CONSUME_STATS, new ConsumeStats(0, Map.of()));
        servers.on(RequestCode.GET_CONSUMER_CONNECTION_LIST,
                request -> RemotingCommand.response(ResponseCode.CONSUMER_NOT_ONLINE, "the consumer group not online"));
        ConsumerProgressCommand command = new ConsumerProgressCommand();
        command.group = "billing";

        command.run(servers.client(), out.stream);

        assertThat(out.text()).contains("No consumer of billing is connected");
    }

    @Test
    void brokerStatusSaysSoWhenTheBrokerLacksRuntimeInfo() throws Exception {
        new BrokerStatusCommand().run(servers.client(), out.stream);

        assertThat(out.lines()).containsExactly("Broker broker-a at 127.0.0.1:10911",
                "This broker does not report runtime info yet (GET_BROKER_RUNTIME_INFO, code 28, not supported)");
    }

    @Test
    void brokerStatusSummarisesRuntimeInfoAndConfigThenListsEveryValue() throws Exception {
        servers.answer(RequestCode.GET_BROKER_RUNTIME_INFO, new KVTable(Map.of("brokerVersionDesc", "V4_9_7",
                "putTps", "12.5 10.0 3.1", "getTransferedTps", "0.0 4.0 1.0", "commitLogDiskRatio", "0.31")));
        servers.on(RequestCode.GET_BROKER_CONFIG, request -> FakeServers.success(
                "brokerRole=ASYNC_MASTER\nflushDiskType=ASYNC_FLUSH\n".getBytes(StandardCharsets.UTF_8)));

        new BrokerStatusCommand().run(servers.client(), out.stream);

        assertThat(out.text()).containsPattern("Role\\s+\\|\\s+ASYNC_MASTER")
                .containsPattern("Version\\s+\\|\\s+V4_9_7")
                .containsPattern("Flush\\s+\\|\\s+ASYNC_FLUSH")
                .containsPattern("Store usage \\(disk ratio\\)\\s+\\|\\s+0.31")
                .containsPattern("Put TPS \\(last minute\\)\\s+\\|\\s+10.0")
                .containsPattern("Get TPS \\(last minute\\)\\s+\\|\\s+4.0")
                .containsPattern("putTps\\s+\\|\\s+12.5 10.0 3.1");
    }

    @Test
    void clusterListShowsEachBrokerOfEachClusterFromTheNameServer() throws Exception {
        servers.answer(RequestCode.GET_BROKER_CLUSTER_INFO, new ClusterInfo(
                Map.of("broker-a", new BrokerData("DefaultCluster", "broker-a", Map.of(0L, "127.0.0.1:10911",
                        1L, "127.0.0.1:10921"))),
                Map.of("DefaultCluster", Set.of("broker-a"))));

        new ClusterListCommand().run(servers.client(), out.stream);

        assertThat(servers.sent(RequestCode.GET_BROKER_CLUSTER_INFO).get(0).address())
                .isEqualTo(FakeServers.NAME_SERVER);
        assertThat(out.lines()).hasSize(4);
        assertThat(out.lines().get(2)).containsPattern(
                "DefaultCluster\\s+\\|\\s+broker-a\\s+\\|\\s+0\\s+\\|\\s+master\\s+\\|\\s+127.0.0.1:10911");
        assertThat(out.lines().get(3)).containsPattern("\\|\\s+1\\s+\\|\\s+slave\\s+\\|\\s+127.0.0.1:10921");
    }
}
