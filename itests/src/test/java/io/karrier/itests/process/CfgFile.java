package io.karrier.itests.process;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * One Karaf {@code etc/*.cfg} file, edited in place the way a person would: setting a key drops
 * its old entry (with any {@code \}-continued lines) and appends {@code key = value}; the
 * comments and other entries stay.
 */
final class CfgFile {

    private final Path file;

    CfgFile(Path file) {
        this.file = file;
    }

    /** @return the value of {@code key} as Karaf reads it, or null */
    String get(String key) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(Files.readString(file, StandardCharsets.ISO_8859_1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty(key);
    }

    void put(String key, String value) {
        Pattern entry = Pattern.compile("\\s*" + Pattern.quote(key) + "\\s*[=:].*");
        List<String> kept = new ArrayList<>();
        boolean skippingContinuation = false;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                boolean dropped = skippingContinuation || entry.matcher(line).matches();
                skippingContinuation = dropped && line.endsWith("\\");
                if (!dropped) {
                    kept.add(line);
                }
            }
            kept.add(key + " = " + value);
            Files.write(file, kept, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
