package io.karrier.broker.internal.pull;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.karrier.api.store.GetStatus;
import io.karrier.protocol.ResponseCode;

/** The table of REMOTING.md §8.1, for a master and for a slave. */
class PullCodesTest {

    @Test
    void masterAnswersAsRocketMq() {
        assertThat(PullCodes.code(GetStatus.FOUND, 3, true)).isEqualTo(ResponseCode.SUCCESS);
        assertThat(PullCodes.code(GetStatus.NO_MATCHED_MESSAGE, 3, true)).isEqualTo(ResponseCode.PULL_RETRY_IMMEDIATELY);
        assertThat(PullCodes.code(GetStatus.MESSAGE_WAS_REMOVING, 3, true)).isEqualTo(ResponseCode.PULL_RETRY_IMMEDIATELY);
        assertThat(PullCodes.code(GetStatus.OFFSET_OVERFLOW_ONE, 3, true)).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        assertThat(PullCodes.code(GetStatus.OFFSET_FOUND_NULL, 3, true)).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        assertThat(PullCodes.code(GetStatus.NO_MESSAGE_IN_QUEUE, 0, true)).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        assertThat(PullCodes.code(GetStatus.NO_MATCHED_LOGIC_QUEUE, 0, true)).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        assertThat(PullCodes.code(GetStatus.NO_MESSAGE_IN_QUEUE, 3, true)).isEqualTo(ResponseCode.PULL_OFFSET_MOVED);
        assertThat(PullCodes.code(GetStatus.NO_MATCHED_LOGIC_QUEUE, 3, true)).isEqualTo(ResponseCode.PULL_OFFSET_MOVED);
        assertThat(PullCodes.code(GetStatus.OFFSET_TOO_SMALL, 3, true)).isEqualTo(ResponseCode.PULL_OFFSET_MOVED);
        assertThat(PullCodes.code(GetStatus.OFFSET_OVERFLOW_BADLY, 3, true)).isEqualTo(ResponseCode.PULL_OFFSET_MOVED);
    }

    @Test
    void slaveNeverMovesOffsets() {
        for (GetStatus status : GetStatus.values()) {
            assertThat(PullCodes.code(status, 3, false)).isNotEqualTo(ResponseCode.PULL_OFFSET_MOVED);
        }
        assertThat(PullCodes.code(GetStatus.OFFSET_TOO_SMALL, 3, false)).isEqualTo(ResponseCode.PULL_RETRY_IMMEDIATELY);
        assertThat(PullCodes.correctsOffset(GetStatus.OFFSET_TOO_SMALL)).isTrue();
        assertThat(PullCodes.correctsOffset(GetStatus.NO_MATCHED_MESSAGE)).isFalse();
    }
}
