package io.karrier.remoting.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.karrier.api.remoting.LanguageCode;
import io.karrier.api.remoting.RemotingCommand;
import io.karrier.protocol.FrameCodec;
import io.karrier.protocol.SerializeType;

/**
 * Generates the fuzz test's input, one frame's worth of wire bytes at a time (length prefix included,
 * possibly a lying one): valid requests, responses and oneway requests in both serialize types, and
 * the same mutated (bit flips, byte stamps, truncations, extensions, lying length and header-length
 * fields, unknown serialize types), plus malformed JSON and binary headers written by hand
 * ({@link FuzzHeaders}) and plain random bytes. What the server must do with them is left to
 * {@link FuzzStreamModel}. Deterministic for a seed; not thread-safe (one per worker).
 */
final class FuzzFrames {

    /** One generated piece of input and the kind of generator that made it. */
    record Frame(String kind, byte[] bytes) {
    }

    private static final String[] SAMPLES = {"TopicTest", "ß∂ƒ©", "中文主题", "emoji 🎉🚀", " spaced ", "quote\"back\\slash",
        "new\nline\ttab", "%RETRY%group", "", "a", "\u0000nul", "TBW102"};

    private final Random random;
    private final int maxFrameBytes;
    private final FuzzHeaders headers;
    private int nextOpaque;

    /**
     * @param seed the seed of this generator
     * @param worker the worker's number, which makes opaques unique across workers
     */
    FuzzFrames(long seed, int worker, int maxFrameBytes) {
        this.random = new Random(seed);
        this.maxFrameBytes = maxFrameBytes;
        this.headers = new FuzzHeaders(random);
        this.nextOpaque = worker << 24;
    }

    Random random() {
        return random;
    }

