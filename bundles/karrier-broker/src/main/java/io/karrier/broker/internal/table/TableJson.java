package io.karrier.broker.internal.table;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson mapper for the table files. Writes compact standard JSON with map keys sorted,
 * so an unchanged table gives the same bytes. Reads strictly where it tells a torn file from a good
 * one (trailing garbage, null for a number, empty input all fail) and leniently where RocketMQ's
 * own files differ from ours: fastjson writes integer map keys unquoted ({@code {0:123}}) and newer
 * versions add fields we do not know. Thread-safe (a configured mapper is immutable).
 */
final class TableJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private TableJson() {
    }

    static byte[] encode(Object document) {
        try {
            return MAPPER.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            // Our documents are records of strings, numbers and maps: this is a programming error.
            throw new IllegalStateException("Cannot serialize " + document.getClass().getName(), e);
        }
    }

    static <D> D decode(byte[] content, Class<D> type, String source) throws IOException {
        D document = MAPPER.readValue(content, type);
        if (document == null) {
            throw new IOException(source + " holds JSON null");
        }
        return document;
    }
}
