package io.karrier.broker.internal.pull;

import io.karrier.api.store.GetStatus;
import io.karrier.protocol.ResponseCode;

/**
 * What a pull answers for each store status, as RocketMQ 4.9.7's PullMessageProcessor maps
 * GetMessageStatus (REMOTING.md §8.1). A slave does not correct offsets: where a master would
 * answer PULL_OFFSET_MOVED, it answers PULL_RETRY_IMMEDIATELY, and it leaves the offset as it was
 * where the store suggests a corrected one.
 */
final class PullCodes {

    private PullCodes() {
    }

    /**
     * @param status what the read found
     * @param requestedOffset the offset the pull asked for
     * @param master whether this broker is a master
     * @return the response code
     */
    static int code(GetStatus status, long requestedOffset, boolean master) {
        int code = switch (status) {
            case FOUND -> ResponseCode.SUCCESS;
            case MESSAGE_WAS_REMOVING, NO_MATCHED_MESSAGE -> ResponseCode.PULL_RETRY_IMMEDIATELY;
            case NO_MATCHED_LOGIC_QUEUE, NO_MESSAGE_IN_QUEUE -> requestedOffset == 0 ? ResponseCode.PULL_NOT_FOUND
                    : ResponseCode.PULL_OFFSET_MOVED;
            case OFFSET_FOUND_NULL, OFFSET_OVERFLOW_ONE -> ResponseCode.PULL_NOT_FOUND;
            case OFFSET_OVERFLOW_BADLY, OFFSET_TOO_SMALL -> ResponseCode.PULL_OFFSET_MOVED;
        };
        return code == ResponseCode.PULL_OFFSET_MOVED && !master ? ResponseCode.PULL_RETRY_IMMEDIATELY : code;
    }

    /**
     * @return whether the store's next offset for this status is a correction of a bad offset
     *         (RocketMQ's nextOffsetCorrection) rather than progress past read entries
     */
    static boolean correctsOffset(GetStatus status) {
        return switch (status) {
            case NO_MATCHED_LOGIC_QUEUE, NO_MESSAGE_IN_QUEUE, OFFSET_FOUND_NULL, OFFSET_OVERFLOW_BADLY,
                    OFFSET_TOO_SMALL -> true;
            case FOUND, MESSAGE_WAS_REMOVING, NO_MATCHED_MESSAGE, OFFSET_OVERFLOW_ONE -> false;
        };
    }
}
