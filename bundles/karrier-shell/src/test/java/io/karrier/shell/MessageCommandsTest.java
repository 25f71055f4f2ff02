package io.karrier.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.DataVersion;
import io.karrier.protocol.body.TopicConfig;
import io.karrier.protocol.body.TopicConfigSerializeWrapper;
import io.karrier.protocol.body.TopicFilterType;
import io.karrier.protocol.header.OffsetResponseHeader;
import io.karrier.protocol.header.PullMessageResponseHeader;
import io.karrier.protocol.header.SendMessageResponseHeader;
import io.karrier.protocol.message.MessageProperties;
import io.karrier.protocol.message.OffsetMessageId;
import io.karrier.shell.FakeServers.Output;
import io.karrier.shell.internal.AdminException;

class MessageCommandsTest {

    private final FakeServers servers = new FakeServers();
    private final Output out = new Output();

    MessageCommandsTest() {
        servers.answer(RequestCode.GET_ALL_TOPIC_CONFIG, new TopicConfigSerializeWrapper(new DataVersion(0, 0),
                Map.of("orders", new TopicConfig("orders", 2, 2, 6, TopicFilterType.SINGLE_TAG, 0, false))));
    }

    @Test
    void sendPutsTagKeysAndPropertiesInTheHeaderAndPrintsWhereTheMessageWent() throws Exception {
        servers.on(RequestCode.SEND_MESSAGE_V2, request -> FakeServers.success(
                new SendMessageResponseHeader("7F00000100002A9F0000000000000064", 1, 42, null)));
        SendCommand command = new SendCommand();
        command.topic = "orders";
        command.body = "hello";
        command.tag = "new";
        command.keys = "order-1 customer-9";
        command.userProperties = List.of("region=eu", "note=a=b");
        command.queue = 1;

        command.run(servers.client(), out.stream);

        RemotingCommand request = servers.sent(RequestCode.SEND_MESSAGE_V2).get(0).request();
        assertThat(request.extField("b")).isEqualTo("orders");
        assertThat(request.extField("e")).isEqualTo("1");
        assertThat(new String(request.bodyBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
        Map<String, String> properties = MessageProperties.parse(request.extField("i"));
        assertThat(properties).containsEntry("TAGS", "new").containsEntry("KEYS", "order-1 customer-9")
                .containsEntry("region", "eu").containsEntry("note", "a=b").containsKey("UNIQ_KEY");
        assertThat(out.lines().get(0)).contains("Msg id", "Offset msg id", "Queue", "Queue offset");
        assertThat(out.lines().get(2)).startsWith(properties.get("UNIQ_KEY"))
                .containsPattern("7F00000100002A9F0000000000000064\\s+\\|\\s+1\\s+\\|\\s+42$");
    }

    @Test
    void sendReadsTheBodyFromAFile(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("body.bin"), new byte[] {0, 1, 2});
        servers.on(RequestCode.SEND_MESSAGE_V2, request -> FakeServers.success(
                new SendMessageResponseHeader("7F00000100002A9F0000000000000064", 0, 0, null)));
        SendCommand command = new SendCommand();
        command.topic = "orders";
        command.file = file.toString();

        command.run(servers.client(), out.stream);

        assertThat(servers.sent(RequestCode.SEND_MESSAGE_V2).get(0).request().bodyBytes()).containsExactly(0, 1, 2);
    }

    @Test
    void sendRefusesAQueueTheTopicDoesNotHave() {
        SendCommand command = new SendCommand();
        command.topic = "orders";
        command.body = "x";
        command.queue = 2;

        assertThatThrownBy(() -> command.run(servers.client(), out.stream)).isInstanceOf(AdminException.class)
                .hasMessage("topic orders has write queues 0 to 1, not 2");
        assertThat(servers.sent(RequestCode.SEND_MESSAGE_V2)).isEmpty();
    }

    private void queueWithMessages() {
        Map<String, String> tagged = new LinkedHashMap<>();
        tagged.put("TAGS", "new");
        tagged.put("KEYS", "order-1");
        tagged.put("UNIQ_KEY", "AC11000100002A9F0000000000000001");
        byte[] records = FakeServers.records(5,
                FakeServers.message("orders", 0, "first\nline".getBytes(StandardCharsets.UTF_8), tagged).build(),
                FakeServers.message("orders", 0, new byte[] {(byte) 0xff, 0, 7}, Map.of()).build());
        servers.on(RequestCode.PULL_MESSAGE, request -> {
            long from = Long.parseLong(request.extField("queueOffset"));
            boolean queue0 = request.extField("queueId").equals("0");
            RemotingCommand response = queue0 && from == 5
                    ? FakeServers.success(records)
                    : RemotingCommand.response(ResponseCode.PULL_NOT_FOUND, "no new message");
            return new PullMessageResponseHeader(0, queue0 && from == 5 ? 7 : from, 0, 7).writeTo(response);
        });
        servers.on(RequestCode.QUERY_CONSUMER_OFFSET, request -> request.extField("queueId").equals("0")
                ? FakeServers.success(new OffsetResponseHeader(5))
                : RemotingCommand.response(ResponseCode.QUERY_NOT_FOUND, "Not found, V3_0_6_SNAPSHOT maybe"));
        servers.on(RequestCode.GET_MIN_OFFSET, request -> FakeServers.success(new OffsetResponseHeader(0)));
        servers.answer(RequestCode.UPDATE_CONSUMER_OFFSET, null);
    }

    @Test
    void consumeStartsAtTheCommittedOffsetShowsTextAndHexAndCommitsNothing() throws Exception {
        queueWithMessages();
        ConsumeCommand command = new ConsumeCommand();
        command.topic = "orders";
        command.group = "billing";

        command.run(servers.client(), out.stream);

        assertThat(servers.sent(RequestCode.PULL_MESSAGE).get(0).request().extFields())
                .containsEntry("consumerGroup", "billing").containsEntry("queueOffset", "5")
                .containsEntry("subscription", "*").containsEntry("sysFlag", "4");
        assertThat(out.lines()).hasSize(5);
        assertThat(out.lines().get(0)).contains("Queue", "Offset", "Msg id", "Tags", "Keys", "Stored", "Body");
        assertThat(out.lines().get(2)).containsPattern("0\\s+\\|\\s+5\\s+\\|\\s+AC11000100002A9F0000000000000001\\s+\\|"
                + "\\s+new\\s+\\|\\s+order-1\\s+\\|.*2026-11-25.*\\|\\s+first\\\\nline$");
        assertThat(out.lines().get(3)).containsPattern("\\|\\s+6\\s+\\|.*\\|\\s+hex ff 00 07$");
        assertThat(out.lines().get(4)).isEqualTo("2 messages, no offset committed");
        assertThat(servers.sent(RequestCode.UPDATE_CONSUMER_OFFSET)).isEmpty();
    }

    @Test
    void consumeWithCommitStoresTheOffsetPastTheLastMessageRead() throws Exception {
        queueWithMessages();
        ConsumeCommand command = new ConsumeCommand();
        command.topic = "orders";
        command.group = "billing";
        command.count = 1;
        command.commit = true;

        command.run(servers.client(), out.stream);

        assertThat(servers.sent(RequestCode.UPDATE_CONSUMER_OFFSET)).singleElement().satisfies(sent -> assertThat(
                sent.request().extFields()).containsEntry("consumerGroup", "billing").containsEntry("queueId", "0")
                .containsEntry("commitOffset", "6"));
        assertThat(out.text()).contains("1 message, offsets of billing committed");
    }

    @Test
    void consumeFromBeginningIgnoresTheCommittedOffset() throws Exception {
        queueWithMessages();
        ConsumeCommand command = new ConsumeCommand();
        command.topic = "orders";
        command.fromBeginning = true;
        command.queue = 1;

        command.run(servers.client(), out.stream);

        assertThat(servers.sent(RequestCode.QUERY_CONSUMER_OFFSET)).isEmpty();
        assertThat(servers.sent(RequestCode.PULL_MESSAGE)).singleElement()
                .satisfies(sent -> assertThat(sent.field("queueOffset")).isEqualTo("0"));
        assertThat(out.text()).contains("0 messages");
    }

    @Test
    void consumeRefusesTwoStartingPointsBeforeAsking() {
        ConsumeCommand command = new ConsumeCommand();
        command.topic = "orders";
        command.offset = 3L;
        command.fromBeginning = true;

        assertThatThrownBy(() -> command.run(servers.client(), out.stream)).isInstanceOf(AdminException.class)
                .hasMessage("give either --offset or --from-beginning, not both");
        assertThat(servers.sent).isEmpty();
    }

    @Test
    void messageViewsByOffsetIdAndShowsEveryField() throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("TAGS", "new");
        properties.put("region", "eu");
        servers.on(RequestCode.VIEW_MESSAGE_BY_ID, request -> FakeServers.success(FakeServers.records(3,
                FakeServers.message("orders", 1, "hello".getBytes(StandardCharsets.UTF_8), properties).build())));
        MessageCommand command = new MessageCommand();
        command.id = new OffsetMessageId(FakeServers.STORE_HOST, 1234).encode();

        command.run(servers.client(), out.stream);

        assertThat(servers.sent(RequestCode.VIEW_MESSAGE_BY_ID).get(0).field("offset")).isEqualTo("1234");
        assertThat(out.text()).containsPattern("Topic\\s+\\|\\s+orders").containsPattern("Queue offset\\s+\\|\\s+3")
                .containsPattern("Tags\\s+\\|\\s+new").containsPattern("Property region\\s+\\|\\s+eu")
                .containsPattern("Body \\(5 bytes\\)\\s+\\|\\s+hello");
    }

