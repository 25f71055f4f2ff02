package io.karrier.protocol.header;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.rocketmq.remoting.CommandCustomHeader;

/**
 * One of our header records paired with the upstream header class it must agree with, for one
 * request code. Our record components carry upstream's field names except where {@code renamed}
 * says otherwise; {@code extraKeys} are components that upstream sends outside the header class
 * (component name to extFields key).
 */
record HeaderCase(
        String name,
        int code,
        Class<? extends Record> ours,
        Function<Map<String, String>, ? extends CommandHeader> from,
        Class<? extends CommandCustomHeader> reference,
        Map<String, String> renamed,
        Map<String, String> extraKeys,
        Map<String, List<?>> choices) {

    static final Map<String, String> BNAME = Map.of("brokerName", "bname");

    static HeaderCase of(int code, Class<? extends Record> ours,
            Function<Map<String, String>, ? extends CommandHeader> from, String referenceClass) {
        return new HeaderCase(referenceClass.substring(referenceClass.lastIndexOf('.') + 1) + " (" + code + ")",
                code, ours, from, Reference.type(referenceClass), Map.of(), Map.of(), Map.of());
    }

    HeaderCase renaming(Map<String, String> renames) {
        return new HeaderCase(name, code, ours, from, reference, renames, extraKeys, choices);
    }

    HeaderCase withExtraKeys(Map<String, String> extras) {
        return new HeaderCase(name, code, ours, from, reference, renamed, extras, choices);
    }

    /** Restricts a field to the values that upstream's {@code checkFields()} accepts. */
    HeaderCase choosing(String referenceField, Object... allowed) {
        return new HeaderCase(name, code, ours, from, reference, renamed, extraKeys,
                Map.of(referenceField, List.of(allowed)));
    }

    /** @return the upstream field name a component corresponds to, or {@code null} for an extra key */
    String referenceField(String component) {
        return extraKeys.containsKey(component) ? null : renamed.getOrDefault(component, component);
    }

    RecordComponent[] components() {
        return ours.getRecordComponents();
    }

    Object value(Object record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a record of ours with random components; fields upstream marks required are never null */
    CommandHeader random(RandomValues values) {
        RecordComponent[] components = components();
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String field = referenceField(components[i].getName());
            boolean nullable = field == null || Reference.nullable(referenceFieldOf(field));
            List<?> allowed = field == null ? null : choices.get(field);
            args[i] = allowed != null ? values.pick(allowed) : values.of(components[i].getType(), nullable);
        }
        try {
            Constructor<? extends Record> constructor = ours.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return (CommandHeader) constructor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    java.lang.reflect.Field referenceFieldOf(String fieldName) {
        return Reference.fields(reference).stream().filter(f -> f.getName().equals(fieldName)).findFirst()
                .orElseThrow(() -> new AssertionError(reference.getSimpleName() + " has no field " + fieldName));
    }

    @Override
    public String toString() {
        return name + " as " + ours.getSimpleName();
    }
}
