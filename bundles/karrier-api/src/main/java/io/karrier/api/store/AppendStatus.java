package io.karrier.api.store;

/** How an append ended. Only {@link #PUT_OK} means stored with the promised durability. */
public enum AppendStatus {
    /** Stored, with the durability the flush strategy in force promises. */
    PUT_OK,
    /** Stored in the page cache, but the force did not happen in time or failed. */
    FLUSH_DISK_TIMEOUT,
    /** The message breaks a limit (size, topic length, properties length); nothing stored. */
    MESSAGE_ILLEGAL,
    /** The disk is past the hard usage limit; nothing stored. Reads go on. */
    DISK_FULL,
    /** No flush strategy was present in time, or the store is busy; nothing stored. */
    BUSY,
    /** The store is closed or broken; nothing stored. */
    SERVICE_NOT_AVAILABLE
}
