package io.karrier.broker.internal.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.rocketmq.client.consumer.PullCallback;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.impl.CommunicationMode;
import org.apache.rocketmq.client.impl.consumer.PullResultExt;
import org.apache.rocketmq.common.message.MessageDecoder;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.protocol.header.PullMessageRequestHeader;
import org.apache.rocketmq.common.protocol.header.QueryConsumerOffsetRequestHeader;
import org.apache.rocketmq.common.sysflag.PullSysFlag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.broker.internal.BrokerTestBed;
import io.karrier.broker.internal.OfficialClientApi;
import io.karrier.broker.internal.StoredMessages;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.TopicConfig;
import io.karrier.protocol.body.TopicFilterType;

/** PULL_MESSAGE as the official 4.9.7 client sees it, against a whole broker. */
class PullInteropTest {

    private static final String TOPIC = "PullTopic";
    private static final String GROUP = "pull-group";
    private static final int SUBSCRIPTION = PullSysFlag.buildSysFlag(false, false, true, false);
    private static final int SUSPEND_WITH_SUBSCRIPTION = PullSysFlag.buildSysFlag(false, true, true, false);

    @TempDir
    Path dir;
    private BrokerTestBed bed;
    private StoredMessages messages;
    private OfficialClientApi client;

    @BeforeEach
    void start() throws Exception {
        bed = new BrokerTestBed(dir);
        messages = new StoredMessages(bed);
        messages.createTopic(TOPIC, 4);
        client = new OfficialClientApi();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        bed.close();
    }

    private static PullMessageRequestHeader header(int queueId, long offset, int sysFlag, String subscription,
            long suspendMillis) {
        PullMessageRequestHeader header = new PullMessageRequestHeader();
        header.setConsumerGroup(GROUP);
        header.setTopic(TOPIC);
        header.setQueueId(queueId);
        header.setQueueOffset(offset);
        header.setMaxMsgNums(32);
        header.setSysFlag(sysFlag);
        header.setCommitOffset(0L);
        header.setSuspendTimeoutMillis(suspendMillis);
        header.setSubscription(subscription);
        header.setSubVersion(0L);
        header.setExpressionType("TAG");
        return header;
    }

    private PullResult pull(PullMessageRequestHeader header) throws Exception {
        return client.api.pullMessage(bed.address(), header, 10_000, CommunicationMode.SYNC, null);
    }

