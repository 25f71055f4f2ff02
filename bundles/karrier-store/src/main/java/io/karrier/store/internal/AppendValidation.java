package io.karrier.store.internal;

import java.util.List;

import io.karrier.api.store.AppendRequest;

/** Checks an append against the limits the broker promises before anything is written. */
final class AppendValidation {

    private AppendValidation() {
    }

    /** @return what is wrong with the append, or {@code null} when it may be written */
    static String problem(List<AppendRequest> requests, int maxMessageBytes) {
        if (requests.isEmpty()) {
            return "an append needs at least one message";
        }
        AppendRequest first = requests.get(0);
        for (AppendRequest request : requests) {
            if (!request.topic().equals(first.topic()) || request.queueId() != first.queueId()) {
                return "a batch must go to one topic and queue";
            }
            if (request.body().remaining() > maxMessageBytes) {
                return "message body of " + request.body().remaining() + " bytes exceeds the limit of "
                        + maxMessageBytes;
            }
        }
        return null;
    }
}
