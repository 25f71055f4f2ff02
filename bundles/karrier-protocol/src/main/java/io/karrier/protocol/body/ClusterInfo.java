package io.karrier.protocol.body;

import java.util.Map;
import java.util.Set;

/**
 * The name server's view of clusters and brokers, the body of GET_BROKER_CLUSTER_INFO (106).
 *
 * @param brokerAddrTable broker name to its addresses; never {@code null}
 * @param clusterAddrTable cluster name to its broker names; never {@code null}
 */
public record ClusterInfo(Map<String, BrokerData> brokerAddrTable, Map<String, Set<String>> clusterAddrTable) {

    public ClusterInfo {
        brokerAddrTable = Copies.map(brokerAddrTable);
        clusterAddrTable = Copies.map(clusterAddrTable);
    }
}
