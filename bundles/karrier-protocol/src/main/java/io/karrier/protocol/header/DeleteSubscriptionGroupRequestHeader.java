package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of DELETE_SUBSCRIPTIONGROUP (207) requests.
 *
 * @param groupName the consumer group
 * @param removeOffset whether to drop the group's offsets too; absent means {@code false}
 */
public record DeleteSubscriptionGroupRequestHeader(
        String groupName,
        boolean removeOffset) implements CommandHeader {

    /** Rejects {@code null} in the required fields. */
    public DeleteSubscriptionGroupRequestHeader {
        Objects.requireNonNull(groupName, "groupName");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static DeleteSubscriptionGroupRequestHeader from(Map<String, String> extFields) {
        return new DeleteSubscriptionGroupRequestHeader(
                ExtFields.requiredString(extFields, "groupName"),
                ExtFields.booleanOrFalse(extFields, "removeOffset"));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "groupName", groupName);
        ExtFields.put(extFields, "removeOffset", removeOffset);
    }
}
