package io.karrier.protocol.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.rocketmq.remoting.CommandCustomHeader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each of our headers against the upstream header class it stands for, in both directions, with
 * random values: what upstream writes we read field for field and write back identically, and what
 * we write upstream reads field for field. Set {@code -Dkarrier.header.seed=N} to vary the values.
 */
class HeaderCrossCheckTest {

    private static final int ROUNDS = 200;
    private static final long BASE_SEED = Long.getLong("karrier.header.seed", 4_9_7L);

    static Stream<HeaderCase> cases() {
        return HeaderCases.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void componentsMatchTheReferenceFieldsInNameAndType(HeaderCase c) {
        Set<String> mapped = new TreeSet<>();
        for (RecordComponent component : c.components()) {
            String fieldName = c.referenceField(component.getName());
            if (fieldName == null) {
                continue;
            }
            mapped.add(fieldName);
            Field field = c.referenceFieldOf(fieldName);
            assertThat(component.getType()).as("type of %s", component.getName()).isEqualTo(expectedType(field));
        }
        Set<String> referenceFields = Reference.fields(c.reference()).stream().map(Field::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(mapped).isEqualTo(referenceFields);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsWhatTheReferenceWritesAndWritesItBackIdentically(HeaderCase c) {
        RandomValues values = new RandomValues(seed(c));
        for (int round = 0; round < ROUNDS; round++) {
            CommandCustomHeader reference = Reference.random(c.reference(), c.choices(), values);
            Map<String, String> wire = Reference.encode(c.code(), reference);

            CommandHeader ours = c.from().apply(wire);

            String context = "round " + round + ", seed " + seed(c) + ", extFields " + wire;
            assertAgree(c, ours, reference, context);
            Map<String, String> written = ours.toExtFields();
            c.extraKeys().values().forEach(written::remove);
            assertThat(written).as(context).isEqualTo(wire);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theReferenceReadsWhatWeWrite(HeaderCase c) {
        RandomValues values = new RandomValues(~seed(c));
        for (int round = 0; round < ROUNDS; round++) {
            CommandHeader ours = c.random(values);
            Map<String, String> wire = ours.toExtFields();

            CommandCustomHeader reference = Reference.decode(c.code(), wire, c.reference());

            String context = "round " + round + ", seed " + ~seed(c) + ", " + ours;
            assertAgree(c, ours, reference, context);
            c.extraKeys().values().forEach(key -> assertThat(wire).as(context).containsKey(key));
            assertThat(c.from().apply(wire)).as(context).isEqualTo(ours);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aMissingRequiredFieldIsRejectedAndAMissingOptionalOneIsNot(HeaderCase c) {
        Map<String, String> complete = completeExtFields(c);
        for (Field field : Reference.fields(c.reference())) {
            Map<String, String> wire = new HashMap<>(complete);
            wire.remove(field.getName());
            if (Reference.required(field)) {
                MalformedHeaderException e = catchThrowableOfType(MalformedHeaderException.class,
                        () -> c.from().apply(wire));
                assertThat(e).as("without %s", field.getName()).isNotNull();
                assertThat(e.field()).isEqualTo(field.getName());
                assertThat(e).hasMessage("missing required header field '" + field.getName() + "'");
            } else {
                assertThatCode(() -> c.from().apply(wire)).as("without %s", field.getName()).doesNotThrowAnyException();
            }
        }
        boolean anyRequired = Reference.fields(c.reference()).stream().anyMatch(Reference::required);
        if (anyRequired) {
            assertThat(catchThrowableOfType(MalformedHeaderException.class, () -> c.from().apply(null)))
                    .as("no extFields at all").isNotNull();
        } else {
            assertThat(c.from().apply(null)).isEqualTo(c.from().apply(Map.of()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aNumberThatDoesNotParseIsRejected(HeaderCase c) {
        Map<String, String> complete = completeExtFields(c);
        for (Field field : Reference.fields(c.reference())) {
            if (!Reference.isNumber(field)) {
                continue;
            }
            String kind = Reference.isInt(field) ? "32-bit" : "64-bit";
            String tooBig = Reference.isInt(field) ? "2147483648" : "9223372036854775808";
            for (String bad : List.of("x", "", " 1", "1.5", tooBig)) {
                Map<String, String> wire = new HashMap<>(complete);
                wire.put(field.getName(), bad);
                MalformedHeaderException e = catchThrowableOfType(MalformedHeaderException.class,
                        () -> c.from().apply(wire));
                assertThat(e).as("%s = '%s'", field.getName(), bad).isNotNull();
                assertThat(e.field()).isEqualTo(field.getName());
                assertThat(e).hasMessage("header field '" + field.getName() + "' is not a " + kind + " integer: '"
                        + bad + "'");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void unknownFieldsAreIgnored(HeaderCase c) {
        Map<String, String> complete = completeExtFields(c);
        Map<String, String> withExtras = new HashMap<>(complete);
        for (String key : List.of("AccessKey", "Signature", "SecurityToken", "bname", "n", "zzz")) {
            withExtras.putIfAbsent(key, "extra-" + key);
        }
        assertThat(c.from().apply(withExtras)).isEqualTo(c.from().apply(complete));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aValueTheReferenceRejectsIsRejected(HeaderCase c) {
        Map<String, String> complete = completeExtFields(c);
        for (String fieldName : c.choices().keySet()) {
            Map<String, String> wire = new HashMap<>(complete);
            wire.put(fieldName, "4");
            MalformedHeaderException e = catchThrowableOfType(MalformedHeaderException.class,
                    () -> c.from().apply(wire));
            assertThat(e).as("%s = 4", fieldName).isNotNull();
            assertThat(e.field()).isEqualTo(fieldName);
            assertThat(e.getMessage()).startsWith("header field '" + fieldName + "' is not ").endsWith(": '4'");
            assertThatCode(() -> Reference.decode(c.code(), wire, c.reference()))
                    .as("the reference rejects it too").isInstanceOf(AssertionError.class);
        }
    }

    /** Upstream's types, as ours must be: primitive where a value is always there, boxed where it may be absent. */
    private static Class<?> expectedType(Field field) {
        Class<?> type = field.getType();
        if (type.isPrimitive() || type == String.class || Reference.nullable(field)) {
            return type;
        }
        return type == Integer.class ? int.class : type == Long.class ? long.class : boolean.class;
    }

    private static void assertAgree(HeaderCase c, Object ours, Object reference, String context) {
        for (RecordComponent component : c.components()) {
            String fieldName = c.referenceField(component.getName());
            if (fieldName != null) {
                assertThat(c.value(ours, component)).as("%s <-> %s.%s; %s", component.getName(),
                        reference.getClass().getSimpleName(), fieldName, context)
                        .isEqualTo(Reference.get(reference, fieldName));
            }
        }
    }

    /** @return extFields as upstream writes them, with every field present */
    private static Map<String, String> completeExtFields(HeaderCase c) {
        RandomValues values = new RandomValues(seed(c));
        Map<String, String> wire;
        do {
            wire = Reference.encode(c.code(), Reference.random(c.reference(), c.choices(), values));
        } while (wire.size() < Reference.fields(c.reference()).size());
        return wire;
    }

    private static long seed(HeaderCase c) {
        return BASE_SEED * 31 + c.name().hashCode();
    }
}
