package io.karrier.itests.process;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * One {@link KarrierProcess} shared by the tests of a class: unpacked into
 * {@code target/e2e/<class>} and started before the first test, stopped after the last (also when
 * a test or the start fails). When a test fails, the tail of {@code karaf.log} is printed beside
 * the failure. Register it as a static field:
 *
 * <pre>{@code @RegisterExtension static final KarrierExtension karrier = KarrierExtension.asyncFlush();}</pre>
 */
public final class KarrierExtension implements BeforeAllCallback, AfterAllCallback, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

    private final boolean syncFlush;
    private final boolean partsAsBootFeatures;
    private KarrierProcess process;

    private KarrierExtension(boolean syncFlush, boolean partsAsBootFeatures) {
        this.syncFlush = syncFlush;
        this.partsAsBootFeatures = partsAsBootFeatures;
    }

    /** Karrier as shipped: async flush. */
    public static KarrierExtension asyncFlush() {
        return new KarrierExtension(false, false);
    }

    /** Karrier booted with {@code karrier-flush-sync}: every acknowledged append has been forced to disk. */
    public static KarrierExtension syncFlush() {
        return new KarrierExtension(true, false);
    }

    /**
     * Karrier with async flush, each part of the {@code karrier} feature booted as a feature of its
     * own, so that a test can uninstall any of them ({@link KarrierProcess#withKarrierPartsAsBootFeatures()}).
     */
    public static KarrierExtension asyncFlushWithPartsAsBootFeatures() {
        return new KarrierExtension(false, true);
    }

    public KarrierProcess process() {
        if (process == null) {
            throw new IllegalStateException("Karrier starts before the first test of the class");
        }
        return process;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        process = KarrierProcess.unpack(Path.of("target", "e2e", context.getRequiredTestClass().getSimpleName()));
        if (syncFlush) {
            process.withSyncFlushAtBoot();
        }
        if (partsAsBootFeatures) {
            process.withKarrierPartsAsBootFeatures();
        }
        process.start();
        if (syncFlush) {
            process.awaitLogSinceStart(KarrierProcess.FLUSH_NOW_SYNC, Duration.ofSeconds(30));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (process != null) {
            process.close();
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withLogTail(failure);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withLogTail(failure);
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        throw withLogTail(failure);
    }

    private Throwable withLogTail(Throwable failure) {
        if (process != null) {
            failure.addSuppressed(new KarafLogTail(process.logTail()));
        }
        return failure;
    }

    /** Carries the log tail in the failure report, where surefire and IDEs show it. */
    private static final class KarafLogTail extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KarafLogTail(String tail) {
            super(tail, null, false, false);
        }
    }
}
