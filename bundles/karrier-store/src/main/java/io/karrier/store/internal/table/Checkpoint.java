package io.karrier.store.internal.table;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32C;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code checkpoint} file: how far commit log, consume queues and index are known to be on
 * disk, so recovery after a crash scans only from there (REMOTING.md §7.4).
 *
 * <p>Layout, 4096 bytes, big-endian. The first 24 bytes are RocketMQ's, so tools that read
 * RocketMQ stores still find the timestamps:
 * <pre>
 *    0  int64  physicMsgTimestamp
 *    8  int64  logicsMsgTimestamp
 *   16  int64  indexMsgTimestamp
 *   24  int32  magic 0x4B435054 ("KCPT")
 *   28  int32  format version, 1
 *   32  int64  flushedCommitLogOffset
 *   40  int64  dispatchedCommitLogOffset
 *   48  int8   cleanShutdown, 0 or 1
 *   49  zeros up to 4092
 * 4092  int32  CRC32C of bytes 0..4091
 * </pre>
 * A file of another size, magic, version, flag value or CRC is garbled. A RocketMQ checkpoint (no
 * magic) therefore reads as garbled too, which is the safe answer for a store we did not write.
 *
 * <p>Written through {@link AtomicFile} rather than in place (as RocketMQ does with a mapped page).
 * In place costs one fsync instead of two, but a torn page, which disks do not promise to avoid,
 * would leave no checkpoint at all and force a scan of the whole commit log. With AtomicFile the
 * file is always whole, and {@code checkpoint.bak} holds the one before it: an older checkpoint is
 * still correct, recovery merely scans a little more. Two fsyncs per checkpoint, about once a
 * second, are cheap.
 *
 * <p>Thread-safety: safe for concurrent use; reads and writes are serialized by the AtomicFile.
 */
public final class Checkpoint {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpoint.class);

    /** The file size, as RocketMQ's (one page). */
    public static final int FILE_SIZE = 4096;
    static final int MAGIC = 0x4B435054;
    static final int VERSION = 1;
    static final int CRC_POSITION = FILE_SIZE - 4;

    private final AtomicFile file;

    public Checkpoint(Path file) {
        this.file = new AtomicFile(file);
    }

    /** The checkpoint file's path. */
    public Path path() {
        return file.path();
    }

    /**
     * The last good checkpoint, or empty when there is none or none is readable: then recovery must
     * start at the beginning of the commit log. A state taken from {@code checkpoint.bak} never
     * claims a clean shutdown, since the newer one that could have said otherwise is lost.
     */
    public Optional<CheckpointState> read() throws IOException {
        try {
            return file.read((bytes, source) -> {
                CheckpointState state = decode(bytes, source);
                return source.equals(file.backupPath()) ? state.withCleanShutdown(false) : state;
            });
        } catch (UnreadableFileException e) {
            LOG.warn("No usable checkpoint ({}); recovery will scan the commit log from its start", e.getMessage());
            return Optional.empty();
        }
    }

    /** Replaces the checkpoint durably. */
    public void write(CheckpointState state) throws IOException {
        file.write(encode(state));
    }

    static byte[] encode(CheckpointState state) {
        ByteBuffer buffer = ByteBuffer.allocate(FILE_SIZE);
        buffer.putLong(0, state.physicMsgTimestamp())
                .putLong(8, state.logicsMsgTimestamp())
                .putLong(16, state.indexMsgTimestamp())
                .putInt(24, MAGIC)
                .putInt(28, VERSION)
                .putLong(32, state.flushedCommitLogOffset())
                .putLong(40, state.dispatchedCommitLogOffset())
                .put(48, (byte) (state.cleanShutdown() ? 1 : 0))
                .putInt(CRC_POSITION, crc(buffer.array()));
        return buffer.array();
    }

    static CheckpointState decode(byte[] bytes, Path source) throws IOException {
        if (bytes.length != FILE_SIZE) {
            throw new IOException(source + ": " + bytes.length + " bytes, expected " + FILE_SIZE);
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (buffer.getInt(CRC_POSITION) != crc(bytes)) {
            throw new IOException(source + ": CRC mismatch");
        }
        if (buffer.getInt(24) != MAGIC || buffer.getInt(28) != VERSION) {
            throw new IOException(source + ": not a Karrier checkpoint of version " + VERSION);
        }
        byte clean = buffer.get(48);
        if (clean != 0 && clean != 1) {
            throw new IOException(source + ": bad clean-shutdown flag " + clean);
        }
        try {
            return new CheckpointState(buffer.getLong(0), buffer.getLong(8), buffer.getLong(16),
                    buffer.getLong(32), buffer.getLong(40), clean == 1);
        } catch (IllegalArgumentException e) {
            throw new IOException(source + ": " + e.getMessage(), e);
        }
    }

    private static int crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, CRC_POSITION);
        return (int) crc.getValue();
    }
}
