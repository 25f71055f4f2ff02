package io.karrier.api.store;

import java.io.IOException;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Small documents kept beside the store (the broker's topic config, consumer offsets), each replaced
 * whole: after a crash or power loss a document reads as its last complete version, never as a
 * half-written one. Meant for files of kilobytes to a few megabytes written every few seconds, not
 * for messages.
 */
@ProviderType
public interface DurableDocuments {

    /** Turns one stored copy into a value; any exception means "this copy does not parse". */
    @FunctionalInterface
    interface Decoder<T> {
        T decode(byte[] content) throws IOException;
    }

    /**
     * Reads a document: its current copy, or the previous one if the current copy is missing or does
     * not decode.
     *
     * @param name the document's name, letters, digits, {@code .}, {@code _} and {@code -} only
     * @param decoder how to parse a copy
     * @return the value, or empty if the document was never written
     * @throws IOException if a copy exists but none decodes, or reading fails
     */
    <T> Optional<T> read(String name, Decoder<T> decoder) throws IOException;

    /**
     * Replaces a document; durable when this returns.
     *
     * @param name the document's name, as for {@link #read}
     * @param content the new content
     * @throws IOException if it could not be written; the previous version stays readable
     */
    void write(String name, byte[] content) throws IOException;
}
