package io.karrier.protocol.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The short-named send header (codes 310, 320, 325) against upstream's
 * {@code SendMessageRequestHeaderV2}, and our V1/V2 conversion against upstream's
 * {@code createSendMessageRequestHeaderV1/V2}.
 */
class SendMessageRequestHeaderV2Test {

    private static final int ROUNDS = 500;
    private static final int SEND_MESSAGE = 10;
    private static final int SEND_MESSAGE_V2 = 310;

    /** Our V1 component to upstream's V2 field (= the short extFields key). */
    private static final Map<String, String> SHORT_NAMES = shortNames();

    private static final HeaderCase V1 = HeaderCases.all().stream()
            .filter(c -> c.ours() == SendMessageRequestHeader.class).findFirst().orElseThrow();

    private static Map<String, String> shortNames() {
        Map<String, String> names = new LinkedHashMap<>();
        String[] longNames = {"producerGroup", "topic", "defaultTopic", "defaultTopicQueueNums", "queueId", "sysFlag",
            "bornTimestamp", "flag", "properties", "reconsumeTimes", "unitMode", "maxReconsumeTimes", "batch",
            "brokerName"};
        for (int i = 0; i < longNames.length; i++) {
            names.put(longNames[i], String.valueOf((char) ('a' + i)));
        }
        return names;
    }

    @Test
    void everyShortKeyIsAnUpstreamField() {
        assertThat(SHORT_NAMES.values()).containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l",
                "m", "n");
        for (String shortName : SHORT_NAMES.values()) {
            assertThat(Reference.get(new org.apache.rocketmq.common.protocol.header.SendMessageRequestHeaderV2(),
                    shortName)).as(shortName).isIn((Object) null, false);
        }
    }

    @Test
    void readsWhatUpstreamWritesAndConvertsToV1AsUpstreamDoes() {
        RandomValues values = new RandomValues(310);
        for (int round = 0; round < ROUNDS; round++) {
            var reference = (org.apache.rocketmq.common.protocol.header.SendMessageRequestHeaderV2) Reference.random(
                    org.apache.rocketmq.common.protocol.header.SendMessageRequestHeaderV2.class, Map.of(), values);
            Map<String, String> wire = Reference.encode(SEND_MESSAGE_V2, reference);

            SendMessageRequestHeaderV2 ours = SendMessageRequestHeaderV2.from(wire);

            String context = "round " + round + ", " + wire;
            assertAgreeShort(ours, reference, context);
            var referenceV1 = org.apache.rocketmq.common.protocol.header.SendMessageRequestHeaderV2
                    .createSendMessageRequestHeaderV1(reference);
            assertAgreeLong(ours.v1(), referenceV1, context);
            Map<String, String> written = ours.toExtFields();
            // upstream's V2 also inherits the "bname" field and writes it when set; the 4.9 client leaves it unset
            Map<String, String> expected = new HashMap<>(wire);
            expected.remove("bname");
            assertThat(written).as(context).isEqualTo(expected);
        }
    }

    @Test
    void upstreamReadsWhatWeWriteAndConvertsToV2AsWeDo() {
        RandomValues values = new RandomValues(320);
        for (int round = 0; round < ROUNDS; round++) {
            SendMessageRequestHeader v1 = (SendMessageRequestHeader) V1.random(values);
            SendMessageRequestHeaderV2 ours = new SendMessageRequestHeaderV2(v1);
            Map<String, String> wire = ours.toExtFields();

            var reference = Reference.decode(SEND_MESSAGE_V2, wire,
                    org.apache.rocketmq.common.protocol.header.SendMessageRequestHeaderV2.class);

            String context = "round " + round + ", " + v1;
            assertAgreeShort(ours, reference, context);
            assertThat(SendMessageRequestHeaderV2.from(wire)).as(context).isEqualTo(ours);

            // V1 wire form -> upstream V1 -> upstream's V2 conversion -> wire: the same as our V2 wire form
            var referenceV1 = Reference.decode(SEND_MESSAGE, v1.toExtFields(),
                    org.apache.rocketmq.common.protocol.header.SendMessageRequestHeader.class);
            var referenceV2 = org.apache.rocketmq.common.protocol.header.SendMessageRequestHeaderV2
                    .createSendMessageRequestHeaderV2(referenceV1);
            assertThat(Reference.encode(SEND_MESSAGE_V2, referenceV2)).as(context).isEqualTo(wire);
        }
    }

    @Test
    void aBatchSetsM() {
        SendMessageRequestHeader v1 = new SendMessageRequestHeader("pg", "t", "TBW102", 4, 0, 0, 1L, 0, null, 0,
                false, true, null, "broker-a");
        Map<String, String> wire = new SendMessageRequestHeaderV2(v1).toExtFields();
        assertThat(wire).containsEntry("m", "true").containsEntry("k", "false").containsEntry("n", "broker-a")
                .doesNotContainKeys("i", "l", "bname", "batch");
    }

    @Test
    void theBrokerNameIsReadFromNNotFromBname() {
        Map<String, String> wire = new SendMessageRequestHeaderV2(new SendMessageRequestHeader("pg", "t", "TBW102", 4,
                0, 0, 1L, 0, null, null, false, false, null, null)).toExtFields();
        wire.put("bname", "broker-b");
        assertThat(SendMessageRequestHeaderV2.from(wire).v1().brokerName()).isNull();
    }

    @Test
    void shortKeysAreNamedInErrors() {
        Map<String, String> wire = new SendMessageRequestHeaderV2(new SendMessageRequestHeader("pg", "t", "TBW102", 4,
                0, 0, 1L, 0, null, null, false, false, null, null)).toExtFields();
        wire.remove("b");
        assertThatThrownBy(() -> SendMessageRequestHeaderV2.from(wire))
                .isInstanceOf(MalformedHeaderException.class).hasMessage("missing required header field 'b'");
        wire.put("b", "t");
        wire.put("g", "yesterday");
        assertThatThrownBy(() -> SendMessageRequestHeaderV2.from(wire))
                .hasMessage("header field 'g' is not a 64-bit integer: 'yesterday'");
        assertThatThrownBy(() -> SendMessageRequestHeaderV2.from(null))
                .hasMessage("missing required header field 'a'");
    }

    private static void assertAgreeShort(SendMessageRequestHeaderV2 ours, Object reference, String context) {
        for (var component : SendMessageRequestHeader.class.getRecordComponents()) {
            String shortName = SHORT_NAMES.get(component.getName());
            assertThat(V1.value(ours.v1(), component)).as("%s <-> %s; %s", component.getName(), shortName, context)
                    .isEqualTo(Reference.get(reference, shortName));
        }
    }

    private static void assertAgreeLong(SendMessageRequestHeader ours, Object reference, String context) {
        for (var component : SendMessageRequestHeader.class.getRecordComponents()) {
            String field = V1.referenceField(component.getName());
            assertThat(V1.value(ours, component)).as("%s <-> %s; %s", component.getName(), field, context)
                    .isEqualTo(Reference.get(reference, field));
        }
    }
}
