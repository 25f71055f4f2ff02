package io.karrier.protocol.body;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Unmodifiable copies for the records' collections: {@code null} becomes empty (fastjson omits
 * empty-or-null alike from the reader's point of view), order is kept as read, {@code null}
 * elements are tolerated because the peer may send them.
 */
final class Copies {

    private Copies() {
    }

    static <T> List<T> list(List<T> list) {
        return list == null || list.isEmpty() ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    static <T> Set<T> set(Set<T> set) {
        return set == null || set.isEmpty() ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(set));
    }

    static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null || map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
