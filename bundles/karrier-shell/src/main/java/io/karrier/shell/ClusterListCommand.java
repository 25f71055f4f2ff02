package io.karrier.shell;

import java.io.PrintStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.karrier.protocol.body.BrokerData;
import io.karrier.protocol.body.ClusterInfo;
import io.karrier.shell.internal.AdminClient;
import io.karrier.shell.internal.AdminException;

/** {@code karrier:cluster-list}: the clusters and brokers the local name server knows. */
@Service
@Command(scope = "karrier", name = "cluster-list", description = "Lists the clusters and brokers registered with "
        + "the local name server")
public class ClusterListCommand extends AdminCommand {

    @Override
    void run(AdminClient admin, PrintStream out) throws AdminException {
        print(admin.clusterInfo(), out);
    }

    static void print(ClusterInfo info, PrintStream out) {
        ShellTable table = new ShellTable();
        table.column("Cluster");
        table.column("Broker");
        table.column("Id").alignRight();
        table.column("Role");
        table.column("Address");
        Map<String, Set<String>> clusters = new TreeMap<>(info.clusterAddrTable());
        for (Map.Entry<String, Set<String>> cluster : clusters.entrySet()) {
            for (String brokerName : new TreeSet<>(cluster.getValue())) {
                BrokerData broker = info.brokerAddrTable().get(brokerName);
                if (broker == null) {
                    continue;
                }
                new TreeMap<>(broker.brokerAddrs()).forEach((id, address) -> table.addRow().addContent(
                        cluster.getKey(), brokerName, id, id == BrokerData.MASTER_ID ? "master" : "slave", address));
            }
        }
        table.print(out);
    }
}
