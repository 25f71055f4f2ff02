package io.karrier.protocol.header;

import io.karrier.api.remoting.RemotingCommand;
import java.util.HashMap;
import java.util.Map;

/**
 * A typed custom header of a request or response. Each implementation reads itself with a static
 * {@code from(Map<String, String>)} and writes itself with {@link #writeTo(Map)}, field by field,
 * without reflection: the send and pull paths read a header per message.
 */
public interface CommandHeader {

    /**
     * Writes the fields as the RocketMQ 4.x client and server do: under the upstream field names,
     * numbers in decimal, booleans as {@code true}/{@code false}; {@code null} fields are omitted.
     *
     * @param extFields the map to add the fields to
     */
    void writeTo(Map<String, String> extFields);

    /**
     * Writes the fields into a command's extFields, creating the map when the command has none.
     *
     * @param command the request or response to fill
     * @return the command
     */
    default RemotingCommand writeTo(RemotingCommand command) {
        if (command.extFields() == null) {
            command.extFields(new HashMap<>());
        }
        writeTo(command.extFields());
        return command;
    }

    /** @return a new mutable map holding the fields as {@link #writeTo(Map)} writes them */
    default Map<String, String> toExtFields() {
        Map<String, String> extFields = new HashMap<>();
        writeTo(extFields);
        return extFields;
    }
}
