package io.karrier.shell;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import io.karrier.api.remoting.RemotingClient;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.server.ServerRole;
import io.karrier.api.server.ServerStatus;
import io.karrier.protocol.ResponseCode;
import io.karrier.protocol.body.RemotingJson;
import io.karrier.protocol.header.CommandHeader;
import io.karrier.protocol.message.HostAddress;
import io.karrier.protocol.message.StorableMessage;
import io.karrier.protocol.message.StoredMessageEncoder;
import io.karrier.shell.internal.AdminClient;

/**
 * A broker and name server faked at the remoting client: each request code answers with what a
 * test registered, unknown codes with REQUEST_CODE_NOT_SUPPORTED as a real server would, and every
 * request is recorded with the address it went to.
 */
final class FakeServers implements RemotingClient {

    static final String BROKER = "127.0.0.1:10911";
    static final String NAME_SERVER = "127.0.0.1:9876";
    static final HostAddress STORE_HOST = HostAddress.of(new byte[] {127, 0, 0, 1}, 10911);

    /** A request as it was sent. */
    record Sent(String address, RemotingCommand request) {
        String field(String name) {
            return request.extField(name);
        }
    }

    private final Map<Integer, Function<RemotingCommand, RemotingCommand>> handlers = new HashMap<>();
    final List<Sent> sent = new ArrayList<>();

    FakeServers on(int code, Function<RemotingCommand, RemotingCommand> handler) {
        handlers.put(code, handler);
        return this;
    }

    FakeServers answer(int code, Object body) {
        return on(code, request -> success(body == null ? null : RemotingJson.encode(body)));
    }

    static RemotingCommand success(byte[] body) {
        return RemotingCommand.response(ResponseCode.SUCCESS, null).body(body);
    }

    static RemotingCommand success(CommandHeader header) {
        return header.writeTo(RemotingCommand.response(ResponseCode.SUCCESS, null));
    }

    AdminClient client() {
        return new AdminClient(this, BROKER, "broker-a", NAME_SERVER, Duration.ofSeconds(1));
    }

    List<Sent> sent(int code) {
        return sent.stream().filter(s -> s.request().code() == code).toList();
    }

    @Override
    public CompletionStage<RemotingCommand> invoke(String address, RemotingCommand request, Duration timeout) {
        sent.add(new Sent(address, request));
        Function<RemotingCommand, RemotingCommand> handler = handlers.get(request.code());
        return CompletableFuture.completedFuture(handler != null ? handler.apply(request)
                : RemotingCommand.response(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                        "request type " + request.code() + " not supported"));
    }

    @Override
    public CompletionStage<Void> invokeOneway(String address, RemotingCommand request) {
        sent.add(new Sent(address, request));
        return CompletableFuture.completedFuture(null);
    }

    /** @return stored records, one after another, as a pull or query answer carries them */
    static byte[] records(long firstQueueOffset, StorableMessage... messages) {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long offset = firstQueueOffset;
        for (StorableMessage message : messages) {
            StoredMessageEncoder.write(buffer, message, offset, 1000 + buffer.position(),
                    Instant.parse("2026-11-25T12:00:00Z").toEpochMilli());
            offset++;
        }
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }

    static StorableMessage.Builder message(String topic, int queueId, byte[] body, Map<String, String> properties) {
        return StorableMessage.builder().topic(topic).queueId(queueId).body(body).properties(properties)
                .bornHost(STORE_HOST).storeHost(STORE_HOST).bornTimestamp(1);
    }

    static List<ServerStatus> servers() {
        return List.of(new Server(ServerRole.BROKER, "broker-a", new InetSocketAddress("0.0.0.0", 10911)),
                new Server(ServerRole.NAME_SERVER, "namesrv", new InetSocketAddress("127.0.0.1", 9876)));
    }

    private record Server(ServerRole role, String name, InetSocketAddress listenAddress) implements ServerStatus {
        @Override
        public Instant startedAt() {
            return Instant.EPOCH;
        }
    }

    /** Captures what a command prints. */
    static final class Output {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        List<String> lines() {
            return text().lines().toList();
        }
    }
}
