package io.karrier.store.internal.table;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {

    // A stand-in for a JSON parser: good content starts with "ok:".
    private static final AtomicFile.Decoder<String> OK_PREFIX = (bytes, source) -> {
        String text = new String(bytes, UTF_8);
        if (!text.startsWith("ok:")) {
            throw new IOException(source + " is garbage: " + text);
        }
        return text;
    };

    @TempDir
    Path dir;

    @Test
    void writeThenReadReturnsTheContentAndLeavesNoTemp() throws IOException {
        AtomicFile file = new AtomicFile(dir.resolve("config/t.json"));

        file.write("ok:1".getBytes(UTF_8));

        assertThat(file.read(OK_PREFIX)).contains("ok:1");
        assertThat(file.tempPath()).doesNotExist();
        assertThat(file.path()).hasContent("ok:1");
    }

    @Test
    void missingMainAndBackupReadsEmpty() throws IOException {
        assertThat(new AtomicFile(dir.resolve("t.json")).read(OK_PREFIX)).isEmpty();
    }

    @Test
    void secondWriteKeepsTheFirstAsBackup() throws IOException {
        AtomicFile file = new AtomicFile(dir.resolve("t.json"));
        file.write("ok:1".getBytes(UTF_8));
        file.write("ok:2".getBytes(UTF_8));

        assertThat(file.path()).hasContent("ok:2");
        assertThat(file.backupPath()).hasContent("ok:1");
    }

    @Test
    void leftoverTempWithGarbageIsIgnoredAndRemoved() throws IOException {
        AtomicFile file = new AtomicFile(dir.resolve("t.json"));
        file.write("ok:1".getBytes(UTF_8));
        Files.write(file.tempPath(), new byte[] {0, 1, 2, '{'});

        assertThat(file.read(OK_PREFIX)).contains("ok:1");
        assertThat(file.tempPath()).doesNotExist();
    }

    @Test
    void truncatedMainFallsBackToBackup() throws IOException {
        AtomicFile file = new AtomicFile(dir.resolve("t.json"));
        file.write("ok:1".getBytes(UTF_8));
        file.write("ok:2".getBytes(UTF_8));
        Files.write(file.path(), "o".getBytes(UTF_8));

        assertThat(new AtomicFile(file.path()).read(OK_PREFIX)).contains("ok:1");
    }

    @Test
    void missingMainFallsBackToBackup() throws IOException {
        // The state a crash between the two renames leaves.
        AtomicFile file = new AtomicFile(dir.resolve("t.json"));
        Files.writeString(file.backupPath(), "ok:old");

        assertThat(file.read(OK_PREFIX)).contains("ok:old");
    }

    @Test
    void decoderIsToldWhichCopyItReads() throws IOException {
        AtomicFile file = new AtomicFile(dir.resolve("t.json"));
        file.write("ok:1".getBytes(UTF_8));
        file.write("ok:2".getBytes(UTF_8));
        Files.writeString(file.path(), "bad");

        Optional<Path> source = new AtomicFile(file.path()).read((bytes, path) -> {
            OK_PREFIX.decode(bytes, path);
            return path;
        });

        assertThat(source).contains(file.backupPath());
    }

    @Test
    void bothGarbageThrowsNamingTheFile() throws IOException {
        AtomicFile file = new AtomicFile(dir.resolve("consumerOffset.json"));
        Files.writeString(file.path(), "garbage");
        Files.writeString(file.backupPath(), "more garbage");

        assertThatThrownBy(() -> file.read(OK_PREFIX))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining(file.path().toString())
                .hasMessageContaining("consumerOffset.json.bak")
                .satisfies(e -> assertThat(((UnreadableFileException) e).file()).isEqualTo(file.path()));
    }

    @Test
    void garbageMainWithoutBackupThrowsRatherThanReadingEmpty() throws IOException {
        AtomicFile file = new AtomicFile(dir.resolve("t.json"));
        Files.writeString(file.path(), "");

        assertThatThrownBy(() -> file.read(OK_PREFIX)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("no t.json.bak");
    }

    @Test
    void aMainThatDidNotParseIsNotRotatedOverAGoodBackup() throws IOException {
        AtomicFile file = new AtomicFile(dir.resolve("t.json"));
        file.write("ok:1".getBytes(UTF_8));
        file.write("ok:2".getBytes(UTF_8));
        Files.writeString(file.path(), "bad");
        AtomicFile reopened = new AtomicFile(file.path());
        assertThat(reopened.read(OK_PREFIX)).contains("ok:1");

        reopened.write("ok:3".getBytes(UTF_8));

        assertThat(file.path()).hasContent("ok:3");
        assertThat(file.backupPath()).hasContent("ok:1");
    }
}
