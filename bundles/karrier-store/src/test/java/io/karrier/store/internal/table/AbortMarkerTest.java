package io.karrier.store.internal.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AbortMarkerTest {

    @TempDir
    Path dir;

    @Test
    void firstStartIsNotACrashAndLeavesTheMarker() throws IOException {
        AbortMarker marker = new AbortMarker(dir.resolve("store"));

        assertThat(marker.start()).isFalse();

        assertThat(dir.resolve("store/abort")).exists();
        assertThat(marker.exists()).isTrue();
    }

    @Test
    void startWithoutCleanShutdownBeforeIsACrash() throws IOException {
        new AbortMarker(dir).start();
        // the process dies here: no cleanShutdown()

        assertThat(new AbortMarker(dir).start()).isTrue();
    }

    @Test
    void cleanShutdownRemovesTheMarkerSoTheNextStartIsClean() throws IOException {
        AbortMarker marker = new AbortMarker(dir);
        marker.start();

        marker.cleanShutdown();

        assertThat(marker.exists()).isFalse();
        assertThat(new AbortMarker(dir).start()).isFalse();
        assertThat(marker.exists()).isTrue();
    }
}
