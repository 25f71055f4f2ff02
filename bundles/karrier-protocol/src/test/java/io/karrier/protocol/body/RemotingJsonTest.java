package io.karrier.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.rocketmq.remoting.protocol.RemotingSerializable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The dialect and the leniency of {@link RemotingJson}, case by case. */
class RemotingJsonTest {

    private static final MessageQueue QUEUE = MessageQueue.of("t", "b", 0);

    @Test
    void writesMessageQueueKeysAsJsonObjects() {
        byte[] bytes = RemotingJson.encode(new TopicStatsTable(Map.of(QUEUE, new TopicOffset(0, 9, 3))));

        assertThat(text(bytes)).isEqualTo(
                "{\"offsetTable\":{{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"t\"}:"
                        + "{\"lastUpdateTimestamp\":0,\"maxOffset\":9,\"minOffset\":3}}}");
    }

    @Test
    void writesBrokerIdsAsBareNumbersAndStandardJsonQuoted() {
        BrokerData broker = new BrokerData("c", "b", Map.of(0L, "10.0.0.1:10911"));

        assertThat(text(RemotingJson.encode(broker)))
                .isEqualTo("{\"brokerAddrs\":{0:\"10.0.0.1:10911\"},\"brokerName\":\"b\",\"cluster\":\"c\"}");
        assertThat(text(RemotingJson.encodeStandard(broker)))
                .isEqualTo("{\"brokerAddrs\":{\"0\":\"10.0.0.1:10911\"},\"brokerName\":\"b\",\"cluster\":\"c\"}");
    }

