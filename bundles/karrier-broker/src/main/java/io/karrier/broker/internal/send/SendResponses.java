package io.karrier.broker.internal.send;

import java.net.InetSocketAddress;
import java.util.StringJoiner;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.store.AppendResult;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.header.SendMessageResponseHeader;
import io.karrier.protocol.message.HostAddress;
import io.karrier.protocol.message.OffsetMessageId;

/** The answer to a send, from the store's outcome, as RocketMQ 4.9.7's handlePutMessageResult maps it. */
final class SendResponses {

    static final String MSG_REGION = SendMessageResponseHeader.MSG_REGION;
    static final String TRACE_ON = SendMessageResponseHeader.TRACE_ON;

    private SendResponses() {
    }

    static RemotingCommand of(AppendResult result, int queueId, InetSocketAddress storeHost, String illegalRemark) {
        return switch (result.status()) {
            case PUT_OK -> stored(ResponseCode.SUCCESS, result, queueId, storeHost);
            // Stored but not durable in time: the client reports FLUSH_DISK_TIMEOUT, not SEND_OK.
            case FLUSH_DISK_TIMEOUT -> stored(ResponseCode.FLUSH_DISK_TIMEOUT, result, queueId, storeHost);
            case MESSAGE_ILLEGAL -> RemotingCommand.response(ResponseCode.MESSAGE_ILLEGAL, illegalRemark);
            case DISK_FULL -> RemotingCommand.response(ResponseCode.SERVICE_NOT_AVAILABLE,
                    "service not available now. It may be caused by one of the following reasons: the broker's disk "
                            + "is full [" + result.detail() + "], messages are put to the slave, message store has "
                            + "been shut down, etc.");
            case BUSY -> RemotingCommand.response(ResponseCode.SYSTEM_BUSY,
                    "[REJECTREQUEST]system busy, start flow control for a while: " + result.detail());
            case SERVICE_NOT_AVAILABLE -> RemotingCommand.response(ResponseCode.SERVICE_NOT_AVAILABLE,
                    "service not available now: " + result.detail());
        };
    }

    private static RemotingCommand stored(int code, AppendResult result, int queueId, InetSocketAddress storeHost) {
        HostAddress host = HostAddress.of(storeHost);
        StringJoiner ids = new StringJoiner(",");
        for (long offset : result.commitLogOffsets()) {
            ids.add(new OffsetMessageId(host, offset).encode());
        }
        RemotingCommand response = RemotingCommand.response(code, null);
        new SendMessageResponseHeader(ids.toString(), queueId, result.queueOffset(), null).writeTo(response);
        return response;
    }
}
