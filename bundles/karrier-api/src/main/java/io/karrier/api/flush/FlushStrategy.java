package io.karrier.api.flush;

import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Decides when appended bytes are forced to disk and when an append counts as durable. The store
 * attaches the strategy it uses to its {@link FlushTarget}, tells it of every append, and detaches it
 * when another strategy takes over or the store closes.
 *
 * <p>Contract: a stage returned by {@link #appended} completes normally only when the append has the
 * durability this strategy promises; it completes exceptionally with {@link FlushFailedException}
 * when a force failed or timed out. It never completes normally after a failed force that should
 * have covered it.
 */
@ConsumerType
public interface FlushStrategy {

    /** @return a short name for logs and status, such as {@code sync} or {@code async} */
    String name();

    /**
     * @return whether an append is on disk when its stage completes; the store then shows a record
     *         to consumers only once it is flushed
     */
    boolean acknowledgesAfterForce();

    /** Starts serving the target: from now on {@link #appended} may be called. */
    void attach(FlushTarget target);

    /**
     * Stops serving the target. Before it returns, every stage this strategy handed out is completed,
     * normally after a force that covers it, or exceptionally; afterwards the strategy forces nothing.
     */
    void detach(FlushTarget target);

    /**
     * @param target the attached target
     * @param endPosition the end of the append in the log
     * @return completes when the append counts as durable
     */
    CompletionStage<Void> appended(FlushTarget target, long endPosition);
}
