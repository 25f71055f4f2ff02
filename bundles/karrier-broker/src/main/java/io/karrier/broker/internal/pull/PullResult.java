package io.karrier.broker.internal.pull;

import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.store.GetStatus;

/**
 * One read of a queue for a pull, made into its answer. The response owns the records it sends:
 * write it (the remoting layer releases it after the write) or {@link RemotingCommand#release()} it.
 *
 * @param status what the store found
 * @param nextBeginOffset where the consumer goes on from
 * @param response the answer, pinned records as its body
 */
record PullResult(GetStatus status, long nextBeginOffset, RemotingCommand response) {

    /** @return the response code */
    int code() {
        return response.code();
    }
}
