package io.karrier.shell;

import java.time.Duration;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import io.karrier.api.remoting.RemotingClient;
import io.karrier.api.server.ServerStatus;
import io.karrier.shell.internal.AdminException;
import io.karrier.shell.internal.LocalServers;

/** Completes consumer group names with the groups the local broker knows. */
@Service
public class ConsumerGroupCompleter implements Completer {

    /** Completion must not keep the console waiting long. */
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Reference(optional = true)
    List<ServerStatus> servers;

    @Reference
    RemotingClient remoting;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter names = new StringsCompleter();
        try {
            names.getStrings().addAll(LocalServers.adminClient(servers, remoting, TIMEOUT).consumerGroups());
        } catch (AdminException e) {
            // nothing to offer: the broker is down or did not answer; the command will say why
        }
        return names.complete(session, commandLine, candidates);
    }
}
