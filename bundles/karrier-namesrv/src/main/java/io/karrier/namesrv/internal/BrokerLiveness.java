package io.karrier.namesrv.internal;

import io.karrier.api.remoting.ClientChannel;
import io.karrier.protocol.body.DataVersion;

/**
 * What the name server knows of one registered broker address beyond its routes.
 *
 * @param lastUpdateMillis when it last registered (or confirmed an unchanged data version)
 * @param dataVersion the version of the topic table it last registered
 * @param channel the connection it registered over; closing it drops the broker
 * @param haServerAddr its HA address, given to its slaves
 */
record BrokerLiveness(long lastUpdateMillis, DataVersion dataVersion, ClientChannel channel, String haServerAddr) {

    BrokerLiveness touchedAt(long millis) {
        return new BrokerLiveness(millis, dataVersion, channel, haServerAddr);
    }
}
