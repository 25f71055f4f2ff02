package io.karrier.shell;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;

import io.karrier.api.remoting.RemotingClient;
import io.karrier.api.server.ServerStatus;
import io.karrier.shell.internal.AdminClient;
import io.karrier.shell.internal.AdminException;
import io.karrier.shell.internal.LocalServers;

/**
 * A command that talks to the broker (and name server) running in this container over the
 * remoting protocol, as mqadmin would. A failed request ends the command with a
 * {@link CommandException}, which the console prints as one line ("Error executing command: ...")
 * on every kind of console (local, ssh, batch) and logs without a stack trace.
 */
abstract class AdminCommand implements Action {

    /** How long a command waits for each answer. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Reference(optional = true)
    List<ServerStatus> servers;

    @Reference
    RemotingClient remoting;

    @Override
    public Object execute() throws CommandException {
        try {
            run(LocalServers.adminClient(servers, remoting, TIMEOUT), System.out);
        } catch (AdminException | IllegalArgumentException e) {
            throw new CommandException(e.getMessage());
        }
        return null;
    }

    /**
     * Does the command's work.
     *
     * @param admin the local broker's client
     * @param out where the command prints its result
     * @throws AdminException when a request fails
     */
    abstract void run(AdminClient admin, PrintStream out) throws AdminException;
}
