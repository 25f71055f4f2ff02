package io.karrier.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import io.karrier.shell.internal.AdminClient;
import io.karrier.shell.internal.AdminException;

/** {@code karrier:topic-delete}: deletes a topic from the local broker and name server. */
@Service
@Command(scope = "karrier", name = "topic-delete", description = "Deletes a topic from the local broker and then "
        + "from the name server")
public class TopicDeleteCommand extends AdminCommand {

    @Argument(index = 0, name = "topic", description = "The topic to delete", required = true)
    @Completion(TopicCompleter.class)
    String topic;

    @Override
    void run(AdminClient admin, PrintStream out) throws AdminException {
        boolean fromNameServer = admin.deleteTopic(topic);
        out.println("Topic " + topic + " deleted from " + admin.brokerName()
                + (fromNameServer ? " and the name server" : " (no name server runs here)"));
    }
}