    @Test
    void messageQueriesByKeyInATopic() throws Exception {
        servers.on(RequestCode.QUERY_MESSAGE, request -> FakeServers.success(FakeServers.records(0,
                FakeServers.message("orders", 0, "a".getBytes(StandardCharsets.UTF_8), Map.of("KEYS", "k1")).build(),
                FakeServers.message("orders", 1, "b".getBytes(StandardCharsets.UTF_8), Map.of("KEYS", "k1")).build())));
        MessageCommand command = new MessageCommand();
        command.topic = "orders";
        command.key = "k1";

        command.run(servers.client(), out.stream);

        assertThat(servers.sent(RequestCode.QUERY_MESSAGE).get(0).request().extFields())
                .containsEntry("topic", "orders").containsEntry("key", "k1");
        assertThat(out.text().split("Topic ", -1)).hasSize(3);
    }

    @Test
    void messageFallsBackToTheUniqueIdWhenTheOffsetIdFindsNothing() throws Exception {
        servers.on(RequestCode.VIEW_MESSAGE_BY_ID,
                request -> RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "can not find message by the offset"));
        servers.on(RequestCode.QUERY_MESSAGE, request -> RemotingCommand.response(ResponseCode.QUERY_NOT_FOUND, null));
        MessageCommand command = new MessageCommand();
        command.id = "AC11000100002A9F0000000000000001";
        command.topic = "orders";

        assertThatThrownBy(() -> command.run(servers.client(), out.stream)).isInstanceOf(AdminException.class)
                .hasMessage("no message found for AC11000100002A9F0000000000000001 in orders");
        assertThat(servers.sent(RequestCode.QUERY_MESSAGE).get(0).field("_UNIQUE_KEY_QUERY")).isEqualTo("true");
    }
}
