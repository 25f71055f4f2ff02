package io.karrier.shell;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.karrier.protocol.message.MessagePropertyKeys;
import io.karrier.shell.internal.AdminClient;
import io.karrier.shell.internal.AdminException;
import io.karrier.shell.internal.MessageClient.SendReceipt;

/** {@code karrier:send}: sends one message to the local broker. */
@Service
@Command(scope = "karrier", name = "send", description = "Sends one message to a topic of the local broker and "
        + "shows where it was stored")
public class SendCommand extends AdminCommand {

    /** RocketMQ's limit on a message body. */
    static final int MAX_BODY = 4 * 1024 * 1024;

    @Argument(index = 0, name = "topic", description = "The topic to send to", required = true)
    @Completion(TopicCompleter.class)
    String topic;

    @Argument(index = 1, name = "body", description = "The body, as UTF-8 text (or use --file)")
    String body;

    @Option(name = "--tag", description = "The message's tag")
    String tag;

    @Option(name = "--keys", description = "The message's keys, separated by spaces")
    String keys;

    @Option(name = "--file", description = "Reads the body from this file instead (at most 4 MiB)")
    String file;

    @Option(name = "--property", description = "A user property as name=value; may be repeated", multiValued = true)
    List<String> userProperties;

    @Option(name = "--queue", description = "The queue to write to (default: a random write queue)")
    Integer queue;

    @Override
    void run(AdminClient admin, PrintStream out) throws AdminException {
        byte[] bytes = body();
        Map<String, String> properties = properties();
        int writeQueues = admin.topic(topic).writeQueueNums();
        int queueId = queue != null ? queue : ThreadLocalRandom.current().nextInt(Math.max(1, writeQueues));
        if (queueId < 0 || queueId >= writeQueues) {
            throw new AdminException("topic " + topic + " has write queues 0 to " + (writeQueues - 1) + ", not "
                    + queueId);
        }
        SendReceipt receipt = admin.messages().send(topic, queueId, bytes, properties);
        ShellTable table = new ShellTable();
        table.column("Msg id");
        table.column("Offset msg id");
        table.column("Queue").alignRight();
        table.column("Queue offset").alignRight();
        table.addRow().addContent(receipt.msgId(), receipt.offsetMsgId(), receipt.queueId(), receipt.queueOffset());
        table.print(out);
    }

    private byte[] body() throws AdminException {
        if ((file == null) == (body == null)) {
            throw new AdminException("give the body either as an argument or with --file, not " + (file == null
                    ? "neither" : "both"));
        }
        if (file == null) {
            return body.getBytes(StandardCharsets.UTF_8);
        }
        Path path = Path.of(file);
        try {
            if (Files.size(path) > MAX_BODY) {
                throw new AdminException(file + " is larger than " + MAX_BODY + " bytes, the most a message may carry");
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new AdminException("cannot read " + file + ": " + e);
        }
    }

    private Map<String, String> properties() throws AdminException {
        Map<String, String> properties = new LinkedHashMap<>();
        if (userProperties != null) {
            for (String property : userProperties) {
                int equals = property.indexOf('=');
                if (equals <= 0) {
                    throw new AdminException("a property is name=value, not " + property);
                }
                properties.put(property.substring(0, equals), property.substring(equals + 1));
            }
        }
        if (tag != null) {
            properties.put(MessagePropertyKeys.TAGS, tag);
        }
        if (keys != null) {
            properties.put(MessagePropertyKeys.KEYS, keys);
        }
        return properties;
    }
}
