package io.karrier.store.internal.log;

import java.nio.ByteBuffer;

import io.karrier.protocol.message.MalformedMessageException;
import io.karrier.protocol.message.StoredMessageDecoder;
import io.karrier.protocol.message.StoredMessageLayout;
import io.karrier.protocol.message.StoredMessageView;

/**
 * Decides whether bytes in the commit log are a record Karrier wrote there: a consistent v1 record
 * (lengths, magic), carrying its own offset as PHYSICALOFFSET (so a stale record left from an
 * earlier life of the file does not pass), and with a valid {@link RecordSeal}. Nothing that fails
 * this is ever served or dispatched. Pure function; thread-safe.
 */
public final class RecordVerifier {

    private RecordVerifier() {
    }

    /**
     * @param buffer the bytes, readable up to its limit
     * @param index where the record should start
     * @param offset the commit-log offset of {@code index}
     * @return the decoded record, a view over {@code buffer}
     * @throws MalformedMessageException saying what is wrong
     */
    public static StoredMessageView verify(ByteBuffer buffer, int index, long offset) {
        StoredMessageView view = StoredMessageDecoder.decode(buffer, index);
        if (view.magic() != StoredMessageLayout.MAGIC_V1) {
            throw new MalformedMessageException("record at " + offset + " has the v2 magic, which Karrier never writes");
        }
        if (view.physicalOffset() != offset) {
            throw new MalformedMessageException("record at " + offset + " says it belongs at " + view.physicalOffset());
        }
        if (!RecordSeal.verify(buffer, index, view.totalSize())) {
            throw new MalformedMessageException("record at " + offset + " of " + view.totalSize()
                    + " bytes fails its seal");
        }
        return view;
    }
}
