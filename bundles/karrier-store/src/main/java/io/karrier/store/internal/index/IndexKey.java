package io.karrier.store.internal.index;

/**
 * How RocketMQ names and hashes an index key, matched on purpose so that files stay
 * interchangeable: the key is {@code topic + "#" + key}, its hash is {@code |String.hashCode()|}
 * with 0 for {@link Integer#MIN_VALUE} (whose absolute value overflows), and its slot is
 * {@code hash % slotCount}. Stateless.
 */
final class IndexKey {

    private IndexKey() {
    }

    /** @return the key stored in the index for a message key of a topic */
    static String of(String topic, String key) {
        return topic + "#" + key;
    }

    /** @return the non-negative hash RocketMQ stores for the key */
    static int hash(String indexKey) {
        int hash = Math.abs(indexKey.hashCode());
        return hash < 0 ? 0 : hash;
    }

    /** @return the slot of a hash in a table of {@code slotCount} slots */
    static int slot(int hash, int slotCount) {
        return hash % slotCount;
    }
}
