package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of the name-server requests that identify one broker: UNREGISTER_BROKER (104) and
 * QUERY_DATA_VERSION (322).
 *
 * @param brokerName the broker name
 * @param brokerAddr {@code brokerIP1:listenPort}
 * @param clusterName the cluster name
 * @param brokerId 0 for a master, 1 and up for slaves
 */
public record BrokerIdentityRequestHeader(
        String brokerName,
        String brokerAddr,
        String clusterName,
        long brokerId) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public BrokerIdentityRequestHeader {
        Objects.requireNonNull(brokerName, "brokerName");
        Objects.requireNonNull(brokerAddr, "brokerAddr");
        Objects.requireNonNull(clusterName, "clusterName");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static BrokerIdentityRequestHeader from(Map<String, String> extFields) {
        return new BrokerIdentityRequestHeader(
                ExtFields.requiredString(extFields, "brokerName"),
                ExtFields.requiredString(extFields, "brokerAddr"),
                ExtFields.requiredString(extFields, "clusterName"),
                ExtFields.requiredLong(extFields, "brokerId"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "brokerName", brokerName);
        ExtFields.put(extFields, "brokerAddr", brokerAddr);
        ExtFields.put(extFields, "clusterName", clusterName);
        ExtFields.put(extFields, "brokerId", brokerId);
    }
}
