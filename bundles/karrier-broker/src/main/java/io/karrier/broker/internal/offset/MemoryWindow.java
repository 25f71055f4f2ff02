package io.karrier.broker.internal.offset;

import java.lang.management.ManagementFactory;

import javax.management.JMException;
import javax.management.ObjectName;

/**
 * How far behind the commit log's end a record may lie and still count as in memory (the page
 * cache): RocketMQ's accessMessageInMemoryMaxRatio, 40% of physical memory. Read through JMX so
 * that no {@code com.sun.management} import is needed in OSGi; where the attribute is missing, the
 * JVM's max heap stands in.
 *
 * @param bytes the window's size
 */
public record MemoryWindow(long bytes) {

    private static final int IN_MEMORY_PERCENT = 40;

    /** @return 40% of this machine's physical memory */
    public static MemoryWindow ofPhysicalMemory() {
        long total;
        try {
            Object size = ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new ObjectName("java.lang:type=OperatingSystem"), "TotalMemorySize");
            total = size instanceof Long value && value > 0 ? value : Runtime.getRuntime().maxMemory();
        } catch (JMException | RuntimeException e) {
            total = Runtime.getRuntime().maxMemory();
        }
        return new MemoryWindow(total / 100 * IN_MEMORY_PERCENT);
    }

    /** @return whether a record at {@code offset} of a commit log ending at {@code end} is on disk only */
    public boolean onDiskOnly(long offset, long end) {
        return end - offset > bytes;
    }
}
