package io.karrier.protocol.body;

import java.util.List;

/**
 * The response body of QUERY_CONSUME_TIME_SPAN (303). The property is a list despite its name.
 *
 * @param consumeTimeSpanSet one entry per queue; never {@code null}
 */
public record QueryConsumeTimeSpanBody(List<QueueTimeSpan> consumeTimeSpanSet) {

    public QueryConsumeTimeSpanBody {
        consumeTimeSpanSet = Copies.list(consumeTimeSpanSet);
    }
}
