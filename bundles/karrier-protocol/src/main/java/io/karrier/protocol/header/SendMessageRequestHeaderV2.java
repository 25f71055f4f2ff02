package io.karrier.protocol.header;

import java.util.Map;
import java.util.Objects;

/**
 * Header of SEND_MESSAGE_V2 (310), SEND_BATCH_MESSAGE (320) and SEND_REPLY_MESSAGE_V2 (325)
 * requests: the fields of {@link SendMessageRequestHeader} under one-letter keys, which is what the
 * 4.9 client sends. The keys, in order: {@code a} producerGroup, {@code b} topic, {@code c}
 * defaultTopic, {@code d} defaultTopicQueueNums, {@code e} queueId, {@code f} sysFlag, {@code g}
 * bornTimestamp, {@code h} flag, {@code i} properties, {@code j} reconsumeTimes, {@code k} unitMode,
 * {@code l} maxReconsumeTimes, {@code m} batch ({@code true} for 320), {@code n} brokerName.
 *
 * <p>The content is the same as the long form, so this record only wraps one; convert with
 * {@code new SendMessageRequestHeaderV2(v1)} and {@link #v1()}.
 *
 * @param v1 the same fields under their long (V1) names
 */
public record SendMessageRequestHeaderV2(SendMessageRequestHeader v1) implements CommandHeader {

    /** Rejects {@code null}. */
    public SendMessageRequestHeaderV2 {
        Objects.requireNonNull(v1, "v1");
    }

    /**
     * Reads the header from a command's custom header fields; other fields are ignored.
     *
     * @param extFields the fields, or {@code null} for none
     * @return the header
     * @throws MalformedHeaderException if a required field is missing or a number does not parse
     */
    public static SendMessageRequestHeaderV2 from(Map<String, String> extFields) {
        // The broker name travels as "n". Upstream's V2 decoder ignores a "bname" key here, and so do we.
        return new SendMessageRequestHeaderV2(new SendMessageRequestHeader(
                ExtFields.requiredString(extFields, "a"),
                ExtFields.requiredString(extFields, "b"),
                ExtFields.requiredString(extFields, "c"),
                ExtFields.requiredInt(extFields, "d"),
                ExtFields.requiredInt(extFields, "e"),
                ExtFields.requiredInt(extFields, "f"),
                ExtFields.requiredLong(extFields, "g"),
                ExtFields.requiredInt(extFields, "h"),
                ExtFields.optionalString(extFields, "i"),
                ExtFields.optionalInt(extFields, "j"),
                ExtFields.booleanOrFalse(extFields, "k"),
                ExtFields.booleanOrFalse(extFields, "m"),
                ExtFields.optionalInt(extFields, "l"),
                ExtFields.optionalString(extFields, "n")));
    }

    @Override
    public void writeTo(Map<String, String> extFields) {
        ExtFields.put(extFields, "a", v1.producerGroup());
        ExtFields.put(extFields, "b", v1.topic());
        ExtFields.put(extFields, "c", v1.defaultTopic());
        ExtFields.put(extFields, "d", v1.defaultTopicQueueNums());
        ExtFields.put(extFields, "e", v1.queueId());
        ExtFields.put(extFields, "f", v1.sysFlag());
        ExtFields.put(extFields, "g", v1.bornTimestamp());
        ExtFields.put(extFields, "h", v1.flag());
        ExtFields.put(extFields, "i", v1.properties());
        ExtFields.put(extFields, "j", v1.reconsumeTimes());
        ExtFields.put(extFields, "k", v1.unitMode());
        ExtFields.put(extFields, "l", v1.maxReconsumeTimes());
        ExtFields.put(extFields, "m", v1.batch());
        ExtFields.put(extFields, "n", v1.brokerName());
    }
}
