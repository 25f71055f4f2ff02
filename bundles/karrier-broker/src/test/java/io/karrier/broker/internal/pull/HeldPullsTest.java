package io.karrier.broker.internal.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.broker.internal.BrokerTestBed;
import io.karrier.broker.internal.FakeChannel;
import io.karrier.broker.internal.StoredMessages;
import io.karrier.broker.internal.offset.ConsumerOffsets;
import io.karrier.broker.internal.stats.PullCounter;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.header.PullMessageRequestHeader;
import io.karrier.protocol.header.PullMessageResponseHeader;
import io.karrier.protocol.header.PullSysFlag;

/** Long polling through the processor itself: the bound, closed connections, pins. */
class HeldPullsTest {

    private static final String TOPIC = "HeldTopic";

    @TempDir
    Path dir;
    private BrokerTestBed bed;
    private StoredMessages messages;
    private PullMessageProcessor processor;

    @BeforeEach
    void start() throws Exception {
        bed = new BrokerTestBed(dir);
        messages = new StoredMessages(bed);
        messages.createTopic(TOPIC, 2);
        processor = new PullMessageProcessor(bed.pins, bed.broker.topics(), (group, topic) -> Optional.empty(),
                ConsumerOffsets.open(bed.store), true, 2, PullCounter.NONE);
        bed.store.addArrivalListener(processor.heldPulls());
    }

    @AfterEach
    void stop() throws Exception {
        bed.store.removeArrivalListener(processor.heldPulls());
        processor.heldPulls().close();
        bed.close();
    }

    private CompletableFuture<RemotingCommand> pull(ClientChannel channel, int queueId, long offset, long suspendMillis) {
        RemotingCommand request = RemotingCommand.request(RequestCode.PULL_MESSAGE);
        new PullMessageRequestHeader("group", TOPIC, queueId, offset, 32, PullSysFlag.SUSPEND | PullSysFlag.SUBSCRIPTION,
                0, suspendMillis, "*", 0, "TAG", null).writeTo(request);
        return processor.process(channel, request).toCompletableFuture();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void answersAtOncePastTheBoundOfHeldPulls() throws Exception {
        FakeChannel channel = new FakeChannel(1);
        CompletableFuture<RemotingCommand> first = pull(channel, 0, 0, 10_000);
        CompletableFuture<RemotingCommand> second = pull(channel, 1, 0, 10_000);

        RemotingCommand third = pull(channel, 0, 0, 10_000).get(1, TimeUnit.SECONDS);

        assertThat(third.code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        assertThat(PullMessageResponseHeader.from(third.extFields()).nextBeginOffset()).isZero();
        assertThat(first).isNotDone();
        assertThat(second).isNotDone();
        assertThat(processor.heldPulls().size()).isEqualTo(2);
    }

    @Test
    void aStoppingBrokerAnswersItsHeldPullsAtOnceAndHoldsNoMore() throws Exception {
        FakeChannel channel = new FakeChannel(1);
        CompletableFuture<RemotingCommand> held = pull(channel, 0, 0, 10_000);
        assertThat(held).isNotDone();

        processor.heldPulls().stopHolding();

        assertThat(held.get(1, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        assertThat(pull(channel, 1, 0, 10_000).get(1, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        assertThat(processor.heldPulls().size()).isZero();
    }

    @Test
    void dropsHeldPullsWhoseConnectionClosedAtTheNextSweep() throws Exception {
        FakeChannel leaving = new FakeChannel(1);
        FakeChannel staying = new FakeChannel(1);
        CompletableFuture<RemotingCommand> dropped = pull(leaving, 0, 0, 10_000);
        CompletableFuture<RemotingCommand> kept = pull(staying, 0, 0, 10_000);

        leaving.close();
        processor.heldPulls().sweep();
        await(() -> processor.heldPulls().size() == 1, "closed connection's pull dropped");
        messages.put(TOPIC, 0, 1);

        RemotingCommand answer = kept.get(5, TimeUnit.SECONDS);
        assertThat(answer.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(dropped).isNotDone();
        assertThat(processor.heldPulls().size()).isZero();
        answer.release();
        assertThat(bed.pins.open()).isZero();
    }

    @Test
    void aPullAnsweredAfterItsConnectionClosedIsDroppedWithoutPinningRecords() throws Exception {
        FakeChannel channel = new FakeChannel(1);
        CompletableFuture<RemotingCommand> held = pull(channel, 1, 0, 10_000);

        channel.close();
        messages.put(TOPIC, 1, 1);
        await(() -> processor.heldPulls().size() == 0, "pull dropped on arrival");

        assertThat(held).isNotDone();
        assertThat(bed.pins.handedOut()).as("no read for a closed connection").isZero();
    }

    @Test
    void answersTheFreshReadAtTheDeadlineWithoutPins() throws Exception {
        CompletableFuture<RemotingCommand> held = pull(new FakeChannel(1), 0, 0, 150);
        Thread.sleep(100);
        processor.heldPulls().sweep();
        Thread.sleep(20);
        assertThat(held).as("answered before its deadline").isNotDone();
        await(() -> {
            processor.heldPulls().sweep();
            return held.isDone();
        }, "answered at the deadline");

        RemotingCommand answer = held.get();

        assertThat(answer.code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        assertThat(processor.heldPulls().size()).isZero();
        assertThat(bed.pins.open()).isZero();
    }
}
