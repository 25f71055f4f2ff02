package io.karrier.api.remoting;

/**
 * The sender's language as carried in every frame. The codes are RocketMQ's, fixed on the wire:
 * the binary header carries the code, the JSON header the name.
 */
public enum LanguageCode {
    JAVA(0), CPP(1), DOTNET(2), PYTHON(3), DELPHI(4), ERLANG(5), RUBY(6), OTHER(7), HTTP(8), GO(9),
    PHP(10), OMS(11), RUST(12);

    private static final LanguageCode[] BY_CODE = new LanguageCode[13];

    static {
        for (LanguageCode language : values()) {
            BY_CODE[language.code] = language;
        }
    }

    private final byte code;

    LanguageCode(int code) {
        this.code = (byte) code;
    }

    /** @return the code the binary header carries */
    public byte code() {
        return code;
    }

    /**
     * @param code a binary header's language byte
     * @return its language, or {@link #OTHER} for a code this version does not know
     */
    public static LanguageCode ofCode(int code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : OTHER;
    }
}
