package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of REGISTER_BROKER (103) requests from a broker to the name server.
 *
 * @param brokerName the broker name
 * @param brokerAddr {@code brokerIP1:listenPort}
 * @param clusterName the cluster name
 * @param haServerAddr {@code brokerIP2:haListenPort}
 * @param brokerId 0 for a master, 1 and up for slaves
 * @param compressed whether the body is the compressed form; absent means {@code false}
 * @param bodyCrc32 CRC32 of the body, 0 to skip the check; absent means 0
 */
public record RegisterBrokerRequestHeader(
        String brokerName,
        String brokerAddr,
        String clusterName,
        String haServerAddr,
        long brokerId,
        boolean compressed,
        int bodyCrc32) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public RegisterBrokerRequestHeader {
        Objects.requireNonNull(brokerName, "brokerName");
        Objects.requireNonNull(brokerAddr, "brokerAddr");
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(haServerAddr, "haServerAddr");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static RegisterBrokerRequestHeader from(Map<String, String> extFields) {
        return new RegisterBrokerRequestHeader(
                ExtFields.requiredString(extFields, "brokerName"),
                ExtFields.requiredString(extFields, "brokerAddr"),
                ExtFields.requiredString(extFields, "clusterName"),
                ExtFields.requiredString(extFields, "haServerAddr"),
                ExtFields.requiredLong(extFields, "brokerId"),
                ExtFields.booleanOrFalse(extFields, "compressed"),
                ExtFields.optionalInt(extFields, "bodyCrc32", 0));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "brokerName", brokerName);
        ExtFields.put(extFields, "brokerAddr", brokerAddr);
        ExtFields.put(extFields, "clusterName", clusterName);
        ExtFields.put(extFields, "haServerAddr", haServerAddr);
        ExtFields.put(extFields, "brokerId", brokerId);
        ExtFields.put(extFields, "compressed", compressed);
        ExtFields.put(extFields, "bodyCrc32", bodyCrc32);
    }
}
