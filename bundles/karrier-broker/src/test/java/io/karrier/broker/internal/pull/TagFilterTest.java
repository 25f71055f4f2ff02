package io.karrier.broker.internal.pull;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.karrier.api.store.MessageFilter;
import io.karrier.protocol.body.SubscriptionData;
import io.karrier.protocol.message.HostAddress;
import io.karrier.protocol.message.MessageProperties;
import io.karrier.protocol.message.StorableMessage;
import io.karrier.protocol.message.StoredMessageEncoder;
import io.karrier.protocol.message.TagHashCode;

class TagFilterTest {

    private static SubscriptionData tags(String... tags) {
        return Subscriptions.parse("T", String.join("||", tags), "TAG").orElseThrow();
    }

    @Test
    void everythingMatchesTheWildcard() {
        assertThat(TagFilter.of(tags("*"))).isSameAs(MessageFilter.ALL);
    }

    @Test
    void matchesTagHashesOfTheSubscribedTags() {
        MessageFilter filter = TagFilter.of(tags("TagA", "TagB"));

        assertThat(filter.matchesTagHash(TagHashCode.of("TagA"))).isTrue();
        assertThat(filter.matchesTagHash(TagHashCode.of("TagB"))).isTrue();
        assertThat(filter.matchesTagHash(TagHashCode.of("TagC"))).isFalse();
        assertThat(filter.matchesTagHash(0)).as("no tag").isFalse();
    }

    @Test
    void tellsTagsOfEqualHashApartByTheStoredTag() {
        MessageFilter filter = TagFilter.of(tags("Aa"));

        assertThat(filter.matchesTagHash(TagHashCode.of("BB"))).isTrue();
        assertThat(filter.matchesRecord(record(Map.of("TAGS", "Aa")))).isTrue();
        assertThat(filter.matchesRecord(record(Map.of("TAGS", "BB")))).isFalse();
        assertThat(filter.matchesRecord(record(Map.of()))).isFalse();
    }

    @Test
    void aSubscriptionWithCodesOnlyIsDecidedByTheHash() {
        MessageFilter filter = TagFilter.of(new SubscriptionData(false, Set.of("Aa".hashCode()), "TAG", "Aa", 1,
                Set.of(), "T"));

        assertThat(filter.matchesRecord(record(Map.of("TAGS", "BB")))).isTrue();
    }

    private static ByteBuffer record(Map<String, String> properties) {
        StorableMessage message = StorableMessage.builder().topic("T").body(new byte[] {1})
                .properties(MessageProperties.format(properties)).bornTimestamp(1L)
                .bornHost(HostAddress.of(new InetSocketAddress("127.0.0.1", 1)))
                .storeHost(HostAddress.of(new InetSocketAddress("127.0.0.1", 2))).build();
        ByteBuffer record = ByteBuffer.allocate(message.recordSize());
        StoredMessageEncoder.write(record, message, 0, 0, 2L);
        return record.flip().asReadOnlyBuffer();
    }
}
