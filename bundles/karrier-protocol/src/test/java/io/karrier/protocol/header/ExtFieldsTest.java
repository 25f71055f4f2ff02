package io.karrier.protocol.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.karrier.api.remoting.RemotingCommand;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExtFieldsTest {

    @Test
    void aMissingRequiredFieldIsNamed() {
        assertThatThrownBy(() -> ExtFields.requiredString(Map.of("topix", "t"), "topic"))
                .isInstanceOf(MalformedHeaderException.class)
                .hasMessage("missing required header field 'topic'")
                .extracting(e -> ((MalformedHeaderException) e).field()).isEqualTo("topic");
    }

    @Test
    void aNullMapHasEveryFieldMissing() {
        assertThat(ExtFields.optionalString(null, "topic")).isNull();
        assertThat(ExtFields.optionalInt(null, "queueId")).isNull();
        assertThat(ExtFields.booleanOrFalse(null, "unitMode")).isFalse();
        assertThatThrownBy(() -> ExtFields.requiredLong(null, "offset"))
                .hasMessage("missing required header field 'offset'");
    }

    @Test
    void anEmptyStringIsAValue() {
        assertThat(ExtFields.requiredString(Map.of("topic", ""), "topic")).isEmpty();
    }

    @ParameterizedTest
    // Integer.parseInt also takes non-ASCII digits (full-width here); upstream does the same.
    @CsvSource(delimiter = '|', value = {"0|0", "-1|-1", "+7|7", "2147483647|2147483647", "-2147483648|-2147483648",
        "007|7", "１２|12"})
    void intsParseAsIntegerParseIntDoes(String text, int expected) {
        assertThat(ExtFields.requiredInt(Map.of("queueId", text), "queueId")).isEqualTo(expected);
        assertThat(ExtFields.optionalInt(Map.of("queueId", text), "queueId")).isEqualTo(expected);
    }

    // Upstream does not trim, so neither do we.
    @ParameterizedTest
    @ValueSource(strings = {"x", "", " 1", "1 ", "1.0", "0x10", "2147483648", "-2147483649"})
    void anythingElseIsNotAnInt(String text) {
        assertThatThrownBy(() -> ExtFields.requiredInt(Map.of("queueId", text), "queueId"))
                .isInstanceOf(MalformedHeaderException.class)
                .hasMessage("header field 'queueId' is not a 32-bit integer: '" + text + "'");
        assertThatThrownBy(() -> ExtFields.optionalInt(Map.of("queueId", text), "queueId"))
                .isInstanceOf(MalformedHeaderException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x", "", " 1", "9223372036854775808", "1e3"})
    void anythingButADecimalLongIsNotALong(String text) {
        assertThatThrownBy(() -> ExtFields.requiredLong(Map.of("offset", text), "offset"))
                .isInstanceOf(MalformedHeaderException.class)
                .hasMessage("header field 'offset' is not a 64-bit integer: '" + text + "'");
        assertThatThrownBy(() -> ExtFields.optionalLong(Map.of("offset", text), "offset"))
                .isInstanceOf(MalformedHeaderException.class);
    }

    @Test
    void longsCoverTheirWholeRange() {
        assertThat(ExtFields.requiredLong(Map.of("o", "-9223372036854775808"), "o")).isEqualTo(Long.MIN_VALUE);
        assertThat(ExtFields.optionalLong(Map.of("o", "9223372036854775807"), "o")).isEqualTo(Long.MAX_VALUE);
        assertThat(ExtFields.optionalLong(Map.of(), "o")).isNull();
    }

    @Test
    void aMissingOptionalIntTakesTheGivenDefault() {
        assertThat(ExtFields.optionalInt(Map.of(), "bodyCrc32", 0)).isZero();
        assertThat(ExtFields.optionalInt(Map.of("bodyCrc32", "-5"), "bodyCrc32", 0)).isEqualTo(-5);
    }

    @Test
    void aLongBadValueIsShortenedInTheMessage() {
        String text = "9".repeat(500);
        assertThatThrownBy(() -> ExtFields.requiredInt(Map.of("queueId", text), "queueId"))
                .hasMessage("header field 'queueId' is not a 32-bit integer: '" + "9".repeat(64) + "...'");
    }

    // Boolean.parseBoolean, as upstream: "true" in any case is true, anything else false.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"true|true", "TRUE|true", "True|true", "false|false", "yes|false",
        "1|false", "' true'|false", "''|false"})
    void booleansParseAsBooleanParseBooleanDoes(String text, boolean expected) {
        assertThat(ExtFields.requiredBoolean(Map.of("order", text), "order")).isEqualTo(expected);
        assertThat(ExtFields.optionalBoolean(Map.of("order", text), "order")).isEqualTo(expected);
        assertThat(ExtFields.booleanOrFalse(Map.of("order", text), "order")).isEqualTo(expected);
    }

    @Test
    void aMissingBooleanIsNullFalseOrAnError() {
        assertThat(ExtFields.optionalBoolean(Map.of(), "order")).isNull();
        assertThat(ExtFields.booleanOrFalse(Map.of(), "order")).isFalse();
        assertThatThrownBy(() -> ExtFields.requiredBoolean(Map.of(), "order"))
                .hasMessage("missing required header field 'order'");
    }

    @Test
    void writesDecimalAndTrueFalseAndSkipsNull() {
        Map<String, String> map = new HashMap<>();
        ExtFields.put(map, "i", -3);
        ExtFields.put(map, "l", Long.MIN_VALUE);
        ExtFields.put(map, "b", true);
        ExtFields.put(map, "boxed", Integer.valueOf(12));
        ExtFields.put(map, "text", "主题");
        ExtFields.put(map, "none", (Object) null);
        assertThat(map).containsOnly(Map.entry("i", "-3"), Map.entry("l", "-9223372036854775808"),
                Map.entry("b", "true"), Map.entry("boxed", "12"), Map.entry("text", "主题"));
    }

    @Test
    void aHeaderWritesIntoACommandCreatingItsMapWhenNeeded() {
        RemotingCommand command = RemotingCommand.request(30);
        new QueueRequestHeader("t", 3, null).writeTo(command);
        assertThat(command.extFields()).containsOnly(Map.entry("topic", "t"), Map.entry("queueId", "3"));

        RemotingCommand withFields = RemotingCommand.request(30).putExtField("AccessKey", "ak");
        new QueueRequestHeader("t", 3, "b").writeTo(withFields);
        assertThat(withFields.extFields()).containsEntry("AccessKey", "ak").containsEntry("bname", "b");
        assertThat(QueueRequestHeader.from(withFields.extFields())).isEqualTo(new QueueRequestHeader("t", 3, "b"));
    }

    @Test
    void requiredTextFieldsRejectNullWhenBuilt() {
        assertThatThrownBy(() -> new QueueRequestHeader(null, 3, null))
                .isInstanceOf(NullPointerException.class).hasMessage("topic");
    }
}
