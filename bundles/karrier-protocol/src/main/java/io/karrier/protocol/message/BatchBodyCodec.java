package io.karrier.protocol.message;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The body of SEND_BATCH_MESSAGE (code 320, REMOTING.md §6.6): items back to back, each
 *
 * <pre>
 * size  field
 * 4     TOTALSIZE   length of this item, this field included
 * 4     MAGICCODE   written as 0, not checked
 * 4     BODYCRC     written as 0, not checked (the broker computes the real one)
 * 4     FLAG
 * 4+n   BODYLEN, BODY
 * 2+n   PROPLEN (int16), PROPERTIES (UTF-8)
 * </pre>
 *
 * <p>Decoding is strict where RocketMQ's broker is lax: every length must fit the bytes left and
 * each item's fields must add up to its TOTALSIZE, so a truncated or forged body is refused with a
 * {@link MalformedMessageException} instead of overrunning. Decoded bodies are slices, not copies.
 * Stateless; thread-safe.
 */
public final class BatchBodyCodec {

    /** Size of an item with empty body and properties. */
    public static final int MIN_ITEM_SIZE = 22;

    private BatchBodyCodec() {
    }

    /**
     * Splits a batch body into its items.
     *
     * @param body the request body, between position and limit (position not changed)
     * @return the items in order; empty for an empty body
     * @throws MalformedMessageException when an item is truncated or its lengths disagree
     */
    public static List<BatchItem> decode(ByteBuffer body) {
        List<BatchItem> items = new ArrayList<>();
        int index = body.position();
        int limit = body.limit();
        while (index < limit) {
            int itemNumber = items.size();
            int available = limit - index;
            if (available < MIN_ITEM_SIZE) {
                throw new MalformedMessageException("batch item " + itemNumber + " truncated: " + available
                        + " bytes left, an item needs at least " + MIN_ITEM_SIZE);
            }
            int totalSize = body.getInt(index);
            if (totalSize < MIN_ITEM_SIZE || totalSize > available) {
                throw new MalformedMessageException("batch item " + itemNumber + " has TOTALSIZE " + totalSize
                        + " with " + available + " bytes left");
            }
            int end = index + totalSize;
            int flag = body.getInt(index + 12);
            int bodyLength = body.getInt(index + 16);
            int bodyIndex = index + 20;
            if (bodyLength < 0 || bodyLength > end - bodyIndex - 2) {
                throw new MalformedMessageException("batch item " + itemNumber + " has body length " + bodyLength
                        + " but " + (end - bodyIndex - 2) + " bytes fit in it");
            }
            int propertiesLengthIndex = bodyIndex + bodyLength;
            int propertiesLength = body.getShort(propertiesLengthIndex);
            int propertiesIndex = propertiesLengthIndex + 2;
            if (propertiesLength < 0 || propertiesIndex + propertiesLength != end) {
                throw new MalformedMessageException("batch item " + itemNumber + " has properties length "
                        + propertiesLength + " but " + (end - propertiesIndex) + " bytes are left in it");
            }
            items.add(new BatchItem(flag, body.slice(bodyIndex, bodyLength),
                    MessageProperties.decodeUtf8(body, propertiesIndex, propertiesLength)));
            index = end;
        }
        return items;
    }

    /**
     * Encodes items as a batch body, the way the 4.x client does.
     *
     * @param items the items
     * @return a heap buffer positioned at 0 holding the whole body
     * @throws MalformedMessageException when an item's properties exceed 32767 bytes
     */
    public static ByteBuffer encode(List<BatchItem> items) {
        List<byte[]> properties = new ArrayList<>(items.size());
        long size = 0;
        for (BatchItem item : items) {
            byte[] bytes = MessageProperties.toBytes(item.properties());
            if (bytes.length > StoredMessageLayout.MAX_PROPERTIES_LENGTH) {
                throw new MalformedMessageException("batch item properties of " + bytes.length
                        + " bytes; at most " + StoredMessageLayout.MAX_PROPERTIES_LENGTH + " allowed");
            }
            properties.add(bytes);
            size += MIN_ITEM_SIZE + item.body().remaining() + bytes.length;
        }
        if (size > Integer.MAX_VALUE) {
            throw new MalformedMessageException("batch of " + size + " bytes is too large");
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        for (int i = 0; i < items.size(); i++) {
            ByteBuffer itemBody = items.get(i).body();
            byte[] itemProperties = properties.get(i);
            out.putInt(MIN_ITEM_SIZE + itemBody.remaining() + itemProperties.length)
                    .putInt(0)
                    .putInt(0)
                    .putInt(items.get(i).flag())
                    .putInt(itemBody.remaining())
                    .put(itemBody)
                    .putShort((short) itemProperties.length)
                    .put(itemProperties);
        }
        return out.flip();
    }
}
