package io.karrier.remoting.internal;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Reads whiteboard service properties that may be a single value, an array or a collection. */
final class ServiceProperties {

    private ServiceProperties() {
    }

    /** @return the values as trimmed, non-empty strings in their order */
    static Set<String> strings(Object value) {
        Set<String> strings = new LinkedHashSet<>();
        if (value instanceof Collection<?> values) {
            values.forEach(v -> strings.add(String.valueOf(v).trim()));
        } else if (value != null && value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                strings.add(String.valueOf(Array.get(value, i)).trim());
            }
        } else if (value != null) {
            strings.add(String.valueOf(value).trim());
        }
        strings.remove("");
        return strings;
    }
}
