package io.karrier.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.karrier.api.server.ServerRole;
import io.karrier.api.server.ServerStatus;

class StatusCommandTest {

    private record FakeServer(ServerRole role, String name, InetSocketAddress listenAddress, Instant startedAt)
            implements ServerStatus {
    }

    @Test
    void printsOneRowPerServerNameServerFirst() {
        Instant started = Instant.parse("2026-11-25T12:00:00Z");
        List<ServerStatus> servers = List.of(
                new FakeServer(ServerRole.BROKER, "broker-a", new InetSocketAddress("127.0.0.1", 10911), started),
                new FakeServer(ServerRole.NAME_SERVER, "namesrv", new InetSocketAddress("127.0.0.1", 9876), started));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        StatusCommand.print(servers, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).contains("Role", "Name", "Address", "Started");
        assertThat(lines.get(2)).contains("NAME_SERVER", "namesrv", "127.0.0.1:9876", "2026-11-25T12:00:00Z");
        assertThat(lines.get(3)).contains("BROKER", "broker-a", "127.0.0.1:10911");
    }
}
