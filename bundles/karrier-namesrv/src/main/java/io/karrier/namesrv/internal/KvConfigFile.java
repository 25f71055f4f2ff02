package io.karrier.namesrv.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.karrier.protocol.body.MalformedBodyException;
import io.karrier.protocol.body.RemotingJson;

/**
 * The KV configuration on disk, in RocketMQ's {@code kvConfig.json} format
 * ({@code {"configTable":{namespace:{key:value}}}}), so a file from a RocketMQ name server can be
 * reused. A write never leaves a torn file: it goes to a temporary file that is forced to disk and
 * then renamed over the old one, and the directory is forced so the rename survives a crash.
 *
 * <p>Not thread-safe: one thread writes.
 */
final class KvConfigFile {

    private static final Logger LOG = LoggerFactory.getLogger(KvConfigFile.class);

    /** The file's JSON shape. */
    record Contents(Map<String, Map<String, String>> configTable) {
    }

    private final Path path;
    private final Path temporary;

    KvConfigFile(Path path) {
        this.path = path.toAbsolutePath();
        this.temporary = this.path.resolveSibling(this.path.getFileName() + ".tmp");
    }

    Path path() {
        return path;
    }

    /**
     * @return the stored table; empty when there is no file yet. A file that cannot be read as the
     *         table is moved aside (and logged) rather than overwritten by the next write.
     * @throws IOException if the file cannot be read or moved aside
     */
    Map<String, Map<String, String>> load() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Map.of();
        }
        try {
            Contents contents = RemotingJson.decode(bytes, Contents.class);
            return contents == null || contents.configTable() == null ? Map.of() : contents.configTable();
        } catch (MalformedBodyException e) {
            Path aside = path.resolveSibling(path.getFileName() + ".corrupt-" + System.currentTimeMillis());
            Files.move(path, aside);
            LOG.error("KV configuration {} is unreadable ({}); moved it to {} and starting empty", path,
                    e.getMessage(), aside);
            return Map.of();
        }
    }

    /**
     * Replaces the file with the table, durably.
     *
     * @throws IOException if it cannot be written; the old file is then left as it was
     */
    void write(Map<String, Map<String, String>> table) throws IOException {
        Files.createDirectories(path.getParent());
        ByteBuffer bytes = ByteBuffer.wrap(RemotingJson.encode(new Contents(table)));
        try (FileChannel out = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel directory = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
            directory.force(true);
        }
    }
}
