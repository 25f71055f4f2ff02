/**
 * RocketMQ 4.x message codec: the stored-message record that the commit log holds and that
 * PULL_MESSAGE, QUERY_MESSAGE and VIEW_MESSAGE_BY_ID send unchanged, plus everything a record
 * carries or is derived from.
 *
 * <p>{@link io.karrier.protocol.message.StorableMessage} and
 * {@link io.karrier.protocol.message.StoredMessageEncoder} write a record straight into a
 * caller's (typically memory-mapped) buffer; {@link io.karrier.protocol.message.StoredMessageDecoder}
 * reads one back as a {@link io.karrier.protocol.message.StoredMessageView} without copying the
 * body. Around them: the properties string ({@link io.karrier.protocol.message.MessageProperties},
 * {@link io.karrier.protocol.message.MessagePropertyKeys}), message ids
 * ({@link io.karrier.protocol.message.OffsetMessageId},
 * {@link io.karrier.protocol.message.UniqueKeyGenerator}), the sysFlag bits
 * ({@link io.karrier.protocol.message.MessageSysFlag}), the batch body of SEND_BATCH_MESSAGE
 * ({@link io.karrier.protocol.message.BatchBodyCodec}), body compression and the consume-queue tag
 * hash. Bad input is reported as {@link io.karrier.protocol.message.MalformedMessageException} with
 * a reason fit for an error response.
 *
 * <p>Facts from {@code shared/protocol/REMOTING.md} §2.3, §6 and §7.2; every codec here is
 * cross-checked in tests against the reference implementation ({@code rocketmq-common} 4.9.x) in
 * both directions.
 */
@Export
@Version("1.0.0")
package io.karrier.protocol.message;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
