package io.karrier.shell;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.karrier.protocol.message.MessagePropertyKeys;
import io.karrier.shell.internal.AdminClient;
import io.karrier.shell.internal.AdminException;
import io.karrier.shell.internal.Display;
import io.karrier.shell.internal.MessageClient;
import io.karrier.shell.internal.ShownMessage;

/**
 * {@code karrier:message}: finds messages by offset message id (VIEW_MESSAGE_BY_ID), by unique
 * message id or by key within a topic (QUERY_MESSAGE), and shows each in full.
 */
@Service
@Command(scope = "karrier", name = "message", description = "Shows a message found by its offset message id, "
        + "or by its message id or a key within a topic (-t)")
public class MessageCommand extends AdminCommand {

    /** Characters of a body shown. */
    private static final int BODY_CHARS = 4096;
    /** Properties shown in their own rows, not again among the others. */
    private static final Set<String> SHOWN_APART = Set.of(MessagePropertyKeys.UNIQ_KEY, MessagePropertyKeys.TAGS,
            MessagePropertyKeys.KEYS);

    @Argument(index = 0, name = "id", description = "An offset message id (as send prints it), or with -t a "
            + "message id")
    String id;

    @Option(name = "-t", aliases = "--topic", description = "The topic to look the message id or key up in")
    @Completion(TopicCompleter.class)
    String topic;

    @Option(name = "-k", aliases = "--key", description = "Finds the messages with this key (needs -t)")
    String key;

    @Override
    void run(AdminClient admin, PrintStream out) throws AdminException {
        List<ShownMessage> found = find(admin.messages());
        if (found.isEmpty()) {
            throw new AdminException("no message found for " + (key != null ? "key " + key : id)
                    + (topic != null ? " in " + topic : ""));
        }
        for (ShownMessage message : found) {
            print(message, out);
        }
    }

    private List<ShownMessage> find(MessageClient messages) throws AdminException {
        if ((key == null) == (id == null)) {
            throw new AdminException("give either a message id or -k key");
        }
        if (key != null) {
            if (topic == null) {
                throw new AdminException("a key lookup needs the topic (-t)");
            }
            return messages.query(topic, key, false);
        }
        try {
            return List.of(messages.view(id));
        } catch (AdminException notAnOffsetId) {
            if (topic == null) {
                throw new AdminException(notAnOffsetId.getMessage()
                        + " (give -t <topic> to look it up as a message id)");
            }
        }
        return messages.query(topic, id, true);
    }

    static void print(ShownMessage message, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Field");
        table.column("Value");
        table.addRow().addContent("Topic", message.topic());
        table.addRow().addContent("Queue", message.queueId());
        table.addRow().addContent("Queue offset", message.queueOffset());
        table.addRow().addContent("Msg id", message.msgId());
        table.addRow().addContent("Offset msg id", message.offsetMsgId());
        table.addRow().addContent("Tags", message.tags());
        table.addRow().addContent("Keys", message.keys());
        table.addRow().addContent("Born", Display.time(message.bornTimestamp()) + " at " + message.bornHost());
        table.addRow().addContent("Stored", Display.time(message.storeTimestamp()));
        table.addRow().addContent("Reconsume times", message.reconsumeTimes());
        for (Map.Entry<String, String> property : message.properties().entrySet()) {
            if (!SHOWN_APART.contains(property.getKey())) {
                table.addRow().addContent("Property " + property.getKey(), property.getValue());
            }
        }
        table.addRow().addContent("Body (" + message.body().length + " bytes)",
                Display.body(message.body(), BODY_CHARS));
        table.print(out);
    }
}
