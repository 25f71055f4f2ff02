package io.karrier.store.internal.file;

import java.lang.reflect.Field;
import java.nio.MappedByteBuffer;

import sun.misc.Unsafe;

/**
 * Releases a mapping at once instead of waiting for the garbage collector, so deleted segments
 * free their disk space and address space promptly. Uses {@code sun.misc.Unsafe.invokeCleaner}, the
 * supported way to do this on Java 9+ (module {@code jdk.unsupported}). The caller must make sure
 * nobody reads the buffer afterwards: touching an unmapped buffer crashes the JVM.
 */
public final class Unmapper {

    private static final Unsafe UNSAFE = unsafe();

    private Unmapper() {
    }

    /** Unmaps the buffer; a no-op where unmapping is not possible. */
    public static void unmap(MappedByteBuffer buffer) {
        if (UNSAFE != null && buffer.isDirect()) {
            UNSAFE.invokeCleaner(buffer);
        }
    }

    private static Unsafe unsafe() {
        try {
            Field field = Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (Unsafe) field.get(null);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
