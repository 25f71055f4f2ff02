package io.karrier.protocol.body;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * Writes a map whose keys are not strings as fastjson does by default: each key as a bare JSON
 * value, {@code {0:"addr"}} for {@code Map<Long,String>} and
 * {@code {{"brokerName":"b","queueId":0,"topic":"t"}:{...}}} for {@code Map<MessageQueue,…>}
 * (REMOTING.md §3.4, §11 item 11). That is not standard JSON, and the client's fastjson parser
 * needs it: it cannot turn a quoted key back into a MessageQueue.
 *
 * <p>A Jackson generator will not write a non-string field name, so the map is rendered to text
 * here, key and value each through the same serializers, and written with
 * {@link JsonGenerator#writeRawValue(String)}. Entries with a {@code null} key or value are left
 * out, as fastjson leaves out {@code null} map values.
 */
final class BareKeyMapSerializer extends StdSerializer<Map<?, ?>> {

    private static final long serialVersionUID = 1L;
    private static final JsonFactory JSON = new JsonFactory();

    @SuppressWarnings({"unchecked", "rawtypes"})
    BareKeyMapSerializer() {
        super((Class) Map.class);
    }

    @Override
    public void serialize(Map<?, ?> map, JsonGenerator json, SerializerProvider provider) throws IOException {
        StringBuilder text = new StringBuilder(32 * map.size() + 2).append('{');
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getKey() == null || entry.getValue() == null) {
                continue;
            }
            if (text.length() > 1) {
                text.append(',');
            }
            text.append(render(entry.getKey(), provider)).append(':').append(render(entry.getValue(), provider));
        }
        json.writeRawValue(text.append('}').toString());
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, Map<?, ?> map) {
        return map == null || map.isEmpty();
    }

    private static String render(Object value, SerializerProvider provider) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            provider.defaultSerializeValue(value, json);
        }
        return text.toString();
    }
}
