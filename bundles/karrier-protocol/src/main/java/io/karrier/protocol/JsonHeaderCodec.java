package io.karrier.protocol;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;

import io.karrier.api.remoting.LanguageCode;
import io.karrier.api.remoting.RemotingCommand;

/**
 * The JSON header (serialize type 0, REMOTING.md §1.4), with Jackson's streaming API.
 *
 * <p>Written as fastjson writes RocketMQ's command: properties in alphabetical order, null ones
 * left out, the language by name, every extFields value a string. Read leniently, as fastjson
 * reads: any property order, unknown properties skipped, numbers given as strings accepted, a
 * language by name or code. Stateless and thread-safe.
 */
final class JsonHeaderCodec {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Set<String> KNOWN_PROPERTIES =
            Set.of("code", "flag", "opaque", "version", "language", "remark", "extFields");

    private JsonHeaderCodec() {
    }

    static byte[] encode(RemotingCommand command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator json = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeNumberField("code", command.code());
            Map<String, String> extFields = command.extFields();
            if (extFields != null) {
                json.writeObjectFieldStart("extFields");
                for (Map.Entry<String, String> field : extFields.entrySet()) {
                    if (field.getKey() != null && field.getValue() != null) {
                        json.writeStringField(field.getKey(), field.getValue());
                    }
                }
                json.writeEndObject();
            }
            json.writeNumberField("flag", command.flag());
            json.writeStringField("language", command.language().name());
            json.writeNumberField("opaque", command.opaque());
            if (command.remark() != null) {
                json.writeStringField("remark", command.remark());
            }
            json.writeStringField("serializeTypeCurrentRPC", "JSON");
            json.writeNumberField("version", command.version());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    static RemotingCommand decode(byte[] bytes, int offset, int length) throws MalformedFrameException {
        RemotingCommand command = RemotingCommand.request(0);
        try (JsonParser json = JSON.createParser(bytes, offset, length)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedFrameException("JSON header is not an object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                if (value.isStructStart() && KNOWN_PROPERTIES.contains(name) && !"extFields".equals(name)) {
                    throw new MalformedFrameException("JSON header property '" + name + "' is not a scalar");
                }
                switch (name) {
                    case "code" -> command.code(intValue(json, name));
                    case "flag" -> command.flag(intValue(json, name));
                    case "opaque" -> command.opaque(intValue(json, name));
                    case "version" -> command.version(intValue(json, name));
                    case "language" -> command.language(language(json));
                    case "remark" -> command.remark(value == JsonToken.VALUE_NULL ? null : json.getValueAsString());
                    case "extFields" -> command.extFields(extFields(json));
                    default -> json.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new MalformedFrameException("JSON header does not parse: " + e.getOriginalMessage(), e);
        } catch (IOException | NumberFormatException e) {
            throw new MalformedFrameException("JSON header does not parse: " + e.getMessage(), e);
        }
        return command;
    }

    private static int intValue(JsonParser json, String name) throws IOException, MalformedFrameException {
        return switch (json.currentToken()) {
            case VALUE_NUMBER_INT -> json.getIntValue();
            case VALUE_STRING -> Integer.parseInt(json.getText().trim());
            default -> throw new MalformedFrameException("JSON header property '" + name + "' is not an integer");
        };
    }

    private static LanguageCode language(JsonParser json) throws IOException {
        if (json.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return LanguageCode.ofCode(json.getIntValue());
        }
        try {
            return LanguageCode.valueOf(json.getValueAsString(""));
        } catch (IllegalArgumentException unknown) {
            return LanguageCode.OTHER;
        }
    }

    private static Map<String, String> extFields(JsonParser json) throws IOException, MalformedFrameException {
        if (json.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (json.currentToken() != JsonToken.START_OBJECT) {
            throw new MalformedFrameException("JSON header property 'extFields' is not an object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            JsonToken value = json.nextToken();
            if (value.isStructStart()) {
                throw new MalformedFrameException("JSON header extFields value of '" + key + "' is not a scalar");
            }
            if (value != JsonToken.VALUE_NULL) {
                fields.put(key, json.getText());
            }
        }
        return fields;
    }
}
