package io.karrier.protocol.body;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Random bodies of any shape, driven by the declared (generic) types: Karrier's records through
 * their canonical constructors, the reference implementation's beans through their fields. Values
 * lean to the awkward: empty and non-ASCII text, extreme numbers, empty and absent collections.
 */
final class RandomObjects {

    private static final String[] AWKWARD = {
        "", " ", "TBW102", "%RETRY%group", "主题-Ω-😀", "a\"b\\c", "{\"x\":1}", "null", "127.0.0.1:10911",
        "tab\tnewline\n", "\u0001", "x".repeat(300),
    };
    private static final String ALPHABET = "abcXYZ019_-%@.:|; é中😀{}[]\"'";
    private static final long[] AWKWARD_LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 53, -(1L << 53) - 1};

    private final Random random;
    /** At most one element per collection and no absent collections: output order is then deterministic. */
    private final boolean single;

    RandomObjects(long seed, boolean single) {
        this.random = new Random(seed);
        this.single = single;
    }

    Object of(Type type, boolean nullable) {
        Class<?> raw = raw(type);
        if (nullable && !raw.isPrimitive() && random.nextInt(5) == 0
                && !(single && (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)
                        || raw == AtomicLong.class))) {
            return null;
        }
        if (raw == String.class) {
            return string();
        }
        if (raw == int.class || raw == Integer.class) {
            return random.nextInt(3) == 0 ? (int) AWKWARD_LONGS[random.nextInt(AWKWARD_LONGS.length)] : random.nextInt();
        }
        if (raw == long.class || raw == Long.class) {
            return random.nextInt(3) == 0 ? AWKWARD_LONGS[random.nextInt(AWKWARD_LONGS.length)] : random.nextLong();
        }
        if (raw == AtomicLong.class) {
            return new AtomicLong((Long) of(long.class, false));
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return random.nextBoolean();
        }
        if (raw == double.class || raw == Double.class) {
            return random.nextBoolean() ? (double) random.nextInt(1000) : Math.round(random.nextDouble() * 1e6) / 100.0;
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[random.nextInt(constants.length)];
        }
        if (Map.class.isAssignableFrom(raw)) {
            Type[] args = ((ParameterizedType) type).getActualTypeArguments();
            Map<Object, Object> map = ConcurrentMap.class.isAssignableFrom(raw) ? new ConcurrentHashMap<>()
                    : new HashMap<>();
            for (int i = size(); i > 0; i--) {
                map.put(of(args[0], false), of(args[1], false));
            }
            return map;
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            Collection<Object> collection = Set.class.isAssignableFrom(raw) ? new HashSet<>() : new ArrayList<>();
            for (int i = size(); i > 0; i--) {
                collection.add(of(element, false));
            }
            return collection;
        }
        if (raw.isRecord()) {
            return record(raw);
        }
        return bean(raw);
    }

    private int size() {
        return single ? random.nextInt(2) : random.nextInt(3) == 0 ? 0 : random.nextInt(5);
    }

    private Object record(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = of(components[i].getGenericType(), true);
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object bean(Class<?> type) {
        try {
            Object bean = type.getDeclaredConstructor().newInstance();
            for (Field field : Canonical.properties(type)) {
                // null only where upstream's own default is null: a sender built on it never leaves the rest out
                field.set(bean, of(field.getGenericType(), field.get(bean) == null));
            }
            return bean;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName(), e);
        }
    }

    private String string() {
        if (random.nextInt(3) == 0) {
            return AWKWARD[random.nextInt(AWKWARD.length)];
        }
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        int points = ALPHABET.codePointCount(0, ALPHABET.length());
        for (int i = 0; i < length; i++) {
            text.appendCodePoint(ALPHABET.codePointAt(ALPHABET.offsetByCodePoints(0, random.nextInt(points))));
        }
        return text.toString();
    }

    static Class<?> raw(Type type) {
        return type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
    }
}