    @Test
    void standardJsonReadsBackInBothParsers() {
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            TopicRouteData route = (TopicRouteData) new RandomObjects(random.nextLong(), false)
                    .of(TopicRouteData.class, false);
            byte[] bytes = RemotingJson.encodeStandard(route);

            assertThat(text(bytes)).matches("\\p{ASCII}*");
            assertThat(RemotingJson.decode(bytes, TopicRouteData.class)).isEqualTo(route);
            Object theirs = RemotingSerializable.decode(bytes,
                    org.apache.rocketmq.common.protocol.route.TopicRouteData.class);
            assertThat(Canonical.of(theirs)).isEqualTo(Canonical.of(route));
        }
    }

    @Test
    void readsWhatEncodeWrites() {
        Random random = new Random(11);
        for (Object[] pair : BodyCrossCheckTest.PAIRS) {
            for (int i = 0; i < 20; i++) {
                Object body = new RandomObjects(random.nextLong(), false).of((Class<?>) pair[0], false);
                assertThat(RemotingJson.decode(RemotingJson.encode(body), (Class<?>) pair[0])).isEqualTo(body);
            }
        }
    }

    @Test
    void ignoresUnknownPropertiesAndAcceptsLooseForms() {
        String json = "{clientId:'c1', 'consumerGroup':\"g\", \"extra\":{\"deep\":[1,2,{\"x\":null}]}, "
                + "\"mqSet\":[{\"brokerName\":\"b\",\"queueId\":\"0\",\"topic\":\"t\",\"more\":1},]}";

        LockBatchRequestBody body = RemotingJson.decode(bytes(json), LockBatchRequestBody.class);

        assertThat(body).isEqualTo(new LockBatchRequestBody("c1", "g", java.util.Set.of(QUEUE)));
    }

    @Test
    void readsNumbersWhereStringsAreExpectedAndUnknownEnumsAsNull() {
        ConsumerData data = RemotingJson.decode(
                bytes("{\"groupName\":42,\"consumeType\":\"CONSUME_SOMEHOW\",\"messageModel\":\"CLUSTERING\"}"),
                ConsumerData.class);

        assertThat(data.groupName()).isEqualTo("42");
        assertThat(data.consumeType()).isNull();
        assertThat(data.messageModel()).isEqualTo(MessageModel.CLUSTERING);
    }

    @Test
    void readsObjectAndNegativeKeysWithSpaces() {
        String json = "{ \"offsetTable\" : { { \"brokerName\" : \"b\", \"queueId\" : 0, \"topic\" : \"t\" } : 5 } }";
        assertThat(RemotingJson.decode(bytes(json), ResetOffsetBody.class).offsetTable()).containsEntry(QUEUE, 5L);

        BrokerData broker = RemotingJson.decode(bytes("{\"brokerAddrs\":{-1:\"a\", 2 :\"b\",\"3\":\"c\"}}"),
                BrokerData.class);
        assertThat(broker.brokerAddrs()).isEqualTo(Map.of(-1L, "a", 2L, "b", 3L, "c"));
    }

    @Test
    void missingPropertiesTakeRocketMqDefaults() {
        assertThat(Canonical.of(RemotingJson.decode(bytes("{}"), TopicConfig.class)))
                .isEqualTo(Canonical.of(new org.apache.rocketmq.common.TopicConfig()));
        assertThat(Canonical.of(RemotingJson.decode(bytes("{\"groupName\":\"g\"}"), SubscriptionGroupConfig.class)))
                .isEqualTo(Canonical.of(RemotingSerializable.decode(bytes("{\"groupName\":\"g\"}"),
                        org.apache.rocketmq.common.subscription.SubscriptionGroupConfig.class)));
        assertThat(SubscriptionGroupConfig.of("g")).isEqualTo(RemotingJson.decode(bytes("{\"groupName\":\"g\"}"),
                SubscriptionGroupConfig.class));
        assertThat(RemotingJson.decode(bytes("{}"), SubscriptionData.class).expressionType()).isEqualTo("TAG");
        assertThat(RemotingJson.decode(bytes("{}"), HeartbeatData.class).consumerDataSet()).isEmpty();
    }

    @Test
    void writesEmptyCollectionsTheClientNeeds() {
        assertThat(text(RemotingJson.encode(new LockBatchResponseBody(null)))).isEqualTo("{\"lockOKMQSet\":[]}");
        assertThat(text(RemotingJson.encode(new GetConsumerListByGroupResponseBody(List.of("a@1")))))
                .isEqualTo("{\"consumerIdList\":[\"a@1\"]}");
    }

    @Test
    void emptyBodyDecodesAsNull() {
        assertThat(RemotingJson.decode(new byte[0], TopicList.class)).isNull();
        assertThat(RemotingJson.decode(null, TopicList.class)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[1,2]", "{\"topicList\":{\"a\":1}}", "not json", "{\"topicList\":[\"a\"]}}x",
        "{\"brokerAddr\":{}}", "\"text\""})
    void badJsonIsAOneLineMalformedBodyException(String json) {
        assertThatThrownBy(() -> RemotingJson.decode(bytes(json), TopicList.class))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageStartingWith("malformed TopicList body: ")
                .hasMessageNotContaining("\n")
                .hasCauseInstanceOf(Exception.class);
    }

    @Test
    void badObjectKeyIsAMalformedBodyException() {
        assertThatThrownBy(() -> RemotingJson.decode(bytes("{\"offsetTable\":{\"MessageQueue [t]\":5}}"),
                ResetOffsetBody.class))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageStartingWith("malformed ResetOffsetBody body: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void messageQueuesOrderAsRocketMq() {
        Random random = new Random(3);
        String[] names = {"a", "b", "B", "", "中"};
        List<MessageQueue> ours = new ArrayList<>();
        List<org.apache.rocketmq.common.message.MessageQueue> theirs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String topic = names[random.nextInt(names.length)];
            String broker = names[random.nextInt(names.length)];
            int id = random.nextInt(4) - 1;
            ours.add(MessageQueue.of(topic, broker, id));
            theirs.add(new org.apache.rocketmq.common.message.MessageQueue(topic, broker, id));
        }
        for (int i = 0; i < ours.size(); i++) {
            for (int j = 0; j < ours.size(); j++) {
                assertThat(Integer.signum(ours.get(i).compareTo(ours.get(j))))
                        .isEqualTo(Integer.signum(theirs.get(i).compareTo(theirs.get(j))));
                assertThat(ours.get(i).equals(ours.get(j))).isEqualTo(theirs.get(i).equals(theirs.get(j)));
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
