package io.karrier.protocol.body;

import java.util.Map;

/**
 * A string table: GET_BROKER_RUNTIME_INFO (28), GET_KVLIST_BY_NAMESPACE (219), the REGISTER_BROKER
 * response (REMOTING.md §3.3, §5.2).
 *
 * @param table the entries; never {@code null}
 */
public record KVTable(Map<String, String> table) {

    public KVTable {
        table = Copies.map(table);
    }
}
