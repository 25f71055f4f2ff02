package io.karrier.remoting.internal;

import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import io.netty.buffer.AbstractByteBuf;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;

/**
 * Collects the leaks Netty's ByteBuf leak detector reports, for as long as it is installed.
 *
 * <p>Every ByteBuf allocator tracks buffers with one shared detector, created once in
 * {@code AbstractByteBuf}'s static initializer. A custom {@code ResourceLeakDetectorFactory} would
 * only work if installed before that class is first loaded, which a test in a shared JVM cannot
 * promise, so this sets a listener on the existing detector (reflection on a package-private field).
 * A leak is reported when a buffer that was never released is garbage-collected and the detector
 * runs again (on a later allocation), hence {@link #collect}. Test-only.
 */
final class FuzzLeaks implements ResourceLeakDetector.LeakListener {

    private final List<String> leaks = new CopyOnWriteArrayList<>();
    private final ResourceLeakDetector<?> detector;

    private FuzzLeaks(ResourceLeakDetector<?> detector) {
        this.detector = detector;
    }

    static FuzzLeaks install() throws ReflectiveOperationException {
        Field field = AbstractByteBuf.class.getDeclaredField("leakDetector");
        field.setAccessible(true);
        FuzzLeaks leaks = new FuzzLeaks((ResourceLeakDetector<?>) field.get(null));
        leaks.detector.setLeakListener(leaks);
        return leaks;
    }

    void uninstall() {
        detector.setLeakListener(null);
    }

    @Override
    public void onLeak(String resourceType, String records) {
        leaks.add(resourceType + ": " + records);
    }

    /**
     * Runs the garbage collector and then the detector, a few rounds, until {@code enough} holds or
     * the rounds run out.
     *
     * @return the leaks reported so far
     */
    List<String> collect(int rounds, BooleanSupplier enough) throws InterruptedException {
        for (int round = 0; round < rounds && !enough.getAsBoolean(); round++) {
            System.gc();
            Thread.sleep(50);
            for (int i = 0; i < 16; i++) {
                // Each tracked allocation makes the detector look at the buffers collected so far.
                PooledByteBufAllocator.DEFAULT.directBuffer(16).release();
                PooledByteBufAllocator.DEFAULT.heapBuffer(16).release();
            }
        }
        return List.copyOf(leaks);
    }

    boolean any() {
        return !leaks.isEmpty();
    }

    void clear() {
        leaks.clear();
    }

    /** Allocates a buffer and drops it unreleased: proof that a leak would be seen. */
    static void leakOneBuffer() {
        ByteBuf leaked = PooledByteBufAllocator.DEFAULT.directBuffer(16);
        leaked.writeLong(42);
    }
}
