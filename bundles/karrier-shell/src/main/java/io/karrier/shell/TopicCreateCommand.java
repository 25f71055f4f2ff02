package io.karrier.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.karrier.protocol.body.TopicConfig;
import io.karrier.protocol.body.TopicFilterType;
import io.karrier.shell.internal.AdminClient;
import io.karrier.shell.internal.AdminException;
import io.karrier.shell.internal.Perm;

/** {@code karrier:topic-create}: creates a topic on the local broker, or updates its queues and permission. */
@Service
@Command(scope = "karrier", name = "topic-create", description = "Creates a topic on the local broker (or updates "
        + "an existing one); the broker registers it with the name server")
public class TopicCreateCommand extends AdminCommand {

    @Argument(index = 0, name = "topic", description = "The topic to create", required = true)
    String topic;

    @Option(name = "-r", aliases = "--read-queues", description = "Number of read queues (default 8)")
    int readQueues = 8;

    @Option(name = "-w", aliases = "--write-queues", description = "Number of write queues (default 8)")
    int writeQueues = 8;

    @Option(name = "-p", aliases = "--perm", description = "Permission: RW, R or W (or the bits: 6, 4, 2)")
    String perm = "RW";

    @Option(name = "--order", description = "Marks the topic as ordered")
    boolean order;

    @Override
    void run(AdminClient admin, PrintStream out) throws AdminException {
        if (readQueues < 1 || writeQueues < 1) {
            throw new AdminException("a topic needs at least one read and one write queue");
        }
        int bits = Perm.parse(perm);
        admin.createTopic(new TopicConfig(topic, readQueues, writeQueues, bits, TopicFilterType.SINGLE_TAG, 0, order));
        out.println("Topic " + topic + " created on " + admin.brokerName() + ": " + readQueues + " read / "
                + writeQueues + " write queues, perm " + Perm.format(bits) + (order ? ", ordered" : ""));
    }
}
