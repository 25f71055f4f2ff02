package io.karrier.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.rocketmq.common.protocol.body.RegisterBrokerBody;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The compressed REGISTER_BROKER body against upstream's {@code RegisterBrokerBody.encode(true)/decode(…, true)}. */
class RegisterBrokerBodyCodecTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19})
    void readsWhatUpstreamCompressesAndUpstreamReadsOurs(int seed) throws Exception {
        io.karrier.protocol.body.RegisterBrokerBody ours = withoutLostFields(
                (io.karrier.protocol.body.RegisterBrokerBody) new RandomObjects(seed, false)
                        .of(io.karrier.protocol.body.RegisterBrokerBody.class, false));
        RegisterBrokerBody theirs = RegisterBrokerBody.decode(RemotingJson.encode(ours), false);

        assertThat(RegisterBrokerBodyCodec.decodeCompressed(theirs.encode(true))).isEqualTo(ours);
        assertThat(Canonical.of(RegisterBrokerBody.decode(RegisterBrokerBodyCodec.encodeCompressed(ours), true)))
                .isEqualTo(Canonical.of(ours));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 20, 40})
    void truncatedOrCorruptStreamIsMalformed(int cut) {
        byte[] good = RegisterBrokerBodyCodec.encodeCompressed(new io.karrier.protocol.body.RegisterBrokerBody(null,
                new TopicConfigSerializeWrapper(new DataVersion(1, 2), Map.of("t", TopicConfig.of("t")))));
        byte[] bad = Arrays.copyOf(good, Math.min(cut, good.length - 1));

        assertThatThrownBy(() -> RegisterBrokerBodyCodec.decodeCompressed(bad))
                .isInstanceOf(MalformedBodyException.class)
                .hasMessageStartingWith("malformed compressed RegisterBrokerBody");
    }

    /** The text form keeps no sys flag or order, and no spaces in names: keep to what it can carry. */
    private static io.karrier.protocol.body.RegisterBrokerBody withoutLostFields(
            io.karrier.protocol.body.RegisterBrokerBody body) {
        Map<String, TopicConfig> topics = new LinkedHashMap<>();
        body.topicConfigSerializeWrapper().topicConfigTable().forEach((name, topic) -> {
            String clean = name.replaceAll("\\s", "_");
            topics.put(clean, new TopicConfig(clean, topic.readQueueNums(), topic.writeQueueNums(), topic.perm(),
                    topic.topicFilterType(), 0, false));
        });
        return new io.karrier.protocol.body.RegisterBrokerBody(body.filterServerList(),
                new TopicConfigSerializeWrapper(body.topicConfigSerializeWrapper().dataVersion(), topics));
    }
}
