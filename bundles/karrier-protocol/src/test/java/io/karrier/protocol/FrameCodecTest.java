package io.karrier.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.karrier.api.remoting.LanguageCode;
import io.karrier.api.remoting.RemotingCommand;

class FrameCodecTest {

    private static ByteBuffer jsonFrame(String header) {
        byte[] bytes = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).flip();
    }

    @Test
    void readsJsonTheWayFastjsonIsLenient() throws Exception {
        RemotingCommand command = FrameCodec.decode(jsonFrame(
                "{\"version\":\"407\",\"language\":\"GO\",\"code\":\"105\",\"unknown\":{\"nested\":[1,2]},"
                        + "\"extFields\":{\"n\":12,\"b\":true,\"s\":\"x\",\"gone\":null},\"opaque\":7}"));

        assertThat(command.code()).isEqualTo(105);
        assertThat(command.version()).isEqualTo(407);
        assertThat(command.language()).isEqualTo(LanguageCode.GO);
        assertThat(command.opaque()).isEqualTo(7);
        assertThat(command.remark()).isNull();
        assertThat(command.extFields()).containsExactly(
                java.util.Map.entry("n", "12"), java.util.Map.entry("b", "true"), java.util.Map.entry("s", "x"));
        assertThat(command.hasBody()).isFalse();
    }

    @Test
    void unknownLanguageNameReadsAsOther() throws Exception {
        assertThat(FrameCodec.decode(jsonFrame("{\"code\":1,\"language\":\"COBOL\"}")).language())
                .isEqualTo(LanguageCode.OTHER);
    }

    @Test
    void writesJsonWithPropertiesInFastjsonOrder() {
        RemotingCommand command = RemotingCommand.request(105).version(407).opaque(7).putExtField("topic", "T");

        ByteBuffer frame = FrameCodec.encode(command, SerializeType.JSON);
        String header = StandardCharsets.UTF_8.decode(frame.position(8)).toString();

        assertThat(header).isEqualTo("{\"code\":105,\"extFields\":{\"topic\":\"T\"},\"flag\":0,\"language\":\"JAVA\","
                + "\"opaque\":7,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":407}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "{\"code\":", "{\"code\":\"abc\"}", "{\"code\":99999999999}",
        "{\"extFields\":[1]}", "{\"extFields\":{\"a\":{\"b\":1}}}", "{\"flag\":{}}", "not json",
        "{\"code\":1000,\"remark\":{\"code\":7,\"flag\":1},\"opaque\":5}", "{\"code\":1,\"language\":{\"opaque\":99}}",
        "{\"code\":1000,\"remark\":[1,2],\"opaque\":5}"})
    void rejectsJsonHeadersThatDoNotParse(String header) {
        assertThatThrownBy(() -> FrameCodec.decode(jsonFrame(header)))
                .isInstanceOf(MalformedFrameException.class)
                .hasMessageContaining("JSON header");
    }

    @Test
    void rejectsUnknownSerializeType() {
        ByteBuffer frame = ByteBuffer.allocate(6).putInt(2 << 24 | 2).put((byte) '{').put((byte) '}').flip();

        assertThatThrownBy(() -> FrameCodec.decode(frame)).hasMessageContaining("unknown header serialize type 2");
    }

    @Test
    void rejectsHeaderLengthBeyondFrame() {
        ByteBuffer frame = ByteBuffer.allocate(8).putInt(100).putInt(0).flip();

        assertThatThrownBy(() -> FrameCodec.decode(frame)).hasMessageContaining("header length 100 exceeds");
    }

    @Test
    void rejectsFrameTooShortForHeaderLength() {
        assertThatThrownBy(() -> FrameCodec.decode(ByteBuffer.allocate(3))).isInstanceOf(MalformedFrameException.class);
        assertThatThrownBy(() -> FrameCodec.serializeType(ByteBuffer.allocate(2)))
                .isInstanceOf(MalformedFrameException.class);
    }

    @Test
    void rejectsBinaryHeaderWhoseLengthsOverrunIt() {
        RemotingCommand command = RemotingCommand.request(10).remark("remark").putExtField("key", "value");
        ByteBuffer good = FrameCodec.encode(command, SerializeType.ROCKETMQ);
        int headerLength = good.getInt(4) & FrameCodec.MAX_HEADER_LENGTH;

        for (int cut = 1; cut < headerLength; cut++) {
            ByteBuffer truncated = ByteBuffer.allocate(4 + headerLength - cut)
                    .putInt(FrameCodec.headerLengthAndType(headerLength - cut, SerializeType.ROCKETMQ))
                    .put(good.array(), 8, headerLength - cut)
                    .flip();
            assertThatThrownBy(() -> FrameCodec.decode(truncated))
                    .as("header cut by %d bytes", cut)
                    .isInstanceOf(MalformedFrameException.class);
        }
    }

    @Test
    void rejectsNegativeBinaryLengths() {
        ByteBuffer header = ByteBuffer.allocate(21).putShort((short) 1).put((byte) 0).putShort((short) 1).putInt(1)
                .putInt(0).putInt(-5).putInt(0).flip();
        ByteBuffer frame = ByteBuffer.allocate(4 + 21)
                .putInt(FrameCodec.headerLengthAndType(21, SerializeType.ROCKETMQ)).put(header).flip();

        assertThatThrownBy(() -> FrameCodec.decode(frame)).hasMessageContaining("remark length -5");
    }

    @Test
    void decodesFromDirectBuffersAndOffsetPositions() throws Exception {
        RemotingCommand command = RemotingCommand.request(310).putExtField("a", "b").body(new byte[] {1, 2, 3});
        for (SerializeType type : SerializeType.values()) {
            ByteBuffer heap = FrameCodec.encode(command, type);
            ByteBuffer direct = ByteBuffer.allocateDirect(heap.remaining() + 10);
            direct.position(10);
            direct.put(heap).position(14);

            RemotingCommand decoded = FrameCodec.decode(direct);

            assertThat(decoded.code()).isEqualTo(310);
            assertThat(decoded.extField("a")).isEqualTo("b");
            assertThat(decoded.bodyBytes()).containsExactly(1, 2, 3);
            assertThat(direct.position()).isEqualTo(14);
        }
    }
}
