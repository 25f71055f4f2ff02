package io.karrier.store.internal.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointTest {

    private static final CheckpointState FIRST = new CheckpointState(11, 12, 13, 1_000, 900, false);
    private static final CheckpointState SECOND = new CheckpointState(21, 22, 23, 2_000, 1_900, true);

    @TempDir
    Path dir;

    private Checkpoint checkpoint() {
        return new Checkpoint(dir.resolve("checkpoint"));
    }

    @Test
    void writeThenReadRoundTrips() throws IOException {
        checkpoint().write(SECOND);

        assertThat(checkpoint().read()).contains(SECOND);
    }

    @Test
    void fileIsOnePageWithRocketMqTimestampsFirst() throws IOException {
        Checkpoint checkpoint = checkpoint();
        checkpoint.write(FIRST);

        byte[] bytes = Files.readAllBytes(checkpoint.path());

        assertThat(bytes).hasSize(4096);
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        assertThat(buffer.getLong(0)).isEqualTo(11);
        assertThat(buffer.getLong(8)).isEqualTo(12);
        assertThat(buffer.getLong(16)).isEqualTo(13);
    }

    @Test
    void missingCheckpointReadsEmpty() throws IOException {
        assertThat(checkpoint().read()).isEmpty();
    }

    // A flipped bit anywhere, in a field or in the zero padding or in the CRC itself, is caught.
    @ParameterizedTest
    @ValueSource(ints = {0, 17, 24, 33, 48, 49, 2000, 4091, 4093})
    void flippedByteIsDetected(int position) throws IOException {
        byte[] bytes = Checkpoint.encode(SECOND);
        bytes[position] ^= 0x10;
        Files.write(dir.resolve("checkpoint"), bytes);

        assertThat(checkpoint().read()).isEmpty();
    }

    @Test
    void flippedByteInMainFallsBackToOlderCheckpointNeverClaimingClean() throws IOException {
        Checkpoint checkpoint = checkpoint();
        checkpoint.write(FIRST.withCleanShutdown(true));
        checkpoint.write(SECOND);
        byte[] bytes = Files.readAllBytes(checkpoint.path());
        bytes[40] ^= 1;
        Files.write(checkpoint.path(), bytes);

        assertThat(checkpoint().read()).contains(FIRST.withCleanShutdown(false));
    }

    @Test
    void tornCheckpointReadsAsNone() throws IOException {
        Files.write(dir.resolve("checkpoint"), Arrays.copyOf(Checkpoint.encode(FIRST), 512));

        assertThat(checkpoint().read()).isEmpty();
    }

    @Test
    void rocketMqCheckpointReadsAsNone() throws IOException {
        ByteBuffer rocketMq = ByteBuffer.allocate(4096).putLong(0, 1L).putLong(8, 2L).putLong(16, 3L);
        Files.write(dir.resolve("checkpoint"), rocketMq.array());

        assertThat(checkpoint().read()).isEmpty();
    }

    @Test
    void recoveryStartsAtTheLowerOfTheTwoOffsets() {
        assertThat(new CheckpointState(0, 0, 0, 500, 400, false).recoveryStartOffset()).isEqualTo(400);
        assertThat(new CheckpointState(0, 0, 0, 300, 400, false).recoveryStartOffset()).isEqualTo(300);
    }
}
