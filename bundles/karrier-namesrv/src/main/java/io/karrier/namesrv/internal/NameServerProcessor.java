package io.karrier.namesrv.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.MalformedBodyException;
import io.karrier.protocol.header.MalformedHeaderException;

/**
 * What the name server's processors share: a request whose header or body cannot be read gets
 * SYSTEM_ERROR with the reason as remark (as RocketMQ answers a header it cannot decode) and one
 * log line.
 */
abstract class NameServerProcessor implements RequestProcessor {

    private static final Logger LOG = LoggerFactory.getLogger(NameServerProcessor.class);

    @Override
    public final CompletionStage<RemotingCommand> process(ClientChannel channel, RemotingCommand request) {
        try {
            return answer(channel, request);
        } catch (MalformedHeaderException | MalformedBodyException e) {
            LOG.warn("Bad request code {} from {}: {}", request.code(), channel.remoteAddress(), e.getMessage());
            return completed(RemotingCommand.response(ResponseCode.SYSTEM_ERROR, e.getMessage()));
        }
    }

    /**
     * @return the response to a request of one of the processor's codes
     * @throws MalformedHeaderException if the header cannot be read
     * @throws MalformedBodyException if the body cannot be read
     */
    abstract CompletionStage<RemotingCommand> answer(ClientChannel channel, RemotingCommand request);

    static CompletionStage<RemotingCommand> completed(RemotingCommand response) {
        return CompletableFuture.completedFuture(response);
    }

    static CompletionStage<RemotingCommand> success() {
        return completed(RemotingCommand.response(ResponseCode.SUCCESS, null));
    }

    static CompletionStage<RemotingCommand> notSupported(RemotingCommand request) {
        return completed(RemotingCommand.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                "request code " + request.code() + " is not supported by the name server"));
    }
}
