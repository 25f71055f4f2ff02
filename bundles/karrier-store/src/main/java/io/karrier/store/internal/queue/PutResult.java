package io.karrier.store.internal.queue;

/** What {@link ConsumeQueue#put} did with an entry. */
public enum PutResult {
    /** Written at the end of the queue. */
    APPENDED,
    /** The queue already holds this exact entry at this offset (a re-dispatch during recovery); ignored. */
    ALREADY_PRESENT,
    /** The queue holds a different entry at this offset; ignored, nothing overwritten. */
    CONFLICT,
    /** The offset is below the queue's min offset: that part was deleted; ignored. */
    BELOW_MIN,
    /** The offset is past the queue's end: entries would be missing in between; refused. */
    GAP
}
