package io.karrier.protocol;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import io.karrier.api.remoting.LanguageCode;
import io.karrier.api.remoting.RemotingCommand;

/** Random commands for codec tests: unicode, empty and large values, with and without optional parts. */
final class RandomCommands {

    private static final String[] SAMPLES = {"TopicTest", "ß∂ƒ©", "中文主题", "emoji 🎉🚀", " spaced ", "quote\"back\\slash",
        "new\nline\ttab", "%RETRY%group", "a"};

    private final Random random;

    RandomCommands(long seed) {
        this.random = new Random(seed);
    }

    /**
     * @param binarySafe keep to what the binary header can carry: 16-bit code and version, and no
     *        empty strings (which it reads back as null)
     */
    RemotingCommand next(boolean binarySafe) {
        RemotingCommand command = RemotingCommand.request(binarySafe ? random.nextInt(Short.MAX_VALUE + 1) : random.nextInt())
                .language(LanguageCode.values()[random.nextInt(LanguageCode.values().length)])
                .version(binarySafe ? random.nextInt(Short.MAX_VALUE + 1) : random.nextInt(100_000))
                .opaque(random.nextInt())
                .flag(random.nextInt(4));
        if (random.nextBoolean()) {
            command.remark(text(binarySafe));
        }
        if (random.nextInt(4) > 0) {
            Map<String, String> fields = new LinkedHashMap<>();
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                fields.put(text(true) + i, text(binarySafe));
            }
            command.extFields(fields);
        }
        if (random.nextBoolean()) {
            byte[] body = new byte[random.nextInt(4) == 0 ? random.nextInt(70_000) : random.nextInt(200)];
            random.nextBytes(body);
            command.body(body);
        }
        return command;
    }

    private String text(boolean nonEmpty) {
        switch (random.nextInt(5)) {
            case 0:
                return SAMPLES[random.nextInt(SAMPLES.length)];
            case 1:
                return Long.toString(random.nextLong());
            case 2:
                return nonEmpty ? "x" : "";
            default:
                StringBuilder text = new StringBuilder();
                int length = 1 + random.nextInt(random.nextInt(10) == 0 ? 5000 : 40);
                while (text.length() < length) {
                    int codePoint = random.nextInt(3) == 0 ? 0x20 + random.nextInt(0x7F - 0x20)
                            : random.nextInt(0x10FFFF);
                    if (Character.isDefined(codePoint) && !(codePoint >= 0xD800 && codePoint <= 0xDFFF)
                            && !Character.isISOControl(codePoint)) {
                        text.appendCodePoint(codePoint);
                    }
                }
                return text.toString();
        }
    }
}
