package io.karrier.store.internal.index;

/**
 * Geometry and bound of the key index. Every file of one index directory must have been written
 * with the same geometry: RocketMQ's format does not record it (its header's slot field counts
 * used slots), so a file of another size is refused when opened.
 *
 * @param hashSlotCount slots per file (RocketMQ: 5,000,000)
 * @param maxIndexCount entry numbers per file, counting the unused entry 0 (RocketMQ: 20,000,000),
 *        so a file holds {@code maxIndexCount - 1} entries
 * @param maxFiles most files kept; rolling past it deletes the oldest
 */
public record IndexSettings(int hashSlotCount, int maxIndexCount, int maxFiles) {

    /** RocketMQ's geometry (420,000,040-byte files) and room for 64 of them. */
    public static final IndexSettings DEFAULTS = new IndexSettings(5_000_000, 20_000_000, 64);

    public IndexSettings {
        if (hashSlotCount < 1 || maxIndexCount < 2 || maxFiles < 1) {
            throw new IllegalArgumentException("need at least 1 slot, 2 index numbers and 1 file: " + hashSlotCount
                    + ", " + maxIndexCount + ", " + maxFiles);
        }
        if (fileSize() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("an index file must map in one piece (< 2 GiB), not " + fileSize());
        }
    }

    /** @return the size of one file: header, slots, entries */
    public long fileSize() {
        return IndexHeader.SIZE + (long) hashSlotCount * IndexFile.SLOT_SIZE
                + (long) maxIndexCount * IndexFile.ENTRY_SIZE;
    }
}
