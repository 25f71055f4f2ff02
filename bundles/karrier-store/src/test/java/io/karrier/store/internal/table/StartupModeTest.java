package io.karrier.store.internal.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class StartupModeTest {

    private static final CheckpointState CLEAN = new CheckpointState(1, 1, 1, 100, 100, true);
    private static final CheckpointState RUNNING = CLEAN.withCleanShutdown(false);

    @Test
    void cleanShutdownStartsAtOnce() {
        assertThat(StartupMode.decide(false, Optional.of(CLEAN))).isEqualTo(StartupMode.CLEAN);
    }

    @Test
    void crashWithCheckpointRecoversFromIt() {
        assertThat(StartupMode.decide(true, Optional.of(RUNNING))).isEqualTo(StartupMode.RECOVER_FROM_CHECKPOINT);
        // Killed after the clean checkpoint but before the abort file went: still recover.
        assertThat(StartupMode.decide(true, Optional.of(CLEAN))).isEqualTo(StartupMode.RECOVER_FROM_CHECKPOINT);
        // No abort file but the checkpoint was not the shutdown one: do not trust it as the end.
        assertThat(StartupMode.decide(false, Optional.of(RUNNING))).isEqualTo(StartupMode.RECOVER_FROM_CHECKPOINT);
    }

    @Test
    void noCheckpointRecoversFromTheStart() {
        assertThat(StartupMode.decide(true, Optional.empty())).isEqualTo(StartupMode.RECOVER_FROM_START);
        assertThat(StartupMode.decide(false, Optional.empty())).isEqualTo(StartupMode.RECOVER_FROM_START);
    }
}
