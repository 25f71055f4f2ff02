package io.karrier.shell;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.karrier.protocol.body.MessageQueue;
import io.karrier.protocol.body.TopicOffset;
import io.karrier.shell.internal.AdminClient;
import io.karrier.shell.internal.AdminException;
import io.karrier.shell.internal.Display;

/** {@code karrier:topic-stats}: each queue's offsets and last store time. */
@Service
@Command(scope = "karrier", name = "topic-stats", description = "Shows each queue of a topic: min and max offset "
        + "and when a message was last stored")
public class TopicStatsCommand extends AdminCommand {

    @Argument(index = 0, name = "topic", description = "The topic", required = true)
    @Completion(TopicCompleter.class)
    String topic;

    @Override
    void run(AdminClient admin, PrintStream out) throws AdminException {
        ShellTable table = new ShellTable();
        table.column("Broker");
        table.column("Queue").alignRight();
        table.column("Min offset").alignRight();
        table.column("Max offset").alignRight();
        table.column("Messages").alignRight();
        table.column("Last stored");
        Map<MessageQueue, TopicOffset> queues = new TreeMap<>(admin.topicStats(topic).offsetTable());
        for (Map.Entry<MessageQueue, TopicOffset> queue : queues.entrySet()) {
            TopicOffset offset = queue.getValue();
            table.addRow().addContent(queue.getKey().brokerName(), queue.getKey().queueId(), offset.minOffset(),
                    offset.maxOffset(), offset.maxOffset() - offset.minOffset(),
                    Display.time(offset.lastUpdateTimestamp()));
        }
        table.print(out);
    }
}
