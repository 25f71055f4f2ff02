package io.karrier.protocol.header;

import java.util.Map;

/**
 * Header of REGISTER_BROKER (103) responses; both fields are filled in only for a slave whose
 * master is alive.
 *
 * @param haServerAddr the master's HA address, or {@code null}
 * @param masterAddr the master's address, or {@code null}
 */
public record RegisterBrokerResponseHeader(
        String haServerAddr,
        String masterAddr) implements CommandHeader {

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static RegisterBrokerResponseHeader from(Map<String, String> extFields) {
        return new RegisterBrokerResponseHeader(
                ExtFields.optionalString(extFields, "haServerAddr"),
                ExtFields.optionalString(extFields, "masterAddr"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "haServerAddr", haServerAddr);
        ExtFields.put(extFields, "masterAddr", masterAddr);
    }
}
