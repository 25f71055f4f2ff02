package io.karrier.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.rocketmq.remoting.protocol.RemotingSerializable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every body against the reference implementation (rocketmq-common 4.9.7, fastjson 1.2.69), both
 * ways, on random values: what fastjson writes, Karrier reads to the same properties; what
 * Karrier writes, fastjson reads to the same properties. The second direction is what proves the
 * official client accepts Karrier's bodies, object-keyed maps and numeric-keyed maps included.
 */
class BodyCrossCheckTest {

    private static final int CASES_PER_TYPE = 60;
    private static final String C = "org.apache.rocketmq.common.";

    /** Karrier's body, the reference body. */
    static final List<Object[]> PAIRS = List.of(
            pair(MessageQueue.class, C + "message.MessageQueue"),
            pair(DataVersion.class, C + "DataVersion"),
            pair(TopicConfig.class, C + "TopicConfig"),
            pair(TopicConfigSerializeWrapper.class, C + "protocol.body.TopicConfigSerializeWrapper"),
            pair(RegisterBrokerBody.class, C + "protocol.body.RegisterBrokerBody"),
            pair(TopicRouteData.class, C + "protocol.route.TopicRouteData"),
            pair(BrokerData.class, C + "protocol.route.BrokerData"),
            pair(QueueData.class, C + "protocol.route.QueueData"),
            pair(ClusterInfo.class, C + "protocol.body.ClusterInfo"),
            pair(TopicList.class, C + "protocol.body.TopicList"),
            pair(KVTable.class, C + "protocol.body.KVTable"),
            pair(HeartbeatData.class, C + "protocol.heartbeat.HeartbeatData"),
            pair(ProducerData.class, C + "protocol.heartbeat.ProducerData"),
            pair(ConsumerData.class, C + "protocol.heartbeat.ConsumerData"),
            pair(SubscriptionData.class, C + "protocol.heartbeat.SubscriptionData"),
            pair(LockBatchRequestBody.class, C + "protocol.body.LockBatchRequestBody"),
            pair(LockBatchResponseBody.class, C + "protocol.body.LockBatchResponseBody"),
            pair(UnlockBatchRequestBody.class, C + "protocol.body.UnlockBatchRequestBody"),
            pair(GetConsumerListByGroupResponseBody.class, C + "protocol.header.GetConsumerListByGroupResponseBody"),
            pair(ConsumerConnection.class, C + "protocol.body.ConsumerConnection"),
            pair(Connection.class, C + "protocol.body.Connection"),
            pair(ProducerConnection.class, C + "protocol.body.ProducerConnection"),
            pair(TopicStatsTable.class, C + "admin.TopicStatsTable"),
            pair(TopicOffset.class, C + "admin.TopicOffset"),
            pair(ConsumeStats.class, C + "admin.ConsumeStats"),
            pair(OffsetWrapper.class, C + "admin.OffsetWrapper"),
            pair(ResetOffsetBody.class, C + "protocol.body.ResetOffsetBody"),
            pair(GroupList.class, C + "protocol.body.GroupList"),
            pair(SubscriptionGroupConfig.class, C + "subscription.SubscriptionGroupConfig"),
            pair(SubscriptionGroupWrapper.class, C + "protocol.body.SubscriptionGroupWrapper"),
            pair(QueryConsumeTimeSpanBody.class, C + "protocol.body.QueryConsumeTimeSpanBody"),
            pair(QueueTimeSpan.class, C + "protocol.body.QueueTimeSpan"),
            pair(CheckClientRequestBody.class, C + "protocol.body.CheckClientRequestBody"));

    private static Object[] pair(Class<?> ours, String theirs) {
        try {
            return new Object[] {ours, Class.forName(theirs)};
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Object[] pair : PAIRS) {
            for (int seed = 0; seed < CASES_PER_TYPE; seed++) {
                cases.add(Arguments.of(((Class<?>) pair[0]).getSimpleName(), pair[0], pair[1], seed));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} #{3}")
    @MethodSource("cases")
    void fastjsonOutputReadsToTheSameProperties(String name, Class<?> ours, Class<?> theirs, long seed) {
        Object reference = new RandomObjects(seed, false).of(theirs, false);
        byte[] bytes = RemotingSerializable.encode(reference);

        Object decoded = RemotingJson.decode(bytes, ours);

        // what fastjson itself reads back is the yardstick: absent properties take the same defaults
        Object expected = RemotingSerializable.decode(bytes, theirs);
        assertThat(Canonical.of(decoded)).as(text(bytes)).isEqualTo(Canonical.of(expected));
    }

    @ParameterizedTest(name = "{0} #{3}")
    @MethodSource("cases")
    void karrierOutputReadsInFastjsonToTheSameProperties(String name, Class<?> ours, Class<?> theirs, long seed) {
        Object body = new RandomObjects(seed, false).of(ours, false);
        byte[] bytes = RemotingJson.encode(body);

        Object decoded = RemotingSerializable.decode(bytes, theirs);

        assertThat(Canonical.of(decoded)).as(text(bytes)).isEqualTo(Canonical.of(body));
    }

    @ParameterizedTest(name = "{0} #{3}")
    @MethodSource("cases")
    void karrierWritesTheBytesFastjsonWrites(String name, Class<?> ours, Class<?> theirs, long seed) {
        // upstream adds derived, human-readable *Str times to QueueTimeSpan; readers ignore them
        assumeFalse(ours == QueueTimeSpan.class || ours == QueryConsumeTimeSpanBody.class);
        // at most one element per collection, so that hash order cannot differ
        Object reference = new RandomObjects(seed, true).of(theirs, false);
        String expected = text(RemotingSerializable.encode(reference));

        String written = text(RemotingJson.encode(RemotingJson.decode(expected.getBytes(StandardCharsets.UTF_8), ours)));

        assertThat(written).isEqualTo(expected);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
