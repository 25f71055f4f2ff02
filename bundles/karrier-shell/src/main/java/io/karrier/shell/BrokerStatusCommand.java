package io.karrier.shell;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import io.karrier.protocol.body.KVTable;
import io.karrier.shell.internal.AdminClient;
import io.karrier.shell.internal.AdminException;

/**
 * {@code karrier:broker-status}: what the broker reports about itself (GET_BROKER_RUNTIME_INFO and
 * GET_BROKER_CONFIG), a summary first and then every runtime value as the broker named it.
 */
@Service
@Command(scope = "karrier", name = "broker-status", description = "Shows the local broker's role, version, flush "
        + "strategy, store usage, put/get TPS and every other runtime value it reports")
public class BrokerStatusCommand extends AdminCommand {

    @Override
    void run(AdminClient admin, PrintStream out) throws AdminException {
        out.println("Broker " + admin.brokerName() + " at " + admin.brokerAddress());
        Optional<KVTable> runtime = admin.runtimeInfo();
        if (runtime.isEmpty()) {
            out.println("This broker does not report runtime info yet (GET_BROKER_RUNTIME_INFO, code 28, "
                    + "not supported)");
            return;
        }
        Map<String, String> values = new TreeMap<>(runtime.get().table());
        Map<String, String> config = admin.brokerConfig().orElse(Map.of());
        print(values, config, out);
    }

    static void print(Map<String, String> runtime, Map<String, String> config, PrintStream out) {
        ShellTable summary = new ShellTable();
        summary.column("Summary");
        summary.column("Value");
        summary.addRow().addContent("Role", first(config, runtime, "brokerRole"));
        summary.addRow().addContent("Version", first(runtime, config, "brokerVersionDesc"));
        summary.addRow().addContent("Flush", first(config, runtime, "flushDiskType"));
        summary.addRow().addContent("Store usage (disk ratio)", first(runtime, config, "commitLogDiskRatio"));
        summary.addRow().addContent("Put TPS (last minute)", lastMinute(runtime.get("putTps")));
        summary.addRow().addContent("Get TPS (last minute)", lastMinute(runtime.get("getTransferedTps")));
        summary.print(out);
        ShellTable all = new ShellTable();
        all.column("Runtime key");
        all.column("Value");
        runtime.forEach((key, value) -> all.addRow().addContent(key, value));
        all.print(out);
    }

    private static String first(Map<String, String> preferred, Map<String, String> other, String key) {
        return preferred.getOrDefault(key, other.getOrDefault(key, "-"));
    }

    /** RocketMQ reports a TPS as three numbers, over the last 10 s, minute and 10 minutes; keeps the middle one. */
    static String lastMinute(String tps) {
        if (tps == null || tps.isBlank()) {
            return "-";
        }
        String[] windows = tps.strip().split("\\s+");
        return windows.length >= 2 ? windows[1] : windows[0];
    }
}
