package io.karrier.broker.internal.client;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.LockBatchRequestBody;
import io.karrier.protocol.body.LockBatchResponseBody;
import io.karrier.protocol.body.MessageQueue;
import io.karrier.protocol.body.RemotingJson;
import io.karrier.protocol.body.UnlockBatchRequestBody;

/**
 * LOCK_BATCH_MQ (41) and UNLOCK_BATCH_MQ (42) of orderly consumers, over {@link QueueLocks}. The lock
 * answer always has a body, {@code {"lockOKMQSet":[]}} when nothing was locked, as the client parses it.
 */
final class QueueLockProcessor implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(QueueLockProcessor.class);

    private final QueueLocks locks;

    QueueLockProcessor(QueueLocks locks) {
        this.locks = locks;
    }

    @Override
    public CompletionStage<RemotingCommand> process(ClientChannel channel, RemotingCommand request) {
        return CompletableFuture.completedFuture(switch (request.code()) {
            case RequestCode.LOCK_BATCH_MQ -> lock(channel, request);
            case RequestCode.UNLOCK_BATCH_MQ -> unlock(channel, request);
            default -> RemotingCommand.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    "request code " + request.code() + " not supported");
        });
    }

    private RemotingCommand lock(ClientChannel channel, RemotingCommand request) {
        LockBatchRequestBody body = RemotingJson.decode(request.bodyBytes(), LockBatchRequestBody.class);
        if (body == null || body.consumerGroup() == null || body.clientId() == null) {
            return refuse(channel, "LOCK_BATCH_MQ without consumerGroup or clientId");
        }
        Set<MessageQueue> locked = locks.lock(body.consumerGroup(), body.mqSet(), body.clientId());
        return RemotingCommand.response(ResponseCode.SUCCESS, null)
                .body(RemotingJson.encode(new LockBatchResponseBody(locked)));
    }

    private RemotingCommand unlock(ClientChannel channel, RemotingCommand request) {
        UnlockBatchRequestBody body = RemotingJson.decode(request.bodyBytes(), UnlockBatchRequestBody.class);
        if (body == null || body.consumerGroup() == null || body.clientId() == null) {
            return refuse(channel, "UNLOCK_BATCH_MQ without consumerGroup or clientId");
        }
        locks.unlock(body.consumerGroup(), body.mqSet(), body.clientId());
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private static RemotingCommand refuse(ClientChannel channel, String problem) {
        LOG.warn("Refusing a request from {}: {}", ClientRegistration.address(channel), problem);
        return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, problem);
    }
}
