package io.karrier.broker.internal.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.store.AppendResult;
import io.karrier.api.store.AppendStatus;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.header.SendMessageResponseHeader;

/** Every store outcome maps to the code RocketMQ's client acts on; only stored messages get ids. */
class SendResponsesTest {

    private static final InetSocketAddress BROKER = new InetSocketAddress("127.0.0.1", 10911);

    private static RemotingCommand answer(AppendResult result) {
        return SendResponses.of(result, 3, BROKER, "illegal");
    }

    @Test
    void storedMessagesGetOffsetIdsQueueAndOffset() {
        RemotingCommand ok = answer(new AppendResult(AppendStatus.PUT_OK, new long[] {0x100, 0x200}, 7, 1, null));

        assertThat(ok.code()).isEqualTo(ResponseCode.SUCCESS);
        SendMessageResponseHeader header = SendMessageResponseHeader.from(ok.extFields());
        assertThat(header.msgId()).isEqualTo("7F00000100002A9F0000000000000100,7F00000100002A9F0000000000000200");
        assertThat(header.queueId()).isEqualTo(3);
        assertThat(header.queueOffset()).isEqualTo(7);
    }

    @Test
    void storedButNotDurableInTimeIsAFlushTimeoutWithIds() {
        RemotingCommand late = answer(new AppendResult(AppendStatus.FLUSH_DISK_TIMEOUT, new long[] {0x100}, 0, 1,
                "force took too long"));

        assertThat(late.code()).isEqualTo(ResponseCode.FLUSH_DISK_TIMEOUT);
        assertThat(SendMessageResponseHeader.from(late.extFields()).msgId()).hasSize(32);
    }

    @Test
    void refusalsCarryTheStoresReasonAndNoIds() {
        RemotingCommand full = answer(AppendResult.failed(AppendStatus.DISK_FULL, "/data at 93%"));
        assertThat(full.code()).isEqualTo(ResponseCode.SERVICE_NOT_AVAILABLE);
        assertThat(full.remark()).contains("disk is full [/data at 93%]");
        assertThat(full.extFields()).isNullOrEmpty();

        RemotingCommand busy = answer(AppendResult.failed(AppendStatus.BUSY, "no flush strategy"));
        assertThat(busy.code()).isEqualTo(ResponseCode.SYSTEM_BUSY);
        assertThat(busy.remark()).contains("no flush strategy");

        assertThat(answer(AppendResult.failed(AppendStatus.MESSAGE_ILLEGAL, "too big")).remark()).isEqualTo("illegal");
        assertThat(answer(AppendResult.failed(AppendStatus.SERVICE_NOT_AVAILABLE, "closed")).code())
                .isEqualTo(ResponseCode.SERVICE_NOT_AVAILABLE);
    }
}
