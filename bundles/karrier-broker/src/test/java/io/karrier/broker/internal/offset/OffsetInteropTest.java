package io.karrier.broker.internal.offset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.common.protocol.header.QueryConsumerOffsetRequestHeader;
import org.apache.rocketmq.common.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.store.AppendResult;
import io.karrier.broker.internal.BrokerTestBed;
import io.karrier.broker.internal.OfficialClientApi;
import io.karrier.broker.internal.StoredMessages;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;

/** Offset codes as the official 4.9.7 client sees them, against a whole broker. */
class OffsetInteropTest {

    private static final String TOPIC = "OffsetTopic";
    private static final String GROUP = "offset-group";

    @TempDir
    Path dir;

    private static QueryConsumerOffsetRequestHeader query(int queueId) {
        QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
        header.setConsumerGroup(GROUP);
        header.setTopic(TOPIC);
        header.setQueueId(queueId);
        return header;
    }

    private static UpdateConsumerOffsetRequestHeader update(int queueId, long offset) {
        UpdateConsumerOffsetRequestHeader header = new UpdateConsumerOffsetRequestHeader();
        header.setConsumerGroup(GROUP);
        header.setTopic(TOPIC);
        header.setQueueId(queueId);
        header.setCommitOffset(offset);
        return header;
    }

    private static MessageQueue queue(int queueId) {
        return new MessageQueue(TOPIC, "broker-test", queueId);
    }

    @Test
    void committedOffsetsAreAnsweredAndSurviveARestart() throws Exception {
        try (BrokerTestBed bed = new BrokerTestBed(dir); OfficialClientApi client = new OfficialClientApi()) {
            client.api.updateConsumerOffset(bed.address(), update(0, 42), 5000);
            client.api.updateConsumerOffset(bed.address(), update(1, 7), 5000);
            client.api.updateConsumerOffset(bed.address(), update(1, 8), 5000);

            assertThat(client.api.queryConsumerOffset(bed.address(), query(0), 5000)).isEqualTo(42);
            assertThat(client.api.queryConsumerOffset(bed.address(), query(1), 5000)).isEqualTo(8);
        }
        try (BrokerTestBed bed = new BrokerTestBed(dir); OfficialClientApi client = new OfficialClientApi()) {
            assertThat(client.api.queryConsumerOffset(bed.address(), query(0), 5000)).isEqualTo(42);
            assertThat(client.api.queryConsumerOffset(bed.address(), query(1), 5000)).isEqualTo(8);
        }
    }

    @Test
    void aGroupWithoutOffsetStartsAtZeroWhileTheQueueStillStartsThere() throws Exception {
        try (BrokerTestBed bed = new BrokerTestBed(dir); OfficialClientApi client = new OfficialClientApi()) {
            assertThat(client.api.queryConsumerOffset(bed.address(), query(0), 5000)).as("no queue yet").isZero();
            StoredMessages messages = new StoredMessages(bed);
            messages.createTopic(TOPIC, 2);
            messages.put(TOPIC, 0, 3);

            assertThat(client.api.queryConsumerOffset(bed.address(), query(0), 5000)).as("first message in memory")
                    .isZero();
        }
    }

    @Test
    void answersQueueOffsetsAndTimes() throws Exception {
        try (BrokerTestBed bed = new BrokerTestBed(dir); OfficialClientApi client = new OfficialClientApi()) {
            StoredMessages messages = new StoredMessages(bed);
            messages.createTopic(TOPIC, 2);
            long before = System.currentTimeMillis();
            AppendResult first = messages.put(TOPIC, 1, null, null, null, "first");
            Thread.sleep(20);
            AppendResult second = messages.put(TOPIC, 1, null, null, null, "second");
            messages.put(TOPIC, 1, null, null, null, "third");

            assertThat(client.api.getMaxOffset(bed.address(), queue(1), 5000)).isEqualTo(3);
            assertThat(client.api.getMinOffset(bed.address(), queue(1), 5000)).isZero();
            assertThat(client.api.getMaxOffset(bed.address(), queue(0), 5000)).as("empty queue").isZero();
            assertThat(client.api.getEarliestMsgStoretime(bed.address(), queue(1), 5000))
                    .isEqualTo(first.storeTimestamp()).isGreaterThanOrEqualTo(before);
            assertThat(client.api.getEarliestMsgStoretime(bed.address(), queue(0), 5000)).isEqualTo(-1);
            assertThat(client.api.searchOffset(bed.address(), queue(1), second.storeTimestamp(), 5000)).isEqualTo(1);
        }
    }

    @Test
    void aQueueWhoseFirstMessageIsOnlyOnDiskAnswersNotFound() throws Exception {
        try (BrokerTestBed bed = new BrokerTestBed(dir)) {
            StoredMessages messages = new StoredMessages(bed);
            messages.createTopic(TOPIC, 2);
            messages.put(TOPIC, 0, 2);
            ConsumerOffsetProcessor processor = new ConsumerOffsetProcessor(ConsumerOffsets.open(bed.store), bed.store,
                    new MemoryWindow(10));
            RemotingCommand request = RemotingCommand.request(RequestCode.QUERY_CONSUMER_OFFSET);
            new io.karrier.protocol.header.QueryConsumerOffsetRequestHeader(GROUP, TOPIC, 0, null).writeTo(request);

            RemotingCommand answer = processor.process(null, request).toCompletableFuture().get();

            assertThat(answer.code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);
            assertThat(answer.remark()).isEqualTo("Not found, V3_0_6_SNAPSHOT maybe this group consumer boot first");
        }
    }

    @Test
    void refusesToStoreAnOffsetUnderANameItsTableCannotHold() throws Exception {
        try (BrokerTestBed bed = new BrokerTestBed(dir); OfficialClientApi client = new OfficialClientApi()) {
            UpdateConsumerOffsetRequestHeader header = update(0, 1);
            header.setConsumerGroup("bad@group");

            assertThatThrownBy(() -> client.api.updateConsumerOffset(bed.address(), header, 5000))
                    .isInstanceOfSatisfying(MQBrokerException.class,
                            e -> assertThat(e.getResponseCode()).isEqualTo(ResponseCode.SYSTEM_ERROR));
        }
    }
}
