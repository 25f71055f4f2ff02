package io.karrier.store.internal.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import io.karrier.api.store.DurableDocuments;

/**
 * {@link DurableDocuments} as {@link AtomicFile}s in one directory (the store's {@code config/}, where
 * RocketMQ keeps topics.json and consumerOffset.json). One {@code AtomicFile} per name, so writes of
 * one document are serialized and different documents never wait on each other.
 */
public final class DocumentDirectory implements DurableDocuments {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final Path directory;
    private final ConcurrentHashMap<String, AtomicFile> files = new ConcurrentHashMap<>();

    public DocumentDirectory(Path directory) {
        this.directory = directory;
    }

    @Override
    public <T> Optional<T> read(String name, Decoder<T> decoder) throws IOException {
        return file(name).read((content, source) -> decoder.decode(content));
    }

    @Override
    public void write(String name, byte[] content) throws IOException {
        Files.createDirectories(directory);
        file(name).write(content);
    }

    private AtomicFile file(String name) {
        if (!NAME.matcher(name).matches() || name.startsWith(".")) {
            throw new IllegalArgumentException("Bad document name: " + name);
        }
        return files.computeIfAbsent(name, key -> new AtomicFile(directory.resolve(key)));
    }
}
