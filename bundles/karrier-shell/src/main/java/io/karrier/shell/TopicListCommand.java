package io.karrier.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.karrier.protocol.body.TopicConfig;
import io.karrier.shell.internal.AdminClient;
import io.karrier.shell.internal.AdminException;
import io.karrier.shell.internal.Perm;

/** {@code karrier:topic-list}: the broker's topics and their queues. */
@Service
@Command(scope = "karrier", name = "topic-list", description = "Lists the topics of the local broker with their "
        + "queue counts and permissions")
public class TopicListCommand extends AdminCommand {

    @Override
    void run(AdminClient admin, PrintStream out) throws AdminException {
        ShellTable table = new ShellTable();
        table.column("Topic");
        table.column("Read queues").alignRight();
        table.column("Write queues").alignRight();
        table.column("Perm");
        table.column("Order");
        for (TopicConfig topic : admin.topics().values()) {
            table.addRow().addContent(topic.topicName(), topic.readQueueNums(), topic.writeQueueNums(),
                    Perm.format(topic.perm()), topic.order());
        }
        table.print(out);
    }
}
