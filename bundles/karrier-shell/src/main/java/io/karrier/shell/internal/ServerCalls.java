package io.karrier.shell.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.karrier.api.remoting.RemotingClient;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.MqVersion;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.MalformedBodyException;
import io.karrier.protocol.body.RemotingJson;
import io.karrier.protocol.header.CommandHeader;
import io.karrier.protocol.header.MalformedHeaderException;

/**
 * One server's end of the shell's requests: sends a request with a typed header over the
 * container's {@link RemotingClient} and waits a bounded time for the answer. Every failure, from
 * an unreachable server to an undecodable body, becomes an {@link AdminException} with a one-line
 * message. Thread-safe.
 */
final class ServerCalls {

    private final RemotingClient remoting;
    private final String address;
    private final Duration timeout;

    ServerCalls(RemotingClient remoting, String address, Duration timeout) {
        this.remoting = remoting;
        this.address = address;
        this.timeout = timeout;
    }

    String address() {
        return address;
    }

    /**
     * @param code the request code
     * @param header the custom header, or {@code null}
     * @param body the body, or {@code null}
     * @return the response, whatever its code
     * @throws AdminException when no response came
     */
    RemotingCommand send(int code, CommandHeader header, byte[] body) throws AdminException {
        RemotingCommand request = RemotingCommand.request(code).version(MqVersion.CURRENT).body(body);
        if (header != null) {
            header.writeTo(request);
        }
        try {
            // the client's own timeout fires first; this bound only guards against a stage never completed
            return remoting.invoke(address, request, timeout).toCompletableFuture()
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new AdminException("no answer from " + address + ": " + cause.getMessage());
        } catch (TimeoutException e) {
            throw new AdminException("no answer from " + address + " within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminException("interrupted while waiting for " + address);
        }
    }

    /**
     * Like {@link #send}, but any code other than SUCCESS fails.
     *
     * @param what the request as the operator would name it, for the error message
     */
    RemotingCommand expectSuccess(String what, int code, CommandHeader header, byte[] body) throws AdminException {
        RemotingCommand response = send(code, header, body);
        if (response.code() != ResponseCode.SUCCESS) {
            throw AdminException.refused(what, response.code(), response.remark());
        }
        return response;
    }

    /** Decodes a JSON body; a malformed one is reported, not thrown as a runtime exception. */
    static <T> T decode(String what, RemotingCommand response, Class<T> type) throws AdminException {
        try {
            return RemotingJson.decode(response.bodyBytes(), type);
        } catch (MalformedBodyException e) {
            throw new AdminException(what + ": unreadable answer: " + e.getMessage());
        }
    }

    /** Reads a typed response header; a malformed one is reported, not thrown as a runtime exception. */
    static <T> T header(String what, HeaderReader<T> reader, RemotingCommand response) throws AdminException {
        try {
            return reader.read(response);
        } catch (MalformedHeaderException e) {
            throw new AdminException(what + ": unreadable answer: " + e.getMessage());
        }
    }

    /** Reads a typed header from a response. */
    @FunctionalInterface
    interface HeaderReader<T> {
        T read(RemotingCommand response);
    }
}
