package io.karrier.shell;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.karrier.shell.internal.AdminClient;
import io.karrier.shell.internal.AdminException;
import io.karrier.shell.internal.Display;
import io.karrier.shell.internal.MessageClient;
import io.karrier.shell.internal.MessageClient.PullBatch;
import io.karrier.shell.internal.ShownMessage;

/**
 * {@code karrier:consume}: reads messages of a topic queue by queue, from the group's committed
 * offset (or the start), and commits only when asked.
 */
@Service
@Command(scope = "karrier", name = "consume", description = "Reads messages of a topic from the local broker, "
        + "queue by queue, without committing offsets unless --commit is given")
public class ConsumeCommand extends AdminCommand {

    /** Most messages one command prints. */
    static final int MAX_COUNT = 1000;
    /** Most messages asked for in one pull. */
    private static final int PULL_BATCH = 32;
    /** Characters of the body shown in the table. */
    private static final int BODY_CHARS = 60;

    @Argument(index = 0, name = "topic", description = "The topic to read", required = true)
    @Completion(TopicCompleter.class)
    String topic;

    @Option(name = "-g", aliases = "--group", description = "The consumer group whose offsets to start from "
            + "(and commit with --commit)")
    @Completion(ConsumerGroupCompleter.class)
    String group = "KARRIER_SHELL_CONSUMER";

    @Option(name = "-n", aliases = "--count", description = "Most messages to read (default 10, at most 1000)")
    int count = 10;

    @Option(name = "--queue", description = "Reads only this queue (default: every read queue in turn)")
    Integer queue;

    @Option(name = "--offset", description = "Starts at this queue offset instead of the group's committed one")
    Long offset;

    @Option(name = "--from-beginning", description = "Starts at each queue's smallest offset, ignoring the group's "
            + "committed one")
    boolean fromBeginning;

    @Option(name = "--commit", description = "Commits the group's offset past the messages read")
    boolean commit;

    @Override
    void run(AdminClient admin, PrintStream out) throws AdminException {
        if (count < 1 || count > MAX_COUNT) {
            throw new AdminException("--count is between 1 and " + MAX_COUNT + ", not " + count);
        }
        if (offset != null && fromBeginning) {
            throw new AdminException("give either --offset or --from-beginning, not both");
        }
        int readQueues = admin.topic(topic).readQueueNums();
        if (queue != null && (queue < 0 || queue >= readQueues)) {
            throw new AdminException("topic " + topic + " has read queues 0 to " + (readQueues - 1) + ", not " + queue);
        }
        MessageClient messages = admin.messages();
        List<ShownMessage> read = new ArrayList<>();
        for (int queueId = queue == null ? 0 : queue; queueId < (queue == null ? readQueues : queue + 1)
                && read.size() < count; queueId++) {
            long start = startOffset(messages, queueId);
            long next = readQueue(messages, queueId, start, read);
            if (commit && next != start) {
                messages.commitOffset(group, topic, queueId, next);
            }
        }
        print(read, out);
        out.println(read.size() + (read.size() == 1 ? " message" : " messages") + (commit ? ", offsets of " + group
                + " committed" : ", no offset committed"));
    }

    private long startOffset(MessageClient messages, int queueId) throws AdminException {
        if (offset != null) {
            return offset;
        }
        if (!fromBeginning) {
            var committed = messages.consumerOffset(group, topic, queueId);
            if (committed.isPresent()) {
                return committed.getAsLong();
            }
        }
        return messages.minOffset(topic, queueId);
    }

    /** Pulls from one queue until {@code read} holds {@link #count} messages or the queue has no more. */
    private long readQueue(MessageClient messages, int queueId, long start, List<ShownMessage> read)
            throws AdminException {
        long next = start;
        while (read.size() < count) {
            PullBatch batch = messages.pull(group, topic, queueId, next, Math.min(PULL_BATCH, count - read.size()));
            if (batch.messages().isEmpty()) {
                break;
            }
            for (ShownMessage message : batch.messages()) {
                if (read.size() == count) {
                    return next;
                }
                read.add(message);
                next = message.queueOffset() + 1;
            }
            next = Math.max(next, batch.nextBeginOffset());
        }
        return next;
    }

    static void print(List<ShownMessage> messages, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Queue").alignRight();
        table.column("Offset").alignRight();
        table.column("Msg id");
        table.column("Tags");
        table.column("Keys");
        table.column("Stored");
        table.column("Body");
        for (ShownMessage message : messages) {
            table.addRow().addContent(message.queueId(), message.queueOffset(), message.msgId(), message.tags(),
                    message.keys(), Display.time(message.storeTimestamp()), Display.body(message.body(), BODY_CHARS));
        }
        table.print(out);
    }
}