    private CompletableFuture<PullResult> pullAsync(PullMessageRequestHeader header) throws Exception {
        CompletableFuture<PullResult> answer = new CompletableFuture<>();
        client.api.pullMessage(bed.address(), header, 10_000, CommunicationMode.ASYNC, new PullCallback() {
            @Override
            public void onSuccess(PullResult pullResult) {
                answer.complete(pullResult);
            }

            @Override
            public void onException(Throwable e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    private static List<MessageExt> decoded(PullResult result) {
        byte[] binary = ((PullResultExt) result).getMessageBinary();
        return binary == null ? List.of() : MessageDecoder.decodes(ByteBuffer.wrap(binary));
    }

    private static String body(MessageExt message) {
        return new String(message.getBody(), StandardCharsets.UTF_8);
    }

    private void awaitHeld(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (bed.broker.heldPulls().size() != count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(bed.broker.heldPulls().size()).as("held pulls").isEqualTo(count);
    }

    private void awaitNoPins() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (bed.pins.open() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(bed.pins.open()).as("record selections still pinned").isZero();
    }

    @Test
    void pullsStoredRecordsAsTheClientDecodesThem() throws Exception {
        for (int i = 0; i < 3; i++) {
            messages.put(TOPIC, 1, "TagA", "key" + i, null, "body " + i);
        }

        PullResult result = pull(header(1, 1, SUBSCRIPTION, "*", 0));

        assertThat(result.getPullStatus()).isEqualTo(PullStatus.FOUND);
        assertThat(result.getNextBeginOffset()).isEqualTo(3);
        assertThat(result.getMinOffset()).isZero();
        assertThat(result.getMaxOffset()).isEqualTo(3);
        List<MessageExt> pulled = decoded(result);
        assertThat(pulled).extracting(PullInteropTest::body).containsExactly("body 1", "body 2");
        assertThat(pulled).extracting(MessageExt::getQueueOffset).containsExactly(1L, 2L);
        assertThat(pulled).extracting(MessageExt::getTags).containsOnly("TagA");
        assertThat(pulled).extracting(MessageExt::getTopic).containsOnly(TOPIC);
        assertThat(bed.pins.handedOut()).isEqualTo(1);
        awaitNoPins();
    }

    @Test
    void asynchronousPullGetsTheSameAnswer() throws Exception {
        messages.put(TOPIC, 0, 2);

        PullResult result = pullAsync(header(0, 0, SUBSCRIPTION, null, 0)).get(5, TimeUnit.SECONDS);

        assertThat(result.getPullStatus()).isEqualTo(PullStatus.FOUND);
        assertThat(decoded(result)).extracting(PullInteropTest::body).containsExactly("message 0", "message 1");
        awaitNoPins();
    }

    @Test
    void returnsAtMostTheMessagesAsked() throws Exception {
        messages.put(TOPIC, 0, 5);
        PullMessageRequestHeader header = header(0, 0, SUBSCRIPTION, "*", 0);
        header.setMaxMsgNums(2);

        PullResult result = pull(header);

        assertThat(decoded(result)).hasSize(2);
        assertThat(result.getNextBeginOffset()).isEqualTo(2);
    }

    @Test
    void filtersByTagHashThenByTheStoredTag() throws Exception {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        messages.put(TOPIC, 2, "Aa", null, null, "Aa");
        messages.put(TOPIC, 2, "BB", null, null, "BB (same hash as Aa)");
        messages.put(TOPIC, 2, "C", null, null, "C");
        messages.put(TOPIC, 2, null, null, null, "no tag");
        messages.put(TOPIC, 2, "D", null, null, "D");

        PullResult result = pull(header(2, 0, SUBSCRIPTION, "Aa || C", 0));

        assertThat(result.getPullStatus()).isEqualTo(PullStatus.FOUND);
        assertThat(decoded(result)).extracting(PullInteropTest::body).containsExactly("Aa", "C");
        assertThat(result.getNextBeginOffset()).as("skipped entries count").isEqualTo(5);
    }

    @Test
    void answersNoMatchedMessagesPastEntriesThatDoNotMatch() throws Exception {
        messages.put(TOPIC, 0, "B", null, null, "b");

        PullResult result = pull(header(0, 0, SUBSCRIPTION, "A", 0));

        assertThat(result.getPullStatus()).isEqualTo(PullStatus.NO_MATCHED_MSG);
        assertThat(result.getNextBeginOffset()).isEqualTo(1);
    }

    @Test
    void mapsOffsetsOutsideTheQueueAsRocketMqDoes() throws Exception {
        messages.put(TOPIC, 0, 2);

        PullResult caughtUp = pull(header(0, 2, SUBSCRIPTION, "*", 0));
        PullResult beyond = pull(header(0, 9, SUBSCRIPTION, "*", 0));
        PullResult emptyQueueAtZero = pull(header(3, 0, SUBSCRIPTION, "*", 0));
        PullResult emptyQueueElsewhere = pull(header(3, 4, SUBSCRIPTION, "*", 0));

        assertThat(caughtUp.getPullStatus()).isEqualTo(PullStatus.NO_NEW_MSG);
        assertThat(caughtUp.getNextBeginOffset()).isEqualTo(2);
        assertThat(beyond.getPullStatus()).isEqualTo(PullStatus.OFFSET_ILLEGAL);
        assertThat(beyond.getNextBeginOffset()).as("min offset, which is 0").isZero();
        assertThat(emptyQueueAtZero.getPullStatus()).isEqualTo(PullStatus.NO_NEW_MSG);
        assertThat(emptyQueueElsewhere.getPullStatus()).isEqualTo(PullStatus.OFFSET_ILLEGAL);
        assertThat(emptyQueueElsewhere.getNextBeginOffset()).isZero();
    }

    @Test
    void refusesAsRocketMqDoes() throws Exception {
        bed.broker.topics().createOrUpdate(new TopicConfig("WriteOnly", 1, 1, 2, TopicFilterType.SINGLE_TAG, 0, false));
        PullMessageRequestHeader missing = header(0, 0, SUBSCRIPTION, "*", 0);
        missing.setTopic("NoSuchTopic");
        PullMessageRequestHeader writeOnly = header(0, 0, SUBSCRIPTION, "*", 0);
        writeOnly.setTopic("WriteOnly");
        PullMessageRequestHeader sql = header(0, 0, SUBSCRIPTION, "a > 1", 0);
        sql.setExpressionType("SQL92");

        assertRefused(missing, ResponseCode.TOPIC_NOT_EXIST, "topic[NoSuchTopic] not exist, apply first please!");
        assertRefused(writeOnly, ResponseCode.NO_PERMISSION, "the topic[WriteOnly] pulling message is forbidden");
        assertRefused(header(4, 0, SUBSCRIPTION, "*", 0), ResponseCode.SYSTEM_ERROR,
                "queueId[4] is illegal, topic:[PullTopic] topicConfig.readQueueNums:[4] consumer:[/127.0.0.1:");
        assertRefused(header(0, 0, 0, null, 0), ResponseCode.SUBSCRIPTION_NOT_EXIST,
                "the consumer's subscription not exist");
        assertRefused(header(0, 0, SUBSCRIPTION, "||", 0), ResponseCode.SUBSCRIPTION_PARSE_FAILED,
                "parse the consumer's subscription failed");
        assertRefused(sql, ResponseCode.SYSTEM_ERROR, "The broker does not support consumer to filter message by SQL92");
    }

    private void assertRefused(PullMessageRequestHeader header, int code, String remarkStart) {
        assertThatThrownBy(() -> pull(header)).isInstanceOfSatisfying(MQBrokerException.class, e -> {
            assertThat(e.getResponseCode()).isEqualTo(code);
            assertThat(e.getErrorMessage()).startsWith(remarkStart);
        });
    }

    @Test
    void storesTheCommitOffsetThePullCarries() throws Exception {
        PullMessageRequestHeader header = header(0, 0, PullSysFlag.buildSysFlag(true, false, true, false), "*", 0);
        header.setCommitOffset(7L);

        pull(header);

        QueryConsumerOffsetRequestHeader query = new QueryConsumerOffsetRequestHeader();
        query.setConsumerGroup(GROUP);
        query.setTopic(TOPIC);
        query.setQueueId(0);
        assertThat(client.api.queryConsumerOffset(bed.address(), query, 5000)).isEqualTo(7);
    }

    @Test
    void heldPullIsAnsweredAsSoonAsAMessageArrives() throws Exception {
        CompletableFuture<PullResult> held = pullAsync(header(1, 0, SUSPEND_WITH_SUBSCRIPTION, "*", 8000));
        awaitHeld(1);
        Thread.sleep(200);
        assertThat(held).isNotDone();

        long arrived = System.nanoTime();
        messages.put(TOPIC, 1, "T", null, null, "late");
        PullResult result = held.get(5, TimeUnit.SECONDS);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - arrived)).isLessThan(2000);
        assertThat(result.getPullStatus()).isEqualTo(PullStatus.FOUND);
        assertThat(decoded(result)).extracting(PullInteropTest::body).containsExactly("late");
        assertThat(result.getNextBeginOffset()).isEqualTo(1);
        awaitNoPins();
    }

    @Test
    void heldPullWaitsPastMessagesItDoesNotMatch() throws Exception {
        messages.put(TOPIC, 2, "A", null, null, "first");
        CompletableFuture<PullResult> held = pullAsync(header(2, 1, SUSPEND_WITH_SUBSCRIPTION, "A", 8000));
        awaitHeld(1);

        messages.put(TOPIC, 2, "B", null, null, "not for us");
        Thread.sleep(400);
        assertThat(held).as("answered for a message it does not match").isNotDone();
        messages.put(TOPIC, 2, "A", null, null, "for us");
        PullResult result = held.get(5, TimeUnit.SECONDS);
        awaitHeld(0);

        assertThat(result.getPullStatus()).isEqualTo(PullStatus.FOUND);
        assertThat(decoded(result)).extracting(PullInteropTest::body).containsExactly("for us");
        assertThat(result.getNextBeginOffset()).isEqualTo(3);
    }

    @Test
    void heldPullIsAnsweredNotFoundAtItsDeadline() throws Exception {
        messages.put(TOPIC, 3, 1);
        long start = System.nanoTime();

        PullResult result = pullAsync(header(3, 1, SUSPEND_WITH_SUBSCRIPTION, "*", 400)).get(5, TimeUnit.SECONDS);

        long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(waited).isBetween(400L, 3000L);
        assertThat(result.getPullStatus()).isEqualTo(PullStatus.NO_NEW_MSG);
        assertThat(result.getNextBeginOffset()).isEqualTo(1);
    }

    @Test
    void heldPullPastSkippedMessagesTellsTheClientToSkipThemAtItsDeadline() throws Exception {
        CompletableFuture<PullResult> held = pullAsync(header(0, 0, SUSPEND_WITH_SUBSCRIPTION, "A", 600));
        awaitHeld(1);
        messages.put(TOPIC, 0, "B", null, null, "not for us");

        PullResult result = held.get(5, TimeUnit.SECONDS);

        assertThat(result.getPullStatus()).isIn(PullStatus.NO_NEW_MSG, PullStatus.NO_MATCHED_MSG);
        assertThat(result.getNextBeginOffset()).isEqualTo(1);
    }
}
