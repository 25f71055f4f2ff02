package io.karrier.store.internal.retention;

import java.time.Duration;

/**
 * When the store deletes commit-log segments and refuses appends.
 *
 * @param checkInterval time between retention passes (default 10 s)
 * @param fileReserved how long a segment is kept after its last write (RocketMQ's fileReservedTime,
 *        default 72 h)
 * @param diskSoftLimitPercent past this share of the disk used, the oldest segments go even if not
 *        expired, until usage is back at or under it (RocketMQ's diskMaxUsedSpaceRatio, default 75)
 * @param diskHardLimitPercent past this share, appends are refused with DISK_FULL until usage is
 *        back at or under it (default 90)
 */
public record RetentionSettings(Duration checkInterval, Duration fileReserved, int diskSoftLimitPercent,
        int diskHardLimitPercent) {

    /** 10 s passes, 72 h retention, soft limit 75 %, hard limit 90 %. */
    public static final RetentionSettings DEFAULTS = new RetentionSettings(Duration.ofSeconds(10),
            Duration.ofHours(72), 75, 90);

    public RetentionSettings {
        if (checkInterval.isNegative() || checkInterval.isZero() || fileReserved.isNegative()
                || fileReserved.isZero()) {
            throw new IllegalArgumentException("retention check interval and reserved time must be positive: "
                    + checkInterval + ", " + fileReserved);
        }
        // a soft limit above the hard one would refuse appends forever without ever deleting for space
        if (diskSoftLimitPercent < 1 || diskHardLimitPercent > 100 || diskSoftLimitPercent > diskHardLimitPercent) {
            throw new IllegalArgumentException("need 1 <= diskSoftLimitPercent (" + diskSoftLimitPercent
                    + ") <= diskHardLimitPercent (" + diskHardLimitPercent + ") <= 100");
        }
    }
}
