package io.karrier.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.karrier.api.remoting.LanguageCode;
import io.karrier.api.remoting.RemotingCommand;

/**
 * The binary header (serialize type 1, "ROCKETMQ", REMOTING.md §1.3), big-endian:
 *
 * <pre>
 * int16 code | int8 language | int16 version | int32 opaque | int32 flag
 * int32 remarkLength | remark (UTF-8; length 0 = null)
 * int32 mapLength | { int16 keyLength | key | int32 valueLength | value }*   (mapLength 0 = no map)
 * </pre>
 *
 * Code and version are 16 bits on the wire. As in RocketMQ, entries with a null key or value are not
 * written, and an empty string reads back as null. Stateless and thread-safe.
 */
final class BinaryHeaderCodec {

    private static final int FIXED_PART = 2 + 1 + 2 + 4 + 4;

    private BinaryHeaderCodec() {
    }

    static byte[] encode(RemotingCommand command) {
        byte[] remark = utf8(command.remark());
        List<byte[]> entries = new ArrayList<>();
        int mapLength = 0;
        Map<String, String> extFields = command.extFields();
        if (extFields != null) {
            for (Map.Entry<String, String> field : extFields.entrySet()) {
                if (field.getKey() != null && field.getValue() != null) {
                    byte[] key = utf8(field.getKey());
                    if (key.length > Short.MAX_VALUE) {
                        throw new IllegalArgumentException("extFields key longer than 32767 bytes");
                    }
                    byte[] value = utf8(field.getValue());
                    entries.add(key);
                    entries.add(value);
                    mapLength += 2 + key.length + 4 + value.length;
                }
            }
        }
        ByteBuffer out = ByteBuffer.allocate(FIXED_PART + 4 + remark.length + 4 + mapLength);
        out.putShort((short) command.code())
                .put(command.language().code())
                .putShort((short) command.version())
                .putInt(command.opaque())
                .putInt(command.flag())
                .putInt(remark.length)
                .put(remark)
                .putInt(mapLength);
        for (int i = 0; i < entries.size(); i += 2) {
            byte[] key = entries.get(i);
            byte[] value = entries.get(i + 1);
            out.putShort((short) key.length).put(key).putInt(value.length).put(value);
        }
        return out.array();
    }

    /** Reads the header in {@code header}'s remaining bytes, leaving its position where it is. */
    static RemotingCommand decode(ByteBuffer header) throws MalformedFrameException {
        ByteBuffer in = header.slice();
        if (in.remaining() < FIXED_PART + 8) {
            throw new MalformedFrameException("binary header of " + in.remaining() + " bytes is too short");
        }
        RemotingCommand command = RemotingCommand.request(in.getShort())
                .language(LanguageCode.ofCode(in.get()))
                .version(in.getShort())
                .opaque(in.getInt())
                .flag(in.getInt())
                .remark(string(in, in.getInt(), "remark"));
        if (in.remaining() < 4) {
            throw new MalformedFrameException("binary header ends before its map length");
        }
        int mapLength = in.getInt();
        if (mapLength < 0 || mapLength > in.remaining()) {
            throw new MalformedFrameException("binary header map length " + mapLength + " exceeds the header");
        }
        if (mapLength > 0) {
            command.extFields(extFields(in.slice(in.position(), mapLength)));
        }
        return command;
    }

    private static Map<String, String> extFields(ByteBuffer map) throws MalformedFrameException {
        Map<String, String> fields = new LinkedHashMap<>();
        while (map.hasRemaining()) {
            if (map.remaining() < 2) {
                throw new MalformedFrameException("binary header map entry is truncated");
            }
            String key = string(map, map.getShort(), "map key");
            if (map.remaining() < 4) {
                throw new MalformedFrameException("binary header map entry is truncated");
            }
            String value = string(map, map.getInt(), "map value");
            if (key != null && value != null) {
                fields.put(key, value);
            }
        }
        return fields;
    }

    private static String string(ByteBuffer in, int length, String what) throws MalformedFrameException {
        if (length < 0 || length > in.remaining()) {
            throw new MalformedFrameException("binary header " + what + " length " + length + " exceeds the header");
        }
        if (length == 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    }

}
