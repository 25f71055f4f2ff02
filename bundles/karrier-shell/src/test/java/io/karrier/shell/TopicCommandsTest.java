package io.karrier.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.DataVersion;
import io.karrier.protocol.body.MessageQueue;
import io.karrier.protocol.body.TopicConfig;
import io.karrier.protocol.body.TopicConfigSerializeWrapper;
import io.karrier.protocol.body.TopicFilterType;
import io.karrier.protocol.body.TopicOffset;
import io.karrier.protocol.body.TopicStatsTable;
import io.karrier.protocol.header.OffsetResponseHeader;
import io.karrier.shell.FakeServers.Output;
import io.karrier.shell.internal.AdminException;

class TopicCommandsTest {

    private final FakeServers servers = new FakeServers();
    private final Output out = new Output();

    private void topics(TopicConfig... configs) {
        Map<String, TopicConfig> table = new java.util.HashMap<>();
        for (TopicConfig config : configs) {
            table.put(config.topicName(), config);
        }
        servers.answer(RequestCode.GET_ALL_TOPIC_CONFIG, new TopicConfigSerializeWrapper(new DataVersion(0, 0), table));
    }

    @Test
    void topicListShowsEveryTopicSortedWithQueuesAndPermission() throws Exception {
        topics(new TopicConfig("orders", 8, 4, 6, TopicFilterType.SINGLE_TAG, 0, true),
                new TopicConfig("audit", 2, 2, 4, TopicFilterType.SINGLE_TAG, 0, false));

        new TopicListCommand().run(servers.client(), out.stream);

        assertThat(out.lines()).hasSize(4);
        assertThat(out.lines().get(0)).contains("Topic", "Read queues", "Write queues", "Perm", "Order");
        assertThat(out.lines().get(2)).containsPattern("audit\\s+\\|\\s+2\\s+\\|\\s+2\\s+\\|\\s+R\\s+\\|\\s+false");
        assertThat(out.lines().get(3)).containsPattern("orders\\s+\\|\\s+8\\s+\\|\\s+4\\s+\\|\\s+RW\\s+\\|\\s+true");
    }

    @Test
    void topicCreateSendsTheQueuesPermissionAndOrderAsMqadminDoes() throws Exception {
        servers.answer(RequestCode.UPDATE_AND_CREATE_TOPIC, null);
        TopicCreateCommand command = new TopicCreateCommand();
        command.topic = "orders";
        command.readQueues = 4;
        command.perm = "r";
        command.order = true;

        command.run(servers.client(), out.stream);

        FakeServers.Sent sent = servers.sent(RequestCode.UPDATE_AND_CREATE_TOPIC).get(0);
        assertThat(sent.address()).isEqualTo(FakeServers.BROKER);
        assertThat(sent.request().extFields()).containsEntry("topic", "orders").containsEntry("defaultTopic", "TBW102")
                .containsEntry("readQueueNums", "4").containsEntry("writeQueueNums", "8").containsEntry("perm", "4")
                .containsEntry("topicFilterType", "SINGLE_TAG").containsEntry("order", "true");
        assertThat(out.text()).contains("Topic orders created on broker-a: 4 read / 8 write queues, perm R, ordered");
    }

    @Test
    void topicCreateReportsTheBrokersCodeAndRemark() {
        servers.on(RequestCode.UPDATE_AND_CREATE_TOPIC,
                request -> RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                        "The topic[a b] is conflict with system topic."));
        TopicCreateCommand command = new TopicCreateCommand();
        command.topic = "a b";

