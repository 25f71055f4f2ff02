package io.karrier.itests.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.RemotingSysResponseCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.karrier.itests.process.KarrierExtension;
import io.karrier.itests.process.KarrierProcess;

/**
 * The harness itself, against what Karrier serves today: the distribution boots as a child
 * process (with sync flush among its boot features), both servers answer the official remoting
 * client, and the broker comes back on the same store, still with sync flush, after a graceful
 * restart and after SIGKILL.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
class KarrierProcessIT {

    private static final long CALL_TIMEOUT_MILLIS = 5_000;
    private static final Duration FLUSH_SWITCH_TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final KarrierExtension karrier = KarrierExtension.syncFlush();

    private NettyRemotingClient client;

    @BeforeEach
    void startClient() {
        client = new NettyRemotingClient(new NettyClientConfig());
        client.start();
    }

    @AfterEach
    void stopClient() {
        client.shutdown();
    }

    @Test
    void servesOnBothPortsAndComesBackOnTheSameStoreAfterRestartAndSigkill() throws Exception {
        KarrierProcess process = karrier.process();
        assertThat(process.jvm().info().command()).as("the child process is Karaf's JVM, not a script")
                .hasValueSatisfying(command -> assertThat(command).endsWith("/java"));
        assertBothServersAnswer(process);

        process.restart();
        assertThat(process.logSinceStart()).as("a graceful stop closes the store cleanly")
                .anyMatch(line -> line.contains("Store opened (CLEAN)"));
        process.awaitLogSinceStart(KarrierProcess.FLUSH_NOW_SYNC, FLUSH_SWITCH_TIMEOUT);
        assertBothServersAnswer(process);

        long pid = process.jvm().pid();
        process.kill();
        assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).as("JVM after SIGKILL").isEmpty();
        assertThatThrownBy(() -> call(process.brokerAddress(), RequestCode.GET_BROKER_RUNTIME_INFO))
                .as("nobody listens on the broker port after SIGKILL").isInstanceOf(RemotingException.class);

        process.start();
        assertThat(process.logSinceStart()).as("the store recovers after a crash")
                .anyMatch(line -> line.contains("Store recovered"));
        process.awaitLogSinceStart(KarrierProcess.FLUSH_NOW_SYNC, FLUSH_SWITCH_TIMEOUT);
        assertBothServersAnswer(process);
    }

    @Test
    void switchesFlushStrategyWhileRunning() throws Exception {
        KarrierProcess process = karrier.process();
        process.switchToAsyncFlush();
        process.switchToSyncFlush();
        assertBothServersAnswer(process);
    }

    private void assertBothServersAnswer(KarrierProcess process) throws Exception {
        assertAnswers(call(process.nameServerAddress(), RequestCode.GET_BROKER_CLUSTER_INFO));
        assertAnswers(call(process.brokerAddress(), RequestCode.GET_BROKER_RUNTIME_INFO));
    }

    private RemotingCommand call(String address, int code) throws Exception {
        return client.invokeSync(address, RemotingCommand.createRequestCommand(code, null), CALL_TIMEOUT_MILLIS);
    }

    /** Served or not yet (processors are being written), but answered, and as a response. */
    private static void assertAnswers(RemotingCommand response) {
        assertThat(response.isResponseType()).isTrue();
        assertThat(response.getCode()).as("response code, remark: %s", response.getRemark())
                .isIn(RemotingSysResponseCode.SUCCESS, RemotingSysResponseCode.REQUEST_CODE_NOT_SUPPORTED);
    }
}
