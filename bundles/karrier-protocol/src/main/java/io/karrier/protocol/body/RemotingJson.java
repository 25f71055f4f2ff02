package io.karrier.protocol.body;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.module.SimpleSerializers;
import com.fasterxml.jackson.databind.type.MapType;

/**
 * Reads and writes RocketMQ command bodies (REMOTING.md §3.3, §3.4) with one shared Jackson mapper.
 *
 * <p><b>Reading</b> is as lenient as the fastjson parser the 4.9 client and broker use: unknown
 * properties are skipped, field names may be unquoted ({@code {0:"addr"}}) or single-quoted,
 * numbers may come as strings and strings as numbers, unknown enum names read as {@code null},
 * trailing commas are allowed. Map keys written as a JSON object or a bare number, as fastjson
 * writes {@code Map<MessageQueue,…>} and {@code Map<Long,…>}, are turned into quoted keys before
 * Jackson sees the text ({@link FastjsonKeys}), so every body fastjson writes reads back.
 *
 * <p><b>Writing</b> follows fastjson's default output, which the client's parser needs back:
 * properties in alphabetical order, {@code null} properties and {@code null} map values left out,
 * enums by name, no whitespace, non-ASCII characters as UTF-8, and maps whose key type is not
 * {@code String} written with each key as a bare JSON value: {@code {0:"10.0.0.1:10911"}} and
 * {@code {{"brokerName":"b","queueId":0,"topic":"t"}:{...}}}. {@link #encodeStandard(Object)}
 * writes standard JSON instead, for peers that ask for it (§3.4, last paragraph).
 *
 * <p>Thread-safe: the mappers are configured once and never changed.
 */
public final class RemotingJson {

    /** The fastjson dialect: bare non-string map keys. */
    private static final ObjectMapper FASTJSON = mapper(false);
    /** Standard JSON: every map key a quoted string, sorted; non-ASCII escaped, as fastjson's BrowserCompatible. */
    private static final ObjectMapper STANDARD = mapper(true);

    private RemotingJson() {
    }

    /**
     * @param body a body record (or any value made of records, collections and scalars)
     * @return the body as fastjson would write it, UTF-8
     */
    public static byte[] encode(Object body) {
        try {
            return FASTJSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON: "
                    + oneLine(e), e);
        }
    }

    /**
     * @param body a body record
     * @return the body as standard JSON: map keys quoted ({@code {"0":"addr"}}) and sorted, non-ASCII
     *     characters escaped; what a 4.9.4+ name server sends a client that accepts only standard JSON
     */
    public static byte[] encodeStandard(Object body) {
        try {
            return STANDARD.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + body.getClass().getSimpleName() + " as JSON: "
                    + oneLine(e), e);
        }
    }

    /**
     * @param body the body bytes, UTF-8 JSON in fastjson's dialect or standard JSON
     * @param type the body type
     * @return the body, or {@code null} for an empty or {@code null} body (as RocketMQ's decoder)
     * @throws MalformedBodyException if the bytes are not JSON of that type
     */
    public static <T> T decode(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return FASTJSON.readValue(FastjsonKeys.quoteKeys(body), type);
        } catch (IOException | RuntimeException e) {
            throw new MalformedBodyException("malformed " + type.getSimpleName() + " body: " + oneLine(e), e);
        }
    }

    /** The parser's message without the source excerpt and location lines Jackson appends. */
    private static String oneLine(Exception e) {
        String message = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
        if (message == null) {
            message = e.getClass().getSimpleName();
        }
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static ObjectMapper mapper(boolean standard) {
        SimpleModule module = new SimpleModule("karrier-remoting-bodies");
        module.addKeyDeserializer(MessageQueue.class, new MessageQueueKeyDeserializer());
        if (standard) {
            module.addKeySerializer(MessageQueue.class, new MessageQueueKeySerializer());
        } else {
            module.setSerializers(new BareKeyMaps());
        }
        JsonMapper.Builder builder = JsonMapper.builder()
                .addModule(module)
                .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                        JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS,
                        JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                        JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                        DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL,
                        DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .disable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS, SerializationFeature.INDENT_OUTPUT,
                        SerializationFeature.WRITE_ENUMS_USING_TO_STRING)
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .serializationInclusion(JsonInclude.Include.NON_NULL);
        if (standard) {
            builder.enable(JsonWriteFeature.ESCAPE_NON_ASCII)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
        }
        return builder.build();
    }

    /** Picks {@link BareKeyMapSerializer} for every map whose key type is not a string or an enum. */
    private static final class BareKeyMaps extends SimpleSerializers {

        private static final long serialVersionUID = 1L;

        @Override
        public JsonSerializer<?> findMapSerializer(SerializationConfig config, MapType type, BeanDescription bean,
                JsonSerializer<Object> keySerializer, TypeSerializer valueTypeSerializer,
                JsonSerializer<Object> valueSerializer) {
            Class<?> key = type.getKeyType().getRawClass();
            return key == String.class || key.isEnum() || key == Object.class ? null : new BareKeyMapSerializer();
        }
    }

    /** Reads a MessageQueue key that {@link FastjsonKeys} turned into the quoted text of its JSON object. */
    private static final class MessageQueueKeyDeserializer extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            String text = key.strip();
            if (!text.startsWith("{")) {
                return context.handleWeirdKey(MessageQueue.class, key, "not a JSON object");
            }
            return FASTJSON.readValue(text, MessageQueue.class);
        }
    }

    /** Standard JSON cannot hold an object key; the key becomes its JSON text, which the reader above accepts. */
    private static final class MessageQueueKeySerializer extends JsonSerializer<MessageQueue> {
        @Override
        public void serialize(MessageQueue queue, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeFieldName(new String(FASTJSON.writeValueAsBytes(queue), StandardCharsets.UTF_8));
        }
    }
}
