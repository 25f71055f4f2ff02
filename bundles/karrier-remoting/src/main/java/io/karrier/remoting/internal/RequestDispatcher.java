package io.karrier.remoting.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.api.remoting.ProcessorFamily;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RequestProcessor;
import io.karrier.protocol.MqVersion;
import io.karrier.protocol.ResponseCode;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

/**
 * Serves one named server's requests: looks the processor up for the code, runs it on its family's
 * pool and writes the response, in the request's serialize type, when its stage completes. Unknown
 * codes get REQUEST_CODE_NOT_SUPPORTED, a full pool SYSTEM_BUSY, a failed processor SYSTEM_ERROR
 * with a one-line remark. Responses to requests the server sent complete their pending request.
 */
@Sharable
final class RequestDispatcher extends SimpleChannelInboundHandler<InboundCommand> {

    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    private final String serverName;
    private final ProcessorTable processors;
    private final Function<ProcessorFamily, Executor> pools;
    /** Requests handed to a processor and not yet answered; a closing server waits for them. */
    private final AtomicInteger inFlight = new AtomicInteger();

    RequestDispatcher(String serverName, ProcessorTable processors, Function<ProcessorFamily, Executor> pools) {
        this.serverName = serverName;
        this.processors = processors;
        this.pools = pools;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, InboundCommand inbound) {
        RemotingCommand request = inbound.command();
        NettyConnection connection = NettyConnection.of(ctx.channel());
        if (request.isResponse()) {
            connection.pending().complete(request);
            return;
        }
        RequestProcessor processor = processors.lookup(serverName, request.code());
        if (processor == null) {
            reply(connection, inbound, RemotingCommand.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    "request code " + request.code() + " is not supported by " + serverName));
            return;
        }
        inFlight.incrementAndGet();
        try {
            pools.apply(processor.family()).execute(() -> process(processor, connection, inbound));
        } catch (RejectedExecutionException full) {
            inFlight.decrementAndGet();
            LOG.debug("{} pool full, answering request code {} from {} with SYSTEM_BUSY", processor.family(),
                    request.code(), connection);
            reply(connection, inbound, RemotingCommand.response(ResponseCode.SYSTEM_BUSY,
                    "[REJECTREQUEST]system busy, start flow control for a while"));
        }
    }

    private void process(RequestProcessor processor, NettyConnection connection, InboundCommand inbound) {
        RemotingCommand request = inbound.command();
        CompletionStage<RemotingCommand> response;
        try {
            response = processor.process(connection, request);
        } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
        }
        response.whenComplete((answer, failure) -> {
            if (failure != null || answer == null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                LOG.warn("Processor for request code {} from {} failed: {}", request.code(), connection,
                        cause == null ? "no response" : cause.toString());
                LOG.debug("Processor failure", cause);
                answer = RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                        cause == null ? "no response" : cause.toString());
            }
            reply(connection, inbound, answer);
            inFlight.decrementAndGet();
        });
    }

    /**
     * Waits until every request handed to a processor has been answered, or the time is up.
     *
     * @return whether none is left
     */
    boolean awaitAnswered(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (inFlight.get() > 0) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static void reply(NettyConnection connection, InboundCommand inbound, RemotingCommand response) {
        RemotingCommand request = inbound.command();
        if (request.isOneway()) {
            response.release();
            return;
        }
        response.opaque(request.opaque()).flag(response.flag() | RemotingCommand.FLAG_RESPONSE);
        if (response.version() == 0) {
            response.version(MqVersion.CURRENT);
        }
        OutboundCommand.write(connection.channel(), response, inbound.serializeType());
    }
}
