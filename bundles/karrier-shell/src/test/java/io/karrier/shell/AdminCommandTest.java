package io.karrier.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import io.karrier.api.remoting.RemotingClient;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RemotingException;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;

class AdminCommandTest {

    /** Runs the command as the console would and returns what it wrote to standard error. */
    private static String executeCapturingErrors(AdminCommand command) {
        PrintStream original = System.err;
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setErr(original);
        }
        return errors.toString(StandardCharsets.UTF_8);
    }

    @Test
    void findsTheBrokerThroughItsStatusAndReachesAWildcardAddressOnLoopback() {
        FakeServers servers = new FakeServers();
        servers.on(RequestCode.DELETE_TOPIC_IN_BROKER,
                request -> RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "disk\nfull"));
        TopicDeleteCommand command = new TopicDeleteCommand();
        command.servers = FakeServers.servers();
        command.remoting = servers;
        command.topic = "orders";

        String errors = executeCapturingErrors(command);

        assertThat(servers.sent).singleElement().satisfies(sent -> assertThat(sent.address()).isEqualTo("127.0.0.1:10911"));
        assertThat(errors).isEqualTo("Error: delete topic orders failed: code 1, disk full" + System.lineSeparator());
    }

    @Test
    void saysSoInOneLineWhenNoBrokerRuns() {
        TopicListCommand command = new TopicListCommand();
        command.servers = List.of();
        command.remoting = new FakeServers();

        assertThat(executeCapturingErrors(command))
                .isEqualTo("Error: no Karrier broker runs in this container (see karrier:status)" + System.lineSeparator());
    }

    @Test
    void reportsAnUnreachableBrokerWithoutAStackTrace() {
        TopicListCommand command = new TopicListCommand();
        command.servers = FakeServers.servers();
        command.remoting = new RemotingClient() {
            @Override
            public CompletionStage<RemotingCommand> invoke(String address, RemotingCommand request, Duration timeout) {
                return CompletableFuture.failedFuture(new RemotingException(RemotingException.Reason.CONNECT_FAILED,
                        "cannot connect to " + address, null));
            }

            @Override
            public CompletionStage<Void> invokeOneway(String address, RemotingCommand request) {
                throw new UnsupportedOperationException();
            }
        };

        assertThat(executeCapturingErrors(command)).isEqualTo(
                "Error: no answer from 127.0.0.1:10911: cannot connect to 127.0.0.1:10911" + System.lineSeparator());
    }
}
