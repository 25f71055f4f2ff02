package io.karrier.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.apache.rocketmq.common.UtilAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** zlib bodies against RocketMQ's UtilAll.compress / uncompress, and the refusals. */
class BodyCompressionTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void interoperatesWithRocketmqZlib(int seed) throws Exception {
        RandomMessages random = new RandomMessages(seed);
        for (int i = 0; i < 20; i++) {
            byte[] body = random.body();
            byte[] ours = BodyCompression.deflate(body, BodyCompression.DEFAULT_LEVEL);
            assertThat(UtilAll.uncompress(ours)).isEqualTo(body);
            assertThat(ours).isEqualTo(UtilAll.compress(body, 5));
            byte[] theirs = UtilAll.compress(body, 1 + seed % 9);
            assertThat(BodyCompression.inflate(ByteBuffer.wrap(theirs), body.length)).isEqualTo(body);
            assertThat(BodyCompression.decompress(MessageSysFlag.COMPRESSED, ByteBuffer.wrap(theirs), body.length))
                    .isEqualTo(body);
            assertThat(BodyCompression.decompress(MessageSysFlag.COMPRESSED | MessageSysFlag.COMPRESSION_ZLIB_TYPE,
                    ByteBuffer.wrap(theirs), 1 << 20)).isEqualTo(body);
        }
    }

    @Test
    void uncompressedBodiesAreCopied() {
        ByteBuffer body = ByteBuffer.wrap(new byte[] {1, 2, 3}).position(1);
        assertThat(BodyCompression.decompress(0, body, 0)).containsExactly(2, 3);
        assertThat(body.position()).isEqualTo(1);
    }

    @Test
    void lz4AndZstdAreRecognisedButUnsupported() {
        ByteBuffer body = ByteBuffer.wrap(new byte[] {1});
        assertThatThrownBy(() -> BodyCompression.decompress(0x101, body, 100))
                .isInstanceOf(MalformedMessageException.class)
                .hasMessage("unsupported compression type LZ4 (sysFlag 0x101); only zlib is supported");
        assertThatThrownBy(() -> BodyCompression.decompress(0x201, body, 100))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("unsupported compression type ZSTD");
        assertThatThrownBy(() -> BodyCompression.decompress(0x401, body, 100))
                .isInstanceOf(MalformedMessageException.class).hasMessage("unknown compression type 4 in sysFlag 0x401");
    }

    @Test
    void corruptOrCutStreamsAreReported() {
        byte[] compressed = BodyCompression.deflate("hello hello hello".getBytes(), 5);
        assertThatThrownBy(() -> BodyCompression.inflate(ByteBuffer.wrap(new byte[] {1, 2, 3, 4}), 100))
                .isInstanceOf(MalformedMessageException.class).hasMessageStartingWith("compressed body is not valid zlib");
        assertThatThrownBy(() -> BodyCompression.inflate(ByteBuffer.wrap(compressed, 0, compressed.length - 3), 100))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("cut off");
    }

    @Test
    void inflationIsBounded() {
        byte[] big = new byte[1 << 20];
        byte[] compressed = BodyCompression.deflate(big, 9);
        assertThat(compressed.length).isLessThan(2048);
        assertThatThrownBy(() -> BodyCompression.inflate(ByteBuffer.wrap(compressed), big.length - 1))
                .isInstanceOf(MalformedMessageException.class).hasMessage("compressed body inflates past 1048575 bytes");
        assertThat(BodyCompression.inflate(ByteBuffer.wrap(compressed), big.length)).isEqualTo(big);
        byte[] small = "abc".getBytes();
        assertThat(BodyCompression.inflate(ByteBuffer.wrap(BodyCompression.deflate(small, 5)), 3)).isEqualTo(small);
        assertThat(BodyCompression.inflate(ByteBuffer.wrap(BodyCompression.deflate(new byte[0], 5)), 0)).isEmpty();
    }
}
