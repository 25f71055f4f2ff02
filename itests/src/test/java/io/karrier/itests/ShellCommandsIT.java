package io.karrier.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.After;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The karrier:* commands run in the assembly's console against its own broker and name server:
 * create a topic, send, consume, list and look the message up, as an operator would.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ShellCommandsIT {

    private static final String TOPIC = "ShellCommandsIT";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

    private final ExecutorService console = Executors.newSingleThreadExecutor();

    @Inject
    private SessionFactory sessionFactory;

    @Configuration
    public Option[] config() {
        return KarrierContainer.assembly();
    }

    @After
    public void stopConsole() {
        console.shutdownNow();
    }

    @Test
    public void createsATopicSendsConsumesListsAndLooksTheMessageUp() throws Exception {
        // the commands register once the shell bundle has the remoting client, and work once the broker is up
        String created = awaitOutput("karrier:topic-create -r 2 -w 2 " + TOPIC, out -> out.contains("created"));
        assertTrue(created, created.contains("Topic " + TOPIC + " created on broker-a: 2 read / 2 write queues, perm RW"));

        String sent = run("karrier:send --tag shell-tag --keys shell-key --property color=blue " + TOPIC + " hello-shell")
                .out;
        List<String> receipt = cells(sent.lines().toList().get(2));
        String msgId = receipt.get(0);
        String offsetMsgId = receipt.get(1);
        assertEquals(sent, 32, offsetMsgId.length());

        String listed = run("karrier:topic-list").out;
        assertTrue(listed, listed.lines().anyMatch(line -> line.matches(TOPIC + "\\s+\\|\\s+2\\s+\\|\\s+2\\s+\\|\\s+RW.*")));

        // dispatch to the consume queue and key index runs just behind the append
        String consumed = awaitOutput("karrier:consume -g ShellCommandsIT-group --from-beginning " + TOPIC,
                out -> out.contains("hello-shell"));
        assertTrue(consumed, consumed.lines().anyMatch(line -> line.contains(msgId) && line.contains("shell-tag")
                && line.contains("shell-key") && line.endsWith("hello-shell")));
        assertTrue(consumed, consumed.contains("1 message, no offset committed"));

        String viewed = run("karrier:message " + offsetMsgId).out;
        assertTrue(viewed, viewed.matches("(?s).*Msg id\\s+\\|\\s+" + msgId + ".*"));
        assertTrue(viewed, viewed.matches("(?s).*Property color\\s+\\|\\s+blue.*"));
        assertTrue(viewed, viewed.matches("(?s).*Body \\(11 bytes\\)\\s+\\|\\s+hello-shell.*"));

        String byMsgId = awaitOutput("karrier:message -t " + TOPIC + " " + msgId, out -> out.contains(offsetMsgId));
        assertTrue(byMsgId, byMsgId.contains("hello-shell"));

        String byKey = awaitOutput("karrier:message -t " + TOPIC + " -k shell-key", out -> out.contains(offsetMsgId));
        assertTrue(byKey, byKey.contains("hello-shell"));

        String clusters = awaitOutput("karrier:cluster-list", out -> out.contains("broker-a"));
        assertTrue(clusters, clusters.matches("(?s).*DefaultCluster\\s+\\|\\s+broker-a\\s+\\|\\s+0\\s+\\|\\s+master.*"));
    }

    @Test
    public void reportsAFailedRequestInOneLine() throws Exception {
        awaitOutput("karrier:topic-list", out -> out.contains("Topic"));

        Output output = run("karrier:topic-stats NoSuchTopic");

        assertEquals("", output.out);
        assertEquals("topic NoSuchTopic does not exist on broker broker-a", output.failure);
    }

    /** What a command printed, and the message of the exception it ended with, or {@code null}. */
    private record Output(String out, String err, String failure) {
    }

    private static List<String> cells(String row) {
        return Arrays.stream(row.split("\\|")).map(String::strip).toList();
    }

    /** Runs a command until its standard output satisfies {@code done}, at most {@link #WAIT}. */
    private String awaitOutput(String command, Predicate<String> done) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Output last = null;
        while (System.nanoTime() < deadline) {
            last = run(command);
            if (done.test(last.out)) {
                return last.out;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(command + " never gave the expected output; last: " + last);
    }

    /** Runs one command in a new console session and returns what it printed. */
    private Output run(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), outStream, errStream);
        String failure = null;
        try {
            Future<Object> result = console.submit(() -> session.execute(command));
            result.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            failure = e.getCause().getMessage();
        } finally {
            session.close();
        }
        outStream.flush();
        errStream.flush();
        return new Output(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), failure);
    }
}
