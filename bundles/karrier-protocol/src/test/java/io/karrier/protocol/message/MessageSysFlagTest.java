package io.karrier.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** sysFlag bits and helpers against RocketMQ's MessageSysFlag. */
class MessageSysFlagTest {

    @Test
    void constantsMatchRocketmq() {
        assertThat(MessageSysFlag.COMPRESSED).isEqualTo(org.apache.rocketmq.common.sysflag.MessageSysFlag.COMPRESSED_FLAG);
        assertThat(MessageSysFlag.MULTI_TAGS).isEqualTo(org.apache.rocketmq.common.sysflag.MessageSysFlag.MULTI_TAGS_FLAG);
        assertThat(MessageSysFlag.TRANSACTION_PREPARED_TYPE)
                .isEqualTo(org.apache.rocketmq.common.sysflag.MessageSysFlag.TRANSACTION_PREPARED_TYPE);
        assertThat(MessageSysFlag.TRANSACTION_COMMIT_TYPE)
                .isEqualTo(org.apache.rocketmq.common.sysflag.MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        assertThat(MessageSysFlag.TRANSACTION_ROLLBACK_TYPE)
                .isEqualTo(org.apache.rocketmq.common.sysflag.MessageSysFlag.TRANSACTION_ROLLBACK_TYPE);
        assertThat(MessageSysFlag.BORNHOST_V6).isEqualTo(org.apache.rocketmq.common.sysflag.MessageSysFlag.BORNHOST_V6_FLAG);
        assertThat(MessageSysFlag.STOREHOSTADDRESS_V6)
                .isEqualTo(org.apache.rocketmq.common.sysflag.MessageSysFlag.STOREHOSTADDRESS_V6_FLAG);
        assertThat(MessageSysFlag.NEED_UNWRAP).isEqualTo(org.apache.rocketmq.common.sysflag.MessageSysFlag.NEED_UNWRAP_FLAG);
        assertThat(MessageSysFlag.INNER_BATCH).isEqualTo(org.apache.rocketmq.common.sysflag.MessageSysFlag.INNER_BATCH_FLAG);
        assertThat(MessageSysFlag.COMPRESSION_LZ4_TYPE)
                .isEqualTo(org.apache.rocketmq.common.sysflag.MessageSysFlag.COMPRESSION_LZ4_TYPE);
        assertThat(MessageSysFlag.COMPRESSION_ZSTD_TYPE)
                .isEqualTo(org.apache.rocketmq.common.sysflag.MessageSysFlag.COMPRESSION_ZSTD_TYPE);
        assertThat(MessageSysFlag.COMPRESSION_ZLIB_TYPE)
                .isEqualTo(org.apache.rocketmq.common.sysflag.MessageSysFlag.COMPRESSION_ZLIB_TYPE);
        assertThat(MessageSysFlag.COMPRESSION_TYPE_MASK)
                .isEqualTo(org.apache.rocketmq.common.sysflag.MessageSysFlag.COMPRESSION_TYPE_COMPARATOR);
    }

    @Test
    void helpersAgreeWithRocketmqOnRandomFlags() {
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            int flag = random.nextInt() & 0x3FF; // compression types 0..3 only: 4..7 are undefined
            int type = random.nextInt(4) << 2;
            assertThat(MessageSysFlag.transactionType(flag))
                    .isEqualTo(org.apache.rocketmq.common.sysflag.MessageSysFlag.getTransactionValue(flag));
            assertThat(MessageSysFlag.withTransactionType(flag, type))
                    .isEqualTo(org.apache.rocketmq.common.sysflag.MessageSysFlag.resetTransactionValue(flag, type));
            assertThat(MessageSysFlag.withoutCompression(flag) & ~MessageSysFlag.COMPRESSION_TYPE_MASK)
                    .isEqualTo(org.apache.rocketmq.common.sysflag.MessageSysFlag.clearCompressedFlag(flag)
                            & ~MessageSysFlag.COMPRESSION_TYPE_MASK);
            assertThat(CompressionType.fromSysFlag(flag).name())
                    .isEqualTo(org.apache.rocketmq.common.sysflag.MessageSysFlag.getCompressionType(flag).name());
            assertThat(MessageSysFlag.bornHostLength(flag)).isEqualTo((flag & 0x10) == 0 ? 8 : 20);
            assertThat(MessageSysFlag.storeHostLength(flag)).isEqualTo((flag & 0x20) == 0 ? 8 : 20);
        }
    }

    @Test
    void compressionBits() {
        int flag = MessageSysFlag.withCompression(MessageSysFlag.MULTI_TAGS | 0x100, CompressionType.ZLIB);
        assertThat(flag).isEqualTo(MessageSysFlag.MULTI_TAGS | MessageSysFlag.COMPRESSED | 0x300);
        assertThat(MessageSysFlag.isCompressed(flag)).isTrue();
        assertThat(MessageSysFlag.withoutCompression(flag)).isEqualTo(MessageSysFlag.MULTI_TAGS);
        assertThat(CompressionType.fromSysFlag(MessageSysFlag.COMPRESSED)).isEqualTo(CompressionType.ZLIB);
        assertThat(CompressionType.LZ4.sysFlagBits()).isEqualTo(0x100);
        assertThat(CompressionType.ZSTD.typeValue()).isEqualTo(2);
        assertThat(MessageSysFlag.isBornHostV6(0x10)).isTrue();
        assertThat(MessageSysFlag.isStoreHostV6(0x10)).isFalse();
    }
}
