package io.karrier.protocol.header;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.remoting.CommandCustomHeader;
import org.apache.rocketmq.remoting.annotation.CFNotNull;
import org.apache.rocketmq.remoting.exception.RemotingCommandException;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;

/** The reference implementation (rocketmq-remoting/-common 4.9.7) seen through reflection, for tests only. */
final class Reference {

    static final String HEADER = "org.apache.rocketmq.common.protocol.header.";
    static final String NAMESRV = HEADER + "namesrv.";

    private Reference() {
    }

    @SuppressWarnings("unchecked")
    static Class<? extends CommandCustomHeader> type(String className) {
        try {
            return (Class<? extends CommandCustomHeader>) Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** @return the header's fields as upstream's encoder sees them: superclasses included, statics not */
    static List<Field> fields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !field.getName().startsWith("this")) {
                    field.setAccessible(true);
                    fields.add(field);
                }
            }
        }
        return fields;
    }

    static boolean required(Field field) {
        return field.isAnnotationPresent(CFNotNull.class);
    }

    /** @return whether upstream may leave the field {@code null}: not required, and no initial value */
    static boolean nullable(Field field) {
        if (required(field) || field.getType().isPrimitive()) {
            return false;
        }
        try {
            return initialValue(field) == null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object initialValue(Field field) throws ReflectiveOperationException {
        Class<?> type = field.getDeclaringClass();
        if (Modifier.isAbstract(type.getModifiers())) {
            return null;
        }
        return field.get(type.getDeclaredConstructor().newInstance());
    }

    static boolean isNumber(Field field) {
        Class<?> t = field.getType();
        return t == int.class || t == Integer.class || t == long.class || t == Long.class;
    }

    static boolean isInt(Field field) {
        return field.getType() == int.class || field.getType() == Integer.class;
    }

    /**
     * @param choices per field name, the only values upstream accepts (where it checks)
     * @return a new header with every field random; nullable ones sometimes {@code null}
     */
    static CommandCustomHeader random(Class<? extends CommandCustomHeader> type, Map<String, List<?>> choices,
            RandomValues values) {
        try {
            CommandCustomHeader header = type.getDeclaredConstructor().newInstance();
            for (Field field : fields(type)) {
                List<?> allowed = choices.get(field.getName());
                field.set(header, allowed != null ? values.pick(allowed) : values.of(field.getType(), nullable(field)));
            }
            return header;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    static Object get(Object header, String fieldName) {
        for (Field field : fields(header.getClass())) {
            if (field.getName().equals(fieldName)) {
                try {
                    return field.get(header);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException(header.getClass().getSimpleName() + " has no field " + fieldName);
    }

    /** @return the extFields upstream puts on the wire for this header */
    static Map<String, String> encode(int code, CommandCustomHeader header) {
        RemotingCommand command = RemotingCommand.createRequestCommand(code, header);
        command.makeCustomHeaderToNet();
        return new HashMap<>(command.getExtFields());
    }

    /** @return the header as upstream's server decodes these extFields */
    static <T extends CommandCustomHeader> T decode(int code, Map<String, String> extFields, Class<T> type) {
        RemotingCommand command = RemotingCommand.createRequestCommand(code, null);
        command.setExtFields(new HashMap<>(extFields));
        try {
            return type.cast(command.decodeCommandCustomHeader(type));
        } catch (RemotingCommandException e) {
            throw new AssertionError("reference decoder failed on " + extFields, e);
        }
    }
}
