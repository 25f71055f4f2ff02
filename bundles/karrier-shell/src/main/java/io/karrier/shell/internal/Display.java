package io.karrier.shell.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** How the shell writes times and message bodies in its tables. */
public final class Display {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private Display() {
    }

    /** @return the time in the container's zone, or {@code -} for 0 (unknown) */
    public static String time(long epochMillis) {
        return epochMillis <= 0 ? "-" : TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /**
     * A body shown in at most {@code maxChars} characters: as text when it is valid UTF-8 without
     * control characters (line breaks and tabs shown escaped), else as a hex preview with its length.
     */
    public static String body(byte[] body, int maxChars) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = printableText(body);
        if (text != null) {
            return shorten(text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t"), maxChars);
        }
        int shown = Math.max(1, Math.min(body.length, maxChars / 3));
        String hex = "hex " + HEX.formatHex(body, 0, shown);
        return shown < body.length ? hex + " ... (" + body.length + " bytes)" : hex;
    }

    /** @return the body as text when it is valid UTF-8 without control characters other than line breaks and tabs */
    public static String printableText(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        boolean printable = text.codePoints().allMatch(c -> c == '\n' || c == '\r' || c == '\t'
                || !Character.isISOControl(c));
        return printable ? text : null;
    }

    private static String shorten(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, Math.max(0, maxChars - 3)) + "...";
    }
}
