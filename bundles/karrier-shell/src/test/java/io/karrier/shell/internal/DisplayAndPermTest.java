package io.karrier.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class DisplayAndPermTest {

    @Test
    void showsPrintableUtf8AsTextWithLineBreaksEscaped() {
        assertThat(Display.body("grüße\tdu\nda".getBytes(StandardCharsets.UTF_8), 60)).isEqualTo("grüße\\tdu\\nda");
    }

    @Test
    void shortensLongTextToTheLimit() {
        assertThat(Display.body("abcdefghij".getBytes(StandardCharsets.UTF_8), 6)).isEqualTo("abc...");
    }

    @Test
    void showsBinaryAndControlCharactersAsAHexPreviewWithTheLength() {
        assertThat(Display.body(new byte[] {1, 2}, 60)).isEqualTo("hex 01 02");
        assertThat(Display.body(new byte[] {(byte) 0xc3}, 60)).isEqualTo("hex c3");
        assertThat(Display.body(new byte[100], 9)).isEqualTo("hex 00 00 00 ... (100 bytes)");
    }

    @Test
    void showsAnUnknownTimeAsADash() {
        assertThat(Display.time(0)).isEqualTo("-");
    }

    @Test
    void readsPermissionsAsLettersOrBits() {
        assertThat(Perm.parse("RW")).isEqualTo(6);
        assertThat(Perm.parse("w")).isEqualTo(2);
        assertThat(Perm.parse("7")).isEqualTo(7);
        assertThat(Perm.format(6)).isEqualTo("RW");
        assertThat(Perm.format(0)).isEqualTo("-");
        assertThatThrownBy(() -> Perm.parse("8")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Perm.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
