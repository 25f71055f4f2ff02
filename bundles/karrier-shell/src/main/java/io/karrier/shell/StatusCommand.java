package io.karrier.shell;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.karrier.api.server.ServerStatus;

/** {@code karrier:status}: the Karrier servers running in this container and where they listen. */
@Service
@Command(scope = "karrier", name = "status", description = "Lists the running Karrier servers and their addresses")
public class StatusCommand implements Action {

    @Reference(optional = true)
    List<ServerStatus> servers;

    @Override
    public Object execute() {
        print(servers == null ? List.of() : servers, System.out);
        return null;
    }

    static void print(List<ServerStatus> servers, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Role");
        table.column("Name");
        table.column("Address");
        table.column("Started");
        servers.stream()
                .sorted(Comparator.comparing(ServerStatus::role))
                .forEach(server -> table.addRow().addContent(server.role(), server.name(),
                        server.listenAddress().getHostString() + ":" + server.listenAddress().getPort(),
                        server.startedAt()));
        table.print(out);
    }
}
