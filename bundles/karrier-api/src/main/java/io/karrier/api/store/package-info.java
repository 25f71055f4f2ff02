/**
 * The message store: an append-only commit log of RocketMQ-layout records, consume queues per
 * topic and queue, and a key index. Appends complete at the durability the flush strategy in force
 * promises; reads hand out slices of the stored bytes, pinned until released.
 */
@Export
@Version("1.1.0")
package io.karrier.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
