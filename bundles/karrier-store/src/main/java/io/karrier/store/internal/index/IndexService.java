package io.karrier.store.internal.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key index: message KEYS and unique keys of a topic to commit-log offsets, in a directory of
 * {@link IndexFile}s named for their creation time as RocketMQ names them ({@code yyyyMMddHHmmssSSS},
 * local time of the clock's zone, so names sort by age). Only the newest file is written; when it is
 * full the service rolls to a new one, and past {@link IndexSettings#maxFiles} deletes the oldest.
 * Retention deletes files whose entries all lie below the commit log's first offset.
 *
 * <p>Re-adding records already indexed (recovery replaying beyond its checkpoint) is a no-op: the
 * newest file skips them itself, and keys that older files already hold are skipped here (normally
 * one comparison with the previous file's last offset), so a record whose keys straddle a roll, or a
 * file left empty by a crash right after a roll, does not get keys indexed twice. Rollback records must not be passed in, as
 * RocketMQ does not index them.
 *
 * <p>Thread-safety: one writer (the dispatcher) calls {@link #indexRecord}; retention, flush and
 * close may come from other threads, as all mutators are synchronized. Any number of threads call
 * {@link #query} without locking: it reads an immutable snapshot of the file list, and a file
 * deleted meanwhile answers nothing instead of being read after unmapping.
 */
public final class IndexService implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(IndexService.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final Path directory;
    private final IndexSettings settings;
    private final Clock clock;
    private volatile List<IndexFile> files; // oldest first; replaced, never changed

    private IndexService(Path directory, IndexSettings settings, Clock clock, List<IndexFile> files) {
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
        this.files = List.copyOf(files);
    }

    /**
     * Opens the index in the directory, creating the directory if needed. Files whose names are not
     * creation times are left alone.
     *
     * @throws IOException if a file cannot be opened, for example one of another geometry
     */
    public static IndexService open(Path directory, IndexSettings settings, Clock clock) throws IOException {
        Files.createDirectories(directory);
        List<Path> paths;
        try (Stream<Path> listing = Files.list(directory)) {
            paths = listing.filter(IndexService::isIndexFile).sorted().toList();
        }
        List<IndexFile> files = new ArrayList<>();
        try {
            for (Path path : paths) {
                files.add(IndexFile.open(path, settings.hashSlotCount(), settings.maxIndexCount()));
            }
        } catch (IOException | RuntimeException e) {
            files.forEach(IndexFile::close);
            throw e;
        }
        return new IndexService(directory, settings, clock, files);
    }

    /**
     * Indexes a record under its unique key and each space-separated value of its KEYS property,
     * skipping empty values.
     *
     * @param topic the record's topic
     * @param keysProperty the KEYS property, or null
     * @param uniqKey the UNIQ_KEY property, or null
     * @param phyOffset the record's commit-log offset
     * @param storeTimestamp the record's store time, ms
     * @throws IOException if a new file cannot be created
     */
    public synchronized void indexRecord(String topic, String keysProperty, String uniqKey, long phyOffset,
            long storeTimestamp) throws IOException {
        if (uniqKey != null && !uniqKey.isEmpty()) {
            put(IndexKey.of(topic, uniqKey), phyOffset, storeTimestamp);
        }
        if (keysProperty != null && keysProperty.indexOf(' ') < 0) {
            if (!keysProperty.isEmpty()) {
                put(IndexKey.of(topic, keysProperty), phyOffset, storeTimestamp); // one key: no split
            }
        } else if (keysProperty != null) {
            for (String key : keysProperty.split(" ")) {
                if (!key.isEmpty()) {
                    put(IndexKey.of(topic, key), phyOffset, storeTimestamp);
                }
            }
        }
    }

    /**
     * Answers "records with key K in topic T stored between begin and end", newest file first;
     * files whose header times lie outside the range are not read.
     *
     * @return commit-log offsets of candidates (hash matches), newest first, at most maxCount
     */
    public List<Long> query(String topic, String key, int maxCount, long begin, long end) {
        String indexKey = IndexKey.of(topic, key);
        List<IndexFile> snapshot = files;
        List<Long> offsets = new ArrayList<>();
        for (int i = snapshot.size() - 1; i >= 0 && offsets.size() < maxCount && begin <= end; i--) {
            IndexFile file = snapshot.get(i);
            if (file.entryCount() == 0 || file.endTimestamp() < begin || file.beginTimestamp() > end) {
                continue;
            }
            offsets.addAll(file.lookup(indexKey, begin, end, maxCount - offsets.size()));
        }
        return offsets;
    }

    /**
     * Deletes the files whose last entry lies below the offset, never the newest file.
     *
     * @param phyOffset the commit log's first retained offset
     * @return the number of files deleted
     */
    public synchronized int deleteFilesBelow(long phyOffset) {
        List<IndexFile> kept = new ArrayList<>();
        List<IndexFile> expired = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            IndexFile file = files.get(i);
            boolean newest = i == files.size() - 1;
            (newest || file.endPhyOffset() >= phyOffset ? kept : expired).add(file);
        }
        files = List.copyOf(kept);
        expired.forEach(this::delete);
        return expired.size();
    }

    /** Forces the newest file to disk; older files were forced when the service rolled past them. */
    public synchronized void flush() {
        if (!files.isEmpty()) {
            files.get(files.size() - 1).flush();
        }
    }

    /** Flushes and unmaps all files. */
    @Override
    public synchronized void close() {
        flush();
        files.forEach(IndexFile::close);
        files = List.of();
    }

    /** @return the open files, oldest first */
    List<IndexFile> files() {
        return files;
    }

    private void put(String key, long phyOffset, long storeTimestamp) throws IOException {
        List<IndexFile> current = files;
        for (int i = current.size() - 2; i >= 0; i--) {
            IndexFile older = current.get(i);
            if (older.contains(key, phyOffset)) {
                return;
            }
            if (older.entryCount() == 0 || older.beginPhyOffset() < phyOffset) {
                break; // files before this one end at or below its beginning
            }
        }
        if (!current.isEmpty() && current.get(current.size() - 1).put(key, phyOffset, storeTimestamp)) {
            return;
        }
        if (!roll().put(key, phyOffset, storeTimestamp)) {
            throw new IllegalStateException("a new index file refused its first entry");
        }
    }

    /** Adds a new newest file, flushing the full one and deleting the oldest beyond the bound. */
    private IndexFile roll() throws IOException {
        List<IndexFile> next = new ArrayList<>(files);
        long created = clock.millis();
        if (!next.isEmpty()) {
            IndexFile full = next.get(next.size() - 1);
            full.flush();
            created = Math.max(created, createdMillis(full.path()) + 1);
        }
        String name = NAME.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(created), clock.getZone()));
        IndexFile file = IndexFile.open(directory.resolve(name), settings.hashSlotCount(), settings.maxIndexCount());
        next.add(file);
        List<IndexFile> expired = new ArrayList<>();
        while (next.size() > settings.maxFiles()) {
            expired.add(next.remove(0));
        }
        files = List.copyOf(next);
        expired.forEach(this::delete);
        LOG.debug("Key index rolled to {}", file.path());
        return file;
    }

    private void delete(IndexFile file) {
        file.close();
        try {
            Files.deleteIfExists(file.path());
            LOG.info("Deleted key index file {} (offsets {} to {})", file.path(), file.beginPhyOffset(),
                    file.endPhyOffset());
        } catch (IOException e) {
            LOG.warn("Cannot delete key index file {}", file.path(), e);
        }
    }

    private long createdMillis(Path path) {
        LocalDateTime time = LocalDateTime.parse(path.getFileName().toString(), NAME);
        return time.atZone(clock.getZone()).toInstant().toEpochMilli();
    }

    private static boolean isIndexFile(Path path) {
        String name = path.getFileName().toString();
        if (name.length() != 17 || !Files.isRegularFile(path)) {
            return false;
        }
        try {
            NAME.parse(name);
            return true;
        } catch (DateTimeParseException e) {
            LOG.warn("Ignoring {} in the key index directory: not named for a creation time", path);
            return false;
        }
    }
}
