package io.karrier.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.rocketmq.remoting.protocol.LanguageCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.karrier.api.remoting.RemotingCommand;

/**
 * Frames encoded by Karrier decode with rocketmq-remoting 4.9.7, and the other way round, for both
 * header serializations.
 */
class FrameCodecCrossCheckTest {

    private static final int CASES = 400;

    static Stream<Arguments> cases() {
        return Stream.of(SerializeType.values())
                .flatMap(type -> IntStream.range(0, CASES).mapToObj(seed -> Arguments.of(type, seed)));
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("cases")
    void karrierFramesDecodeWithRocketMq(SerializeType type, int seed) throws Exception {
        RemotingCommand ours = new RandomCommands(seed).next(type == SerializeType.ROCKETMQ);

        ByteBuffer frame = FrameCodec.encode(ours, type);
        assertThat(frame.getInt(0)).isEqualTo(frame.remaining() - 4);
        org.apache.rocketmq.remoting.protocol.RemotingCommand theirs =
                org.apache.rocketmq.remoting.protocol.RemotingCommand.decode(frame.position(4).slice());

        assertThat(theirs.getSerializeTypeCurrentRPC().name()).isEqualTo(type.name());
        assertSame(ours, theirs);
    }

    @ParameterizedTest(name = "{0} #{1}")
    @MethodSource("cases")
    void rocketMqFramesDecodeWithKarrier(SerializeType type, int seed) throws Exception {
        RemotingCommand expected = new RandomCommands(seed).next(type == SerializeType.ROCKETMQ);
        org.apache.rocketmq.remoting.protocol.RemotingCommand theirs =
                org.apache.rocketmq.remoting.protocol.RemotingCommand.createResponseCommand(0, null);
        theirs.setCode(expected.code());
        theirs.setLanguage(LanguageCode.valueOf(expected.language().name()));
        theirs.setVersion(expected.version());
        theirs.setOpaque(expected.opaque());
        theirs.setFlag(expected.flag());
        theirs.setRemark(expected.remark());
        theirs.setExtFields(expected.extFields() == null ? null : new HashMap<>(expected.extFields()));
        theirs.setBody(expected.bodyBytes());
        theirs.setSerializeTypeCurrentRPC(
                org.apache.rocketmq.remoting.protocol.SerializeType.valueOf(type.name()));

        ByteBuffer frame = theirs.encode();
        frame.getInt();
        ByteBuffer withoutPrefix = frame.slice();

        assertThat(FrameCodec.serializeType(withoutPrefix)).isEqualTo(type);
        assertSame(FrameCodec.decode(withoutPrefix), theirs);
    }

    private static void assertSame(RemotingCommand ours, org.apache.rocketmq.remoting.protocol.RemotingCommand theirs) {
        assertThat(theirs.getCode()).isEqualTo(ours.code());
        assertThat(theirs.getLanguage().name()).isEqualTo(ours.language().name());
        assertThat(theirs.getVersion()).isEqualTo(ours.version());
        assertThat(theirs.getOpaque()).isEqualTo(ours.opaque());
        assertThat(theirs.getFlag()).isEqualTo(ours.flag());
        assertThat(theirs.getRemark()).isEqualTo(ours.remark());
        if (ours.extFields() == null || ours.extFields().isEmpty()) {
            assertThat(theirs.getExtFields() == null || theirs.getExtFields().isEmpty()).isTrue();
        } else {
            assertThat(theirs.getExtFields()).isEqualTo(ours.extFields());
        }
        assertThat(theirs.getBody()).isEqualTo(ours.bodyBytes());
    }
}
