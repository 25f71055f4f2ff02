package io.karrier.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code io.karrier.store}. */
@ObjectClassDefinition(name = "Karrier store",
        description = "Commit log, consume queues and key index of the broker's messages.")
public @interface StoreConfig {

    @AttributeDefinition(description = "Directory of the store; empty means karrier/store under Karaf's data folder.")
    String storePath() default "";

    @AttributeDefinition(description = "Size of a commit-log segment file in bytes (RocketMQ: 1 GiB).", min = "4096")
    int commitLogSegmentBytes() default 1 << 30;

    @AttributeDefinition(description = "Entries per consume-queue file (20 bytes each).", min = "16")
    int consumeQueueEntriesPerFile() default 300_000;

    @AttributeDefinition(description = "Largest message body accepted, in bytes (RocketMQ: 4 MiB).", min = "1")
    int maxMessageBytes() default 4 * 1024 * 1024;

    @AttributeDefinition(description = "Milliseconds an append waits for a flush strategy before answering busy.",
            min = "0")
    int flushStrategyWaitMillis() default 3000;

    @AttributeDefinition(description = "Write one byte per page of each new segment so its first writes do not fault.")
    boolean preTouch() default false;

    @AttributeDefinition(description = "Bytes ahead of the commit log's end that a thread keeps faulted in and"
            + " writable, so appends do not take the page faults of a fresh segment; 0 turns it off.", min = "0")
    int commitLogWarmAheadBytes() default StoreSettings.DEFAULT_WARM_AHEAD_BYTES;

    @AttributeDefinition(description = "Hash slots of a key index file.", min = "16")
    int indexHashSlots() default 5_000_000;

    @AttributeDefinition(description = "Entries of a key index file.", min = "16")
    int indexMaxEntries() default 20_000_000;

    @AttributeDefinition(description = "Key index files kept at most; the oldest go first.", min = "1")
    int indexMaxFiles() default 64;

    @AttributeDefinition(description = "Seconds between two retention passes (expired segments, disk limits).",
            min = "1")
    int retentionCheckIntervalSeconds() default 10;

    @AttributeDefinition(description = "Hours a commit-log segment is kept after its last write; then it is deleted,"
            + " with the consume-queue and index files it makes stale (RocketMQ: fileReservedTime, 72).", min = "1")
    int fileReservedHours() default 72;

    @AttributeDefinition(description = "Disk usage percent past which the oldest commit-log segments are deleted,"
            + " expired or not, until usage is back under it (RocketMQ: diskMaxUsedSpaceRatio, 75).",
            min = "1", max = "100")
    int diskSoftLimitPercent() default 75;

    @AttributeDefinition(description = "Disk usage percent past which appends are refused with DISK_FULL (reads go"
            + " on) until usage is back under it; not below the soft limit.", min = "1", max = "100")
    int diskHardLimitPercent() default 90;
}
