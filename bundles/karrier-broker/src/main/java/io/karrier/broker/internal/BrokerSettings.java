package io.karrier.broker.internal;

import java.time.Duration;
import java.util.List;

import io.karrier.broker.internal.client.ClientSettings;

/**
 * What the broker's parts need of its configuration, with the port it actually listens on.
 *
 * @param brokerName shared by a master and its slaves
 * @param clusterName the cluster it registers in
 * @param brokerId 0 for a master
 * @param brokerIP the address advertised to name servers and clients
 * @param listenPort the port it listens on (the fast port is this minus 2)
 * @param nameServers {@code host:port} of every name server
 * @param autoCreateTopicEnable whether sends to unknown topics create them from TBW102
 * @param defaultTopicQueueNums queue count of TBW102, the most an auto-created topic gets
 * @param maxMessageSize the largest body accepted, bytes
 * @param registerInterval how often it registers with the name servers
 * @param persistInterval how often changed tables are written
 * @param clients how clients, their groups and queue locks are kept
 * @param longPolling how pulls that find nothing are held
 */
public record BrokerSettings(String brokerName, String clusterName, long brokerId, String brokerIP, int listenPort,
        List<String> nameServers, boolean autoCreateTopicEnable, int defaultTopicQueueNums, int maxMessageSize,
        Duration registerInterval, Duration persistInterval, ClientSettings clients,
        LongPolling longPolling) {

    /**
     * @param maxHeldPulls the most pulls held at once; past it a pull that finds nothing is answered at once
     * @param sweepInterval how often held pulls are checked for their deadline and closed connections
     */
    public record LongPolling(int maxHeldPulls, Duration sweepInterval) {
    }

    public BrokerSettings {
        nameServers = List.copyOf(nameServers);
    }

    /** @return {@code brokerIP:listenPort}, the address clients reach this broker at */
    public String brokerAddress() {
        return brokerIP + ":" + listenPort;
    }

    /** @return whether this broker is a master (id 0) */
    public boolean isMaster() {
        return brokerId == 0;
    }
}
