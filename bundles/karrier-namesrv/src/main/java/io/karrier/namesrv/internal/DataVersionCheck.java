package io.karrier.namesrv.internal;

import io.karrier.protocol.body.DataVersion;

/**
 * The answer to a broker asking whether its topic table is the one the name server holds
 * (QUERY_DATA_VERSION, 322).
 *
 * @param changed whether the broker's version differs (or the broker is unknown): it should register
 * @param nameServerVersion the version the name server holds, or {@code null} for an unknown broker
 */
record DataVersionCheck(boolean changed, DataVersion nameServerVersion) {
}
