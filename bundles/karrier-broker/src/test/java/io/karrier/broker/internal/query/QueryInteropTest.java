package io.karrier.broker.internal.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.protocol.header.QueryMessageRequestHeader;
import org.apache.rocketmq.common.protocol.header.QueryMessageResponseHeader;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.api.store.AppendResult;
import io.karrier.broker.internal.BrokerTestBed;
import io.karrier.broker.internal.OfficialClientApi;
import io.karrier.broker.internal.StoredMessages;
import io.karrier.protocol.ResponseCode;

/** VIEW_MESSAGE_BY_ID and QUERY_MESSAGE as the official 4.9.7 client sees them. */
class QueryInteropTest {

    private static final String TOPIC = "QueryTopic";

    @TempDir
    Path dir;
    private BrokerTestBed bed;
    private StoredMessages messages;
    private OfficialClientApi client;

    @BeforeEach
    void start() throws Exception {
        bed = new BrokerTestBed(dir);
        messages = new StoredMessages(bed);
        messages.createTopic(TOPIC, 2);
        messages.createTopic("OtherTopic", 1);
        client = new OfficialClientApi();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        bed.close();
    }

    private void awaitNoPins() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (bed.pins.open() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(bed.pins.open()).as("record selections still pinned").isZero();
    }

    private RemotingCommand query(String key, int maxNum, boolean uniqueKey) throws Exception {
        QueryMessageRequestHeader header = new QueryMessageRequestHeader();
        header.setTopic(TOPIC);
        header.setKey(key);
        header.setMaxNum(maxNum);
        header.setBeginTimestamp(0L);
        header.setEndTimestamp(Long.MAX_VALUE);
        CompletableFuture<RemotingCommand> answer = new CompletableFuture<>();
        client.api.queryMessage(bed.address(), header, 5000, future -> answer.complete(future.getResponseCommand()),
                uniqueKey);
        return answer.get(5, TimeUnit.SECONDS);
    }

    private static List<String> bodies(RemotingCommand response) {
        return MessageDecoder.decodes(ByteBuffer.wrap(response.getBody())).stream()
                .map(message -> new String(message.getBody(), StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void viewsAMessageByItsCommitLogOffset() throws Exception {
        messages.put(TOPIC, 0, "TagA", "k1", null, "first");
        AppendResult second = messages.put(TOPIC, 1, "TagB", "k2", "UNIQ-2", "second");

        MessageExt message = client.api.viewMessage(bed.address(), second.commitLogOffsets()[0], 5000);

        assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo("second");
        assertThat(message.getTags()).isEqualTo("TagB");
        assertThat(message.getKeys()).isEqualTo("k2");
        assertThat(message.getQueueId()).isEqualTo(1);
        assertThat(message.getCommitLogOffset()).isEqualTo(second.commitLogOffsets()[0]);
        awaitNoPins();
    }

    @Test
    void answersAnOffsetWithoutMessageAsRocketMqDoes() {
        assertThatThrownBy(() -> client.api.viewMessage(bed.address(), 123_456, 5000))
                .isInstanceOfSatisfying(MQBrokerException.class, e -> {
                    assertThat(e.getResponseCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
                    assertThat(e.getErrorMessage()).isEqualTo("can not find message by the offset, 123456");
                });
    }

    @Test
    void findsMessagesByKeyAmongTheirKeys() throws Exception {
        messages.put(TOPIC, 0, null, "order-1 shared", null, "one");
        messages.put(TOPIC, 1, null, "order-2", null, "two");
        messages.put(TOPIC, 0, null, "shared", null, "three");
        messages.put("OtherTopic", 0, null, "shared", null, "other topic");
        messages.put(TOPIC, 0, null, "share", null, "prefix only");

        RemotingCommand response = query("shared", 32, false);

        assertThat(response.getCode()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(bodies(response)).containsExactlyInAnyOrder("one", "three");
        assertThat(bed.pins.handedOut()).isEqualTo(1);
        QueryMessageResponseHeader header = (QueryMessageResponseHeader) response
                .decodeCommandCustomHeader(QueryMessageResponseHeader.class);
        assertThat(header.getIndexLastUpdateTimestamp()).isPositive();
        assertThat(header.getIndexLastUpdatePhyoffset()).isPositive();
        awaitNoPins();
    }

    @Test
    void sendsOnlyCandidatesThatReallyHoldTheKey() throws Exception {
        assertThat((TOPIC + "#Aa").hashCode()).isEqualTo((TOPIC + "#BB").hashCode());
        messages.put(TOPIC, 0, null, "Aa", null, "Aa");
        messages.put(TOPIC, 1, null, "BB", null, "BB, same index hash");

        assertThat(bodies(query("Aa", 32, false))).containsExactly("Aa");
        assertThat(bodies(query("BB", 32, false))).containsExactly("BB, same index hash");
    }

    @Test
    void findsAMessageByItsUniqueKey() throws Exception {
        messages.put(TOPIC, 0, null, "k", "AC110001000018B4AAC2", "unique");
        messages.put(TOPIC, 0, null, "AC110001000018B4AAC2", null, "key looks like the id");

        RemotingCommand response = query("AC110001000018B4AAC2", 1, true);

        assertThat(bodies(response)).containsExactly("unique");
    }

    @Test
    void answersNotFoundWhenNoMessageHoldsTheKey() throws Exception {
        messages.put(TOPIC, 0, null, "present", null, "x");

        RemotingCommand response = query("absent", 32, false);

        assertThat(response.getCode()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);
        assertThat(response.getRemark()).isEqualTo("can not find message, maybe time range not correct");
        awaitNoPins();
    }
}