        assertThatThrownBy(() -> command.run(servers.client(), out.stream)).isInstanceOf(AdminException.class)
                .hasMessage("create topic a b failed: code 1, The topic[a b] is conflict with system topic.");
    }

    @Test
    void topicCreateRefusesABadPermissionBeforeAsking() {
        TopicCreateCommand command = new TopicCreateCommand();
        command.topic = "orders";
        command.perm = "RWZ";

        assertThatThrownBy(() -> command.run(servers.client(), out.stream))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("R, W and X");
        assertThat(servers.sent).isEmpty();
    }

    @Test
    void topicDeleteAsksTheBrokerThenTheNameServer() throws Exception {
        servers.answer(RequestCode.DELETE_TOPIC_IN_BROKER, null).answer(RequestCode.DELETE_TOPIC_IN_NAMESRV, null);
        TopicDeleteCommand command = new TopicDeleteCommand();
        command.topic = "orders";

        command.run(servers.client(), out.stream);

        assertThat(servers.sent).extracting(s -> s.request().code() + "@" + s.address()).containsExactly(
                RequestCode.DELETE_TOPIC_IN_BROKER + "@" + FakeServers.BROKER,
                RequestCode.DELETE_TOPIC_IN_NAMESRV + "@" + FakeServers.NAME_SERVER);
        assertThat(servers.sent).allSatisfy(s -> assertThat(s.field("topic")).isEqualTo("orders"));
        assertThat(out.text()).contains("Topic orders deleted from broker-a and the name server");
    }

    @Test
    void topicStatsShowsWhatGetTopicStatsInfoReports() throws Exception {
        long stored = java.time.Instant.parse("2026-11-25T12:00:00Z").toEpochMilli();
        servers.answer(RequestCode.GET_TOPIC_STATS_INFO, new TopicStatsTable(Map.of(
                MessageQueue.of("orders", "broker-a", 1), new TopicOffset(0, 0, 0),
                MessageQueue.of("orders", "broker-a", 0), new TopicOffset(stored, 12, 2))));
        TopicStatsCommand command = new TopicStatsCommand();
        command.topic = "orders";

        command.run(servers.client(), out.stream);

        assertThat(out.lines()).hasSize(4);
        assertThat(out.lines().get(2))
                .containsPattern("broker-a\\s+\\|\\s+0\\s+\\|\\s+2\\s+\\|\\s+12\\s+\\|\\s+10\\s+\\|")
                .contains("2026-11-25");
        assertThat(out.lines().get(3)).containsPattern("\\|\\s+1\\s+\\|\\s+0\\s+\\|\\s+0\\s+\\|\\s+0\\s+\\|\\s+-$");
    }

    @Test
    void topicStatsOfATopicTheBrokerDoesNotHaveSaysSo() {
        servers.on(RequestCode.GET_TOPIC_STATS_INFO,
                request -> RemotingCommand.response(ResponseCode.TOPIC_NOT_EXIST, "topic[nope] not exist"));
        TopicStatsCommand command = new TopicStatsCommand();
        command.topic = "nope";

        assertThatThrownBy(() -> command.run(servers.client(), out.stream)).isInstanceOf(AdminException.class)
                .hasMessage("topic nope does not exist on broker broker-a");
    }

    @Test
    void topicStatsFallsBackToMinAndMaxOffsetsWhenTheBrokerLacksCode202() throws Exception {
        topics(new TopicConfig("orders", 2, 2, 6, TopicFilterType.SINGLE_TAG, 0, false));
        servers.on(RequestCode.GET_MIN_OFFSET, request -> FakeServers.success(new OffsetResponseHeader(3)))
                .on(RequestCode.GET_MAX_OFFSET, request -> FakeServers.success(
                        new OffsetResponseHeader(10 + Long.parseLong(request.extField("queueId")))));
        TopicStatsCommand command = new TopicStatsCommand();
        command.topic = "orders";

        command.run(servers.client(), out.stream);

        assertThat(servers.sent(RequestCode.GET_TOPIC_STATS_INFO)).hasSize(1);
        assertThat(out.lines().get(2)).containsPattern("\\|\\s+0\\s+\\|\\s+3\\s+\\|\\s+10\\s+\\|\\s+7\\s+\\|\\s+-$");
        assertThat(out.lines().get(3)).containsPattern("\\|\\s+1\\s+\\|\\s+3\\s+\\|\\s+11\\s+\\|\\s+8\\s+\\|\\s+-$");
    }
}
