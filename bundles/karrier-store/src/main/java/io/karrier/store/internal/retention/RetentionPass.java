package io.karrier.store.internal.retention;

/**
 * What one retention pass did, for logs and tests.
 *
 * @param expiredSegments commit-log segments deleted for age
 * @param spaceSegments commit-log segments deleted, though not expired, to get under the soft limit
 * @param queueFiles consume-queue files deleted because the commit log under them went
 * @param indexFiles key-index files deleted because the commit log under them went
 * @param space the disk after the pass, or null when it could not be measured
 */
public record RetentionPass(int expiredSegments, int spaceSegments, int queueFiles, int indexFiles,
        DiskSpace space) {
}