    /** @return 1 to 32 frames of a mix in which roughly one frame in seven closes the connection */
    List<Frame> batch() {
        int count = 1 + random.nextInt(32);
        List<Frame> frames = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            frames.add(next());
        }
        return frames;
    }

    /** @return a few valid requests, then the first part of one more: the connection must idle out */
    List<Frame> stall() {
        List<Frame> frames = new ArrayList<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            frames.add(new Frame("valid", wire(request(), type())));
        }
        byte[] whole = wire(request(), type());
        frames.add(new Frame("stall", Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1))));
        return frames;
    }

    Frame next() {
        int pick = random.nextInt(1000);
        if (pick < 1) {
            return new Frame("limit-exact", limitFrame(0));
        }
        if (pick < 2) {
            return new Frame("limit-over", limitFrame(1));
        }
        if (pick < 62) {
            return new Frame("bit-flips", bitFlips(wire(command(), type())));
        }
        if (pick < 72) {
            return new Frame("byte-stamps", byteStamps(wire(command(), type())));
        }
        if (pick < 112) {
            return new Frame("extend-fixed", extend(wire(command(), type()), true));
        }
        if (pick < 132) {
            return new Frame("truncate-fixed", truncate(wire(command(), type()), true));
        }
        if (pick < 140) {
            return new Frame("header-length-shorter", headerLength(wire(command(), type()), false));
        }
        if (pick < 200) {
            return new Frame("json-lenient", frame(SerializeType.JSON.code(), headers.lenientJson(nextOpaque++), body()));
        }
        if (pick < 220) {
            return new Frame("json-bad", frame(SerializeType.JSON.code(), headers.badJson(nextOpaque++), body()));
        }
        if (pick < 240) {
            return new Frame("binary-bad", frame(SerializeType.ROCKETMQ.code(), headers.badBinary(nextOpaque++), body()));
        }
        if (pick < 246) {
            return new Frame("header-length-beyond", headerLength(wire(command(), type()), true));
        }
        if (pick < 252) {
            return new Frame("unknown-type", unknownType(wire(command(), type())));
        }
        if (pick < 258) {
            return new Frame("absurd-length", absurdLength(wire(command(), type())));
        }
        if (pick < 273) {
            return new Frame("random", randomBytes());
        }
        if (pick < 277) {
            return new Frame("extend-unfixed", extend(wire(command(), type()), false));
        }
        if (pick < 281) {
            return new Frame("truncate-unfixed", truncate(wire(command(), type()), false));
        }
        return new Frame("valid", wire(command(), type()));
    }

    /** @return a request with a fresh opaque, its code the echo's most of the time */
    RemotingCommand request() {
        return command().flag(0);
    }

    private RemotingCommand command() {
        int codePick = random.nextInt(10);
        int code = codePick < 7 ? FuzzStreamModel.ECHO_CODE : codePick < 9 ? random.nextInt(400) : random.nextInt();
        int flagPick = random.nextInt(10);
        int flag = flagPick < 8 ? 0 : flagPick == 8 ? RemotingCommand.FLAG_ONEWAY : 1 + random.nextInt(3);
        RemotingCommand command = RemotingCommand.request(code)
                .language(LanguageCode.values()[random.nextInt(LanguageCode.values().length)])
                .version(random.nextInt(10) == 0 ? random.nextInt() : 407)
                .opaque(nextOpaque++)
                .flag(flag);
        if (random.nextInt(3) == 0) {
            command.remark(text());
        }
        int fieldsPick = random.nextInt(10);
        if (fieldsPick < 6) {
            command.extFields(sendHeaderV2());
        } else if (fieldsPick < 8) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = random.nextInt(10); i > 0; i--) {
                fields.put(text(), text());
            }
            command.extFields(fields);
        }
        command.body(body());
        return command;
    }

    /** The short-named SEND_MESSAGE_V2 header of REMOTING.md §2.2, as a 4.9 producer sends it. */
    private Map<String, String> sendHeaderV2() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("a", "please_rename_unique_group_name");
        fields.put("b", random.nextInt(5) == 0 ? text() : "TopicTest");
        fields.put("c", "TBW102");
        fields.put("d", "4");
        fields.put("e", Integer.toString(random.nextInt(4)));
        fields.put("f", "0");
        fields.put("g", Long.toString(1_700_000_000_000L + random.nextInt(1_000_000_000)));
        fields.put("h", "0");
        fields.put("i", "UNIQ_KEY\u0001" + Long.toHexString(random.nextLong()).toUpperCase()
                + "\u0002WAIT\u0001true\u0002TAGS\u0001TagA");
        fields.put("j", "0");
        fields.put("k", "false");
        fields.put("m", "false");
        fields.put("n", "broker-a");
        return fields;
    }

    private byte[] body() {
        int pick = random.nextInt(20);
        byte[] body = new byte[pick < 9 ? 0 : pick < 19 ? random.nextInt(512) : random.nextInt(16 * 1024)];
        random.nextBytes(body);
        return body;
    }

    private String text() {
        int pick = random.nextInt(6);
        if (pick < 2) {
            return SAMPLES[random.nextInt(SAMPLES.length)];
        }
        if (pick == 2) {
            return Long.toString(random.nextLong());
        }
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(random.nextInt(20) == 0 ? 2000 : 24);
        while (text.length() < length) {
            int codePoint = random.nextInt(3) > 0 ? 0x20 + random.nextInt(0x5F) : random.nextInt(0x10FFFF);
            if (Character.isDefined(codePoint) && (codePoint < 0xD800 || codePoint > 0xDFFF)) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    private SerializeType type() {
        return random.nextBoolean() ? SerializeType.JSON : SerializeType.ROCKETMQ;
    }

    /** @return the command's frame as the codec writes it, length prefix included */
    static byte[] wire(RemotingCommand command, SerializeType type) {
        return FrameCodec.encode(command, type).array();
    }

    /** @return a frame with the given type byte, header and body, and honest length fields */
    static byte[] frame(byte type, byte[] header, byte[] body) {
        return ByteBuffer.allocate(8 + header.length + body.length)
                .putInt(4 + header.length + body.length)
                .putInt((type & 0xFF) << 24 | header.length)
                .put(header)
                .put(body)
                .array();
    }

    private byte[] bitFlips(byte[] frame) {
        int headerEnd = Math.min(frame.length, 8 + (ByteBuffer.wrap(frame).getInt(4) & FrameCodec.MAX_HEADER_LENGTH));
        for (int flips = 1 + random.nextInt(random.nextBoolean() ? 2 : 8); flips > 0; flips--) {
            int where = random.nextInt(10);
            int at = where == 0 ? random.nextInt(4) : where < 7 ? 4 + random.nextInt(headerEnd - 4)
                    : random.nextInt(frame.length);
            frame[at] ^= (byte) (1 << random.nextInt(8));
        }
        return frame;
    }

    private byte[] byteStamps(byte[] frame) {
        byte[] stamps = {0, (byte) 0xFF, 0x7F, (byte) 0x80, '{', '}', '"', ':', ',', '[', '\\', (byte) 0xC3};
        for (int count = 1 + random.nextInt(4); count > 0; count--) {
            frame[4 + random.nextInt(frame.length - 4)] = stamps[random.nextInt(stamps.length)];
        }
        return frame;
    }

    private byte[] extend(byte[] frame, boolean fixLength) {
        byte[] longer = Arrays.copyOf(frame, frame.length + 1 + random.nextInt(64));
        for (int i = frame.length; i < longer.length; i++) {
            longer[i] = (byte) random.nextInt();
        }
        if (fixLength) {
            ByteBuffer.wrap(longer).putInt(0, longer.length - 4);
        }
        return longer;
    }

    private byte[] truncate(byte[] frame, boolean fixLength) {
        byte[] shorter = Arrays.copyOf(frame, (fixLength ? 4 : 1) + random.nextInt(frame.length - 4));
        if (fixLength) {
            ByteBuffer.wrap(shorter).putInt(0, shorter.length - 4);
        }
        return shorter;
    }

    private byte[] headerLength(byte[] frame, boolean beyond) {
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        int field = buffer.getInt(4);
        int type = field & ~FrameCodec.MAX_HEADER_LENGTH;
        int headerLength = field & FrameCodec.MAX_HEADER_LENGTH;
        int frameLength = frame.length - 4;
        int lie;
        if (beyond) {
            lie = random.nextBoolean() ? frameLength - 4 + 1 + random.nextInt(8)
                    : frameLength - 4 + 1 + random.nextInt(FrameCodec.MAX_HEADER_LENGTH - frameLength + 4);
        } else {
            lie = headerLength == 0 ? 0 : random.nextInt(headerLength);
        }
        buffer.putInt(4, type | lie);
        return frame;
    }

    private byte[] unknownType(byte[] frame) {
        frame[4] = (byte) (2 + random.nextInt(254));
        return frame;
    }

    private byte[] absurdLength(byte[] frame) {
        int[] lengths = {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, -random.nextInt(Integer.MAX_VALUE), 1 << 30,
            maxFrameBytes - 3, maxFrameBytes + random.nextInt(1 << 20), maxFrameBytes, 0, 1, 2, 3};
        ByteBuffer.wrap(frame).putInt(0, lengths[random.nextInt(lengths.length)]);
        return random.nextBoolean() ? frame : Arrays.copyOf(frame, 4);
    }

    private byte[] randomBytes() {
        int pick = random.nextInt(3);
        byte[] content = new byte[(pick == 0 ? 1 : 0) + random.nextInt(256)];
        random.nextBytes(content);
        if (pick == 0) {
            return content;
        }
        if (pick == 2 && content.length >= 4) {
            int type = random.nextInt(2) << 24;
            ByteBuffer.wrap(content).putInt(0, type | random.nextInt(content.length - 3));
        }
        return ByteBuffer.allocate(4 + content.length).putInt(content.length).put(content).array();
    }

    /**
     * @param over 0 for a frame exactly at the limit (length prefix included), 1 for one byte over
     * @return an echo request whose body fills the frame up to the limit
     */
    private byte[] limitFrame(int over) {
        RemotingCommand command = RemotingCommand.request(FuzzStreamModel.ECHO_CODE).opaque(nextOpaque++).version(407);
        byte[] header = FrameCodec.encodeHeader(command, SerializeType.JSON);
        byte[] body = new byte[maxFrameBytes + over - 8 - header.length];
        random.nextBytes(body);
        return frame(SerializeType.JSON.code(), header, body);
    }

    static String hex(byte[] bytes, int limit) {
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, limit); i++) {
            hex.append(String.format("%02x", bytes[i]));
        }
        return bytes.length > limit ? hex + "...(" + bytes.length + " bytes)" : hex.toString();
    }
}
