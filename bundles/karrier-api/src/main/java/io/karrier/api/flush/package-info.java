/**
 * When appended bytes count as durable. A {@link io.karrier.api.flush.FlushStrategy} (sync group
 * commit, async background flush, ...) is a service of its own bundle; the store uses the
 * highest-ranked one present and hands it the {@link io.karrier.api.flush.FlushTarget} to force.
 */
@Export
@Version("1.0.0")
package io.karrier.api.flush;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
