package io.karrier.api.store;

import java.nio.ByteBuffer;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Selects messages on read, first cheaply by the tag hash kept in the consume queue, then, for
 * entries that pass, by the stored record itself (tag string, properties).
 */
@ConsumerType
public interface MessageFilter {

    /** Lets every message through. */
    MessageFilter ALL = new MessageFilter() {
        @Override
        public boolean matchesTagHash(long tagHash) {
            return true;
        }

        @Override
        public boolean matchesRecord(ByteBuffer record) {
            return true;
        }
    };

    /** @return whether a consume-queue entry with this tag hash may match */
    boolean matchesTagHash(long tagHash);

    /**
     * @param record the whole stored record, read-only, positioned at its start
     * @return whether the message matches
     */
    boolean matchesRecord(ByteBuffer record);
}
