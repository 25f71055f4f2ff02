/**
 * Servers that Karrier runs (name server, broker) and what they report about themselves.
 *
 * <p>Each running server registers a {@link io.karrier.api.server.ServerStatus} service, so the
 * shell, tests and other bundles can see which servers are up and where they listen.
 */
@Export
@Version("1.0.0")
package io.karrier.api.server;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
