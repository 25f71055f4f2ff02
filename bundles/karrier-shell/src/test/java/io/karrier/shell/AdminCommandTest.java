package io.karrier.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

import io.karrier.api.remoting.RemotingClient;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.api.remoting.RemotingException;
import io.karrier.protocol.RequestCode;
import io.karrier.protocol.ResponseCode;

class AdminCommandTest {

    /** Runs the command as the console would and returns the one line the console prints for its failure. */
    private static String executeExpectingFailure(AdminCommand command) {
        Throwable failure = catchThrowable(command::execute);
        assertThat(failure).isInstanceOf(CommandException.class).hasNoCause();
        return failure.getMessage();
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

        String errors = executeExpectingFailure(command);

        assertThat(servers.sent).singleElement()
                .satisfies(sent -> assertThat(sent.address()).isEqualTo("127.0.0.1:10911"));
        assertThat(errors).isEqualTo("delete topic orders failed: code 1, disk full");
    }

    @Test
    void saysSoInOneLineWhenNoBrokerRuns() {
        TopicListCommand command = new TopicListCommand();
        command.servers = List.of();
        command.remoting = new FakeServers();

        assertThat(executeExpectingFailure(command))
                .isEqualTo("no Karrier broker runs in this container (see karrier:status)");
    }

    @Test
    void reportsAnUnreachableBrokerWithoutAStackTrace() {
        TopicListCommand command = new TopicListCommand();
        command.servers = FakeServers.servers();
        command.remoting = new RemotingClient() {
            @Override
            public CompletionStage<RemotingCommand> invoke(String address, RemotingCommand request, Duration timeout) {
                return unreachable(address);
            }

            @Override
            public CompletionStage<Void> invokeOneway(String address, RemotingCommand request) {
                return unreachable(address);
            }

            private <T> CompletionStage<T> unreachable(String address) {
                return CompletableFuture.failedFuture(new RemotingException(RemotingException.Reason.CONNECT_FAILED,
                        "cannot connect to " + address, null));
            }
        };

        assertThat(executeExpectingFailure(command)).isEqualTo(
                "no answer from 127.0.0.1:10911: cannot connect to 127.0.0.1:10911");
    }
}
