package io.karrier.remoting.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Hand-written headers for the fuzz test: JSON that a lenient reader may accept (numbers as strings,
 * unknown nested properties, duplicate keys), JSON that must not parse or has the wrong shape, and
 * binary headers whose inner lengths lie. Whether each one decodes is {@link FuzzStreamModel}'s call.
 * Test-only; not thread-safe.
 */
final class FuzzHeaders {

    private static final String[] SLOTS = {"code", "extFields", "flag", "language", "opaque", "remark", "version"};

    private final Random random;

    FuzzHeaders(Random random) {
        this.random = random;
    }

    /** @return a JSON header in an unusual but readable form */
    byte[] lenientJson(int opaque) {
        List<String> properties = properties(opaque);
        switch (random.nextInt(5)) {
            case 0 -> properties.replaceAll(p -> p.startsWith("\"code\"") ? "\"code\":\" 1000 \""
                    : p.startsWith("\"opaque\"") ? "\"opaque\":\"" + opaque + "\"" : p);
            case 1 -> properties.add(random.nextInt(properties.size()), "\"zzz\":{\"a\":[1,{\"b\":[null,true]}],\"c\":\"d\"}");
            case 2 -> properties.add("\"code\":" + random.nextInt(2000));
            case 3 -> properties.replaceAll(p -> p.startsWith("\"language\"") ? "\"language\":" + random.nextInt(20) : p);
            default -> properties.replaceAll(p -> p.startsWith("\"extFields\"")
                    ? "\"extFields\":{\"n\":1,\"b\":true,\"z\":null,\"f\":1.5e3,\"\":\"empty key\"}" : p);
        }
        Collections.shuffle(properties, random);
        return utf8("{" + String.join(",", properties) + "}");
    }

    /** @return a JSON header that is malformed, or well-formed with a property of the wrong shape */
    byte[] badJson(int opaque) {
        List<String> properties = properties(opaque);
        String json = "{" + String.join(",", properties) + "}";
        switch (random.nextInt(9)) {
            case 0:
                return utf8(json.substring(0, random.nextInt(json.length())));
            case 1: {
                byte[] garbage = new byte[random.nextInt(64)];
                for (int i = 0; i < garbage.length; i++) {
                    garbage[i] = (byte) (0x20 + random.nextInt(0x5F));
                }
                return garbage;
            }
            case 2:
                return utf8(pick("[]", "\"text\"", "42", "null", "", "   ", "{", "}", "{}", "[{}]", "{\"code\"", "{\"code\":}",
                        "{code:1000}", "{'code':1000}", "{\"code\":1000,}"));
            case 3: {
                String slot = SLOTS[random.nextInt(SLOTS.length)];
                String value = pick("\"abc\"", "1.5", "{}", "[1]", "99999999999", "-99999999999", "true", "null", "\"\"",
                        "{\"a\":{\"b\":1}}", "[\"x\"]", "\"1e3\"", "NaN", "0x10");
                properties.replaceAll(p -> p.startsWith("\"" + slot + "\"") ? "\"" + slot + "\":" + value : p);
                return utf8("{" + String.join(",", properties) + "}");
            }
            case 4: {
                int depth = pickInt(10, 500, 999, 1001, 3000);
                return utf8("{\"deep\":" + "[".repeat(depth) + "]".repeat(depth) + "," + String.join(",", properties) + "}");
            }
            case 5: {
                byte[] bytes = utf8(json);
                int at = json.indexOf("JAVA");
                bytes[at < 0 ? bytes.length / 2 : at] = (byte) pickInt(0xC3, 0xFF, 0x80, 0xED, 0);
                return bytes;
            }
            case 6:
                return utf8(json.replace("\"flag\":", "\"remark\":\"\\u0000\\uD800\\x\",\"flag\":"));
            case 7:
                return utf8(json + pick("xyz", "}", "{\"code\":1}", "\u0000", " "));
            default:
                return utf8(json.replace("\"code\":", "\"code\":" + pick("--1", "+1", "01", "1 2", "\"1000")));
        }
    }

    /** @return a binary header with one lying length (or no room for its fixed part) */
    byte[] badBinary(int opaque) {
        byte[] remark = utf8(random.nextBoolean() ? "" : "remark " + random.nextInt(1000));
        byte[] key = utf8("b");
        byte[] value = utf8("TopicTest");
        int entryLength = 2 + key.length + 4 + value.length;
        int pick = random.nextInt(6);
        int remarkLength = remark.length;
        int mapLength = entryLength;
        short keyLength = (short) key.length;
        int valueLength = value.length;
        int cut = 0;
        switch (pick) {
            case 0 -> cut = -1;
            case 1 -> remarkLength = pickInt(-1, Integer.MIN_VALUE, remark.length + 1, 1 << 20, random.nextInt());
            case 2 -> mapLength = pickInt(-1, Integer.MIN_VALUE, entryLength + 1, entryLength - 1, 1 << 24, 0, random.nextInt());
            case 3 -> keyLength = (short) pickInt(-1, Short.MAX_VALUE, key.length + 1, key.length + 100, 0);
            case 4 -> valueLength = pickInt(-1, Integer.MIN_VALUE, value.length + 1, 1 << 20, 0);
            default -> cut = 1 + random.nextInt(entryLength - 1);
        }
        ByteBuffer header = ByteBuffer.allocate(13 + 4 + remark.length + 4 + entryLength)
                .putShort((short) FuzzStreamModel.ECHO_CODE)
                .put((byte) 0)
                .putShort((short) 407)
                .putInt(opaque)
                .putInt(0)
                .putInt(remarkLength)
                .put(remark)
                .putInt(mapLength)
                .putShort(keyLength)
                .put(key)
                .putInt(valueLength)
                .put(value);
        byte[] bytes = header.array();
        if (cut < 0) {
            return Arrays.copyOf(bytes, random.nextInt(21));
        }
        return Arrays.copyOf(bytes, bytes.length - cut);
    }

    /** The properties of an echo request as fastjson writes them, one string each. */
    private List<String> properties(int opaque) {
        List<String> properties = new ArrayList<>();
        properties.add("\"code\":" + FuzzStreamModel.ECHO_CODE);
        properties.add("\"extFields\":{\"a\":\"group\",\"b\":\"TopicTest\",\"e\":\"" + random.nextInt(4) + "\"}");
        properties.add("\"flag\":0");
        properties.add("\"language\":\"JAVA\"");
        properties.add("\"opaque\":" + opaque);
        properties.add("\"remark\":\"r\"");
        properties.add("\"serializeTypeCurrentRPC\":\"JSON\"");
        properties.add("\"version\":407");
        return properties;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private int pickInt(int... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
