package io.karrier.protocol.body;

import java.io.ByteArrayOutputStream;

/**
 * Turns the map keys fastjson writes bare into quoted strings, so that a standard JSON parser can
 * read fastjson's output (REMOTING.md §3.4): {@code {0:"a"}} becomes {@code {"0":"a"}},
 * {@code {-1:"a"}} becomes {@code {"-1":"a"}}, and an object used as a key,
 * {@code {{"brokerName":"b","queueId":0,"topic":"t"}:5}}, becomes
 * {@code {"{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"t\"}":5}}; a key deserializer then parses
 * that text back into the key type.
 *
 * <p>One pass over the bytes, with a stack of open containers to know where a key is expected.
 * UTF-8 continuation bytes are all above 0x7F, so scanning bytes for ASCII structure is safe.
 * Text without bare keys is returned as it is, without copying. Malformed text is passed through
 * for the parser to reject.
 */
final class FastjsonKeys {

    private FastjsonKeys() {
    }

    static byte[] quoteKeys(byte[] in) {
        ByteArrayOutputStream out = null;
        int copied = 0;
        boolean[] objects = new boolean[64];
        int depth = 0;
        boolean expectKey = false;
        int i = 0;
        while (i < in.length) {
            byte b = in[i];
            if (isSpace(b)) {
                i++;
                continue;
            }
            if (expectKey && b != '"' && b != '\'' && b != '}') {
                int end = b == '{' || b == '[' ? endOfContainer(in, i) : endOfBareKey(in, i);
                if (end < 0) {
                    break;
                }
                if (out == null) {
                    out = new ByteArrayOutputStream(in.length + 64);
                }
                out.write(in, copied, i - copied);
                writeQuoted(in, i, trimEnd(in, i, end), out);
                copied = end;
                i = end;
                expectKey = false;
                continue;
            }
            switch (b) {
                case '{', '[' -> {
                    if (depth == objects.length) {
                        objects = java.util.Arrays.copyOf(objects, depth * 2);
                    }
                    objects[depth++] = b == '{';
                    expectKey = b == '{';
                    i++;
                }
                case '}', ']' -> {
                    depth = Math.max(0, depth - 1);
                    expectKey = false;
                    i++;
                }
                case ',' -> {
                    expectKey = depth > 0 && objects[depth - 1];
                    i++;
                }
                case '"', '\'' -> {
                    i = endOfString(in, i);
                    expectKey = false;
                }
                default -> {
                    expectKey = false;
                    i++;
                }
            }
        }
        if (out == null) {
            return in;
        }
        out.write(in, copied, in.length - copied);
        return out.toByteArray();
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    /** @return the index after the string starting with the quote at {@code start} */
    private static int endOfString(byte[] in, int start) {
        byte quote = in[start];
        int i = start + 1;
        while (i < in.length && in[i] != quote) {
            i += in[i] == '\\' ? 2 : 1;
        }
        return Math.min(in.length, i + 1);
    }

    /** @return the index after the object or array starting at {@code start}, or -1 if it never closes */
    private static int endOfContainer(byte[] in, int start) {
        int depth = 0;
        int i = start;
        while (i < in.length) {
            byte b = in[i];
            if (b == '"' || b == '\'') {
                i = endOfString(in, i);
                continue;
            }
            if (b == '{' || b == '[') {
                depth++;
            } else if ((b == '}' || b == ']') && --depth == 0) {
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    /** @return the index of the colon after a bare key such as {@code 0} or {@code -1}, or -1 */
    private static int endOfBareKey(byte[] in, int start) {
        for (int i = start; i < in.length; i++) {
            if (in[i] == ':') {
                return i;
            }
            if (in[i] == ',' || in[i] == '{' || in[i] == '}' || in[i] == '[' || in[i] == ']' || in[i] == '"') {
                return -1;
            }
        }
        return -1;
    }

    private static int trimEnd(byte[] in, int start, int end) {
        while (end > start && isSpace(in[end - 1])) {
            end--;
        }
        return end;
    }

    /** Writes {@code in[start, end)} as a JSON string: quotes, backslashes and control characters escaped. */
    private static void writeQuoted(byte[] in, int start, int end, ByteArrayOutputStream out) {
        out.write('"');
        for (int i = start; i < end; i++) {
            byte b = in[i];
            if (b == '"' || b == '\\') {
                out.write('\\');
                out.write(b);
            } else if (b >= 0 && b < 0x20) {
                byte[] escape = String.format("\\u%04x", (int) b).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                out.write(escape, 0, escape.length);
            } else {
                out.write(b);
            }
        }
        out.write('"');
    }
}
