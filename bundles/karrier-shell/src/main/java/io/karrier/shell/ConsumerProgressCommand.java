package io.karrier.shell;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.karrier.protocol.body.Connection;
import io.karrier.protocol.body.ConsumeStats;
import io.karrier.protocol.body.ConsumerConnection;
import io.karrier.protocol.body.MessageQueue;
import io.karrier.protocol.body.OffsetWrapper;
import io.karrier.shell.internal.AdminClient;
import io.karrier.shell.internal.AdminException;
import io.karrier.shell.internal.Display;

/** {@code karrier:consumer-progress}: a consumer group's lag per queue and its connected clients. */
@Service
@Command(scope = "karrier", name = "consumer-progress", description = "Shows a consumer group's lag per queue "
        + "(broker offset, consumer offset) and the consumers connected to the local broker")
public class ConsumerProgressCommand extends AdminCommand {

    @Argument(index = 0, name = "group", description = "The consumer group", required = true)
    @Completion(ConsumerGroupCompleter.class)
    String group;

    @Option(name = "-t", aliases = "--topic", description = "Shows only this topic")
    @Completion(TopicCompleter.class)
    String topic;

    @Override
    void run(AdminClient admin, PrintStream out) throws AdminException {
        Optional<ConsumerConnection> connection = admin.consumerConnection(group);
        // used only when the broker lacks GET_CONSUME_STATS: the topics the group subscribes to
        Set<String> topics = topic != null ? Set.of(topic)
                : connection.map(c -> c.subscriptionTable().keySet()).orElse(Set.of());
        ConsumeStats stats = admin.consumeStats(group, topics);
        printLag(stats, out);
        if (stats.offsetTable().isEmpty() && topics.isEmpty()) {
            out.println("No offsets found for " + group + "; if the broker lacks GET_CONSUME_STATS (208), name the "
                    + "topic with -t");
        }
        printClients(connection, out);
    }

    void printLag(ConsumeStats stats, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Topic");
        table.column("Broker");
        table.column("Queue").alignRight();
        table.column("Broker offset").alignRight();
        table.column("Consumer offset").alignRight();
        table.column("Lag").alignRight();
        table.column("Last consumed");
        long totalLag = 0;
        for (Map.Entry<MessageQueue, OffsetWrapper> queue : new TreeMap<>(stats.offsetTable()).entrySet()) {
            if (topic != null && !topic.equals(queue.getKey().topic())) {
                continue;
            }
            OffsetWrapper offsets = queue.getValue();
            long lag = Math.max(0, offsets.brokerOffset() - offsets.consumerOffset());
            totalLag += lag;
            table.addRow().addContent(queue.getKey().topic(), queue.getKey().brokerName(), queue.getKey().queueId(),
                    offsets.brokerOffset(), offsets.consumerOffset(), lag, Display.time(offsets.lastTimestamp()));
        }
        table.print(out);
        out.println("Total lag of " + group + ": " + totalLag);
    }

    void printClients(Optional<ConsumerConnection> connection, PrintStream out) {
        if (connection.isEmpty() || connection.get().connectionSet().isEmpty()) {
            out.println("No consumer of " + group + " is connected");
            return;
        }
        ConsumerConnection consumers = connection.get();
        out.println("Connected consumers (" + consumers.consumeType() + ", " + consumers.messageModel() + ", "
                + consumers.consumeFromWhere() + "):");
        ShellTable table = new ShellTable();
        table.column("Client id");
        table.column("Address");
        table.column("Language");
        table.column("Version").alignRight();
        consumers.connectionSet().stream().sorted(Comparator.comparing(Connection::clientId))
                .forEach(client -> table.addRow().addContent(client.clientId(), client.clientAddr(),
                        client.language(), client.version()));
        table.print(out);
    }
}
