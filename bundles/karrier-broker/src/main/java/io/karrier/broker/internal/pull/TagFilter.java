package io.karrier.broker.internal.pull;

import java.nio.ByteBuffer;
import java.util.Set;

import io.karrier.api.store.MessageFilter;
import io.karrier.protocol.body.SubscriptionData;
import io.karrier.protocol.message.MalformedMessageException;
import io.karrier.protocol.message.MessagePropertyKeys;
import io.karrier.protocol.message.StoredMessageDecoder;

/**
 * Selects messages by a TAG subscription: first by the tag hash in the consume queue, as RocketMQ's
 * broker does, then by the tag stored in the record, which RocketMQ leaves to the client; so two
 * tags of equal hash are told apart before their bytes are sent. A message without a tag matches
 * only {@code *}. Immutable; thread-safe.
 */
final class TagFilter implements MessageFilter {

    private final Set<Integer> codes;
    private final Set<String> tags;

    private TagFilter(Set<Integer> codes, Set<String> tags) {
        this.codes = codes;
        this.tags = tags;
    }

    /** @return the filter for a TAG subscription */
    static MessageFilter of(SubscriptionData subscription) {
        if (SubscriptionData.SUB_ALL.equals(subscription.subString())) {
            return MessageFilter.ALL;
        }
        return new TagFilter(subscription.codeSet(), subscription.tagsSet());
    }

    @Override
    public boolean matchesTagHash(long tagHash) {
        return codes.contains((int) tagHash);
    }

    @Override
    public boolean matchesRecord(ByteBuffer record) {
        if (tags.isEmpty()) {
            return true; // a registered subscription with codes only: the hash decided
        }
        try {
            String tag = StoredMessageDecoder.decode(record, record.position()).property(MessagePropertyKeys.TAGS);
            return tag != null && tags.contains(tag);
        } catch (MalformedMessageException e) {
            return true; // not the filter's to judge; the client reports what it cannot decode
        }
    }
}
