package io.karrier.store.internal.log;

import io.karrier.api.store.AppendRequest;
import io.karrier.protocol.message.HostAddress;
import io.karrier.protocol.message.MalformedMessageException;
import io.karrier.protocol.message.StorableMessage;

/**
 * Turns an {@link AppendRequest} into a {@link StorableMessage} that the {@link CommitLog} can
 * seal: its properties end in the {@link RecordSeal} placeholder. Runs on the sender's thread, so
 * the writer only copies. Pure function; thread-safe.
 */
public final class StorableMessages {

    private StorableMessages() {
    }

    /**
     * @param request the message as the broker received it
     * @return the message with the seal placeholder
     * @throws MalformedMessageException when a length is over its limit (the seal takes 18 bytes of
     *         the 32767 the properties may have)
     * @throws IllegalArgumentException when a host is unresolved
     */
    public static StorableMessage of(AppendRequest request) {
        return StorableMessage.builder()
                .topic(request.topic())
                .queueId(request.queueId())
                .flag(request.flag())
                .body(request.body())
                .properties(RecordSeal.withPlaceholder(request.properties()))
                .sysFlag(request.sysFlag())
                .bornTimestamp(request.bornTimestamp())
                .bornHost(HostAddress.of(request.bornHost()))
                .storeHost(HostAddress.of(request.storeHost()))
                .reconsumeTimes(request.reconsumeTimes())
                .preparedTransactionOffset(request.preparedTransactionOffset())
                .build();
    }
}
