package io.karrier.protocol.body;

/** How a consumer gets messages (REMOTING.md §3.3). */
public enum ConsumeType {
    /** Pull and lite-pull consumers. */
    CONSUME_ACTIVELY,
    /** Push consumers. */
    CONSUME_PASSIVELY
}
