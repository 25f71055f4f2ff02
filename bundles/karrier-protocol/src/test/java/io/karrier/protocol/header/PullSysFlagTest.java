package io.karrier.protocol.header;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pull sysFlag bits against RocketMQ's PullSysFlag. */
class PullSysFlagTest {

    @Test
    void bitsAgreeWithRocketmqForEveryCombination() {
        for (int bits = 0; bits < 32; bits++) {
            boolean commit = (bits & 1) != 0;
            boolean suspend = (bits & 2) != 0;
            boolean subscription = (bits & 4) != 0;
            boolean classFilter = (bits & 8) != 0;
            boolean litePull = (bits & 16) != 0;
            int reference = org.apache.rocketmq.common.sysflag.PullSysFlag.buildSysFlag(commit, suspend, subscription,
                    classFilter, litePull);
            int ours = (commit ? PullSysFlag.COMMIT_OFFSET : 0) | (suspend ? PullSysFlag.SUSPEND : 0)
                    | (subscription ? PullSysFlag.SUBSCRIPTION : 0) | (classFilter ? PullSysFlag.CLASS_FILTER : 0)
                    | (litePull ? PullSysFlag.LITE_PULL : 0);

            assertThat(ours).isEqualTo(reference);
            assertThat(PullSysFlag.hasCommitOffset(reference)).isEqualTo(commit);
            assertThat(PullSysFlag.hasSuspend(reference)).isEqualTo(suspend);
            assertThat(PullSysFlag.hasSubscription(reference)).isEqualTo(subscription);
        }
    }
}
