package io.karrier.protocol.body;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A body, Karrier's record or the reference implementation's bean, as a tree of plain values that
 * two sides can be compared by: a record or bean becomes a sorted map of property name to value,
 * integers become {@code Long}, enums their name, an absent collection an empty one. So comparing
 * two trees compares every property, by name, recursively; a property one side lacks shows up.
 */
final class Canonical {

    /** Reference properties fastjson never writes, so Karrier does not model them. */
    static final Set<String> NOT_MODELLED = Set.of("filterClassSource");

    private Canonical() {
    }

    static Object of(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof AtomicLong atomic) {
            return atomic.get();
        }
        if (value instanceof Double || value instanceof Float) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Set<?> set) {
            Set<Object> canonical = new HashSet<>();
            set.forEach(element -> canonical.add(of(element)));
            return canonical;
        }
        if (value instanceof Collection<?> list) {
            List<Object> canonical = new ArrayList<>();
            list.forEach(element -> canonical.add(of(element)));
            return canonical;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> canonical = new HashMap<>();
            map.forEach((k, v) -> canonical.put(of(k), of(v)));
            return canonical;
        }
        Map<String, Object> properties = new TreeMap<>();
        try {
            if (value instanceof Record) {
                for (RecordComponent component : value.getClass().getRecordComponents()) {
                    properties.put(component.getName(), orEmpty(component.getType(),
                            of(component.getAccessor().invoke(value))));
                }
            } else {
                for (Field field : properties(value.getClass())) {
                    if (!NOT_MODELLED.contains(field.getName())) {
                        properties.put(field.getName(), orEmpty(field.getType(), of(field.get(value))));
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }

    private static Object orEmpty(Class<?> type, Object canonical) {
        if (canonical != null) {
            return canonical;
        }
        if (Set.class.isAssignableFrom(type)) {
            return Set.of();
        }
        if (Collection.class.isAssignableFrom(type)) {
            return List.of();
        }
        return Map.class.isAssignableFrom(type) ? Map.of() : null;
    }

    /** @return a bean's properties as fastjson sees them: instance fields with a getter, up the hierarchy */
    static List<Field> properties(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) && !Modifier.isFinal(modifiers) && hasGetter(c, field)) {
                    field.setAccessible(true);
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    private static boolean hasGetter(Class<?> type, Field field) {
        String name = Character.toUpperCase(field.getName().charAt(0)) + field.getName().substring(1);
        for (String getter : List.of("get" + name, "is" + name)) {
            try {
                type.getMethod(getter);
                return true;
            } catch (NoSuchMethodException e) {
                // try the next form
            }
        }
        return false;
    }
}
