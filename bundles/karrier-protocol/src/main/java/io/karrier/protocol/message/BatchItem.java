package io.karrier.protocol.message;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;

/**
 * One message of a SEND_BATCH_MESSAGE body ({@link BatchBodyCodec}): its user flag, body and own
 * properties string (which already holds its UNIQ_KEY, KEYS, TAGS, WAIT).
 *
 * <p>A decoded item's body is a read-only slice of the request body, not a copy. Immutable; thread-safe
 * as long as the body's bytes are not changed.
 *
 * @param flag       the user's flag
 * @param body       the body, between position and limit
 * @param properties the properties string
 */
public record BatchItem(int flag, ByteBuffer body, String properties) {

    /**
     * Creates an item.
     *
     * @param flag       the user's flag
     * @param body       the body, between position and limit
     * @param properties the properties string; null means none
     */
    public BatchItem {
        body = Objects.requireNonNull(body, "body").slice().asReadOnlyBuffer();
        properties = properties == null ? "" : properties;
    }

    /**
     * Creates an item from an array body and a properties map.
     *
     * @param flag       the user's flag
     * @param body       the body; kept by reference
     * @param properties the properties, in order
     * @return the item
     */
    public static BatchItem of(int flag, byte[] body, Map<String, String> properties) {
        return new BatchItem(flag, ByteBuffer.wrap(body), MessageProperties.format(properties));
    }

    /**
     * The body.
     *
     * @return a read-only view sharing the bytes
     */
    @Override
    public ByteBuffer body() {
        return body.duplicate();
    }

    /**
     * The body bytes.
     *
     * @return a copy
     */
    public byte[] bodyBytes() {
        byte[] bytes = new byte[body.remaining()];
        body.get(body.position(), bytes);
        return bytes;
    }

    /**
     * The parsed properties.
     *
     * @return a new map in the string's order
     */
    public Map<String, String> propertyMap() {
        return MessageProperties.parse(properties);
    }
}
