package io.karrier.protocol.body;

import java.util.Map;

/**
 * One broker name and its addresses, in a route or the cluster info (REMOTING.md §5.1).
 *
 * <p>{@code brokerAddrs} is a {@code Map<Long,String>}: {@link RemotingJson#encode} writes it as
 * fastjson does, with bare numeric keys ({@code {0:"10.0.0.1:10911"}}), which every 4.x client
 * reads; {@link RemotingJson#encodeStandard} writes quoted keys ({@code {"0":"…"}}), which a 4.9.4+
 * name server sends only to clients that ask for standard JSON. Both forms read back.
 *
 * @param cluster the cluster name
 * @param brokerName the broker name
 * @param brokerAddrs broker id (0 = master) to {@code ip:port}; never {@code null}
 */
public record BrokerData(String cluster, String brokerName, Map<Long, String> brokerAddrs) {

    /** RocketMQ's master broker id. */
    public static final long MASTER_ID = 0L;

    public BrokerData {
        brokerAddrs = Copies.map(brokerAddrs);
    }
}
