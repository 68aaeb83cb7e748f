package org.sslskura.kura.internal;

import java.util.Map;

/**
 * What every secure publisher and subscriber instance reads from its configuration.
 *
 * @param kuraServicePid the instance PID the user gave (may be null outside Kura)
 * @param endpointPid {@code cloud.endpoint.service.pid}: the Kura cloud connection the instance belongs to (may be null)
 * @param endpointCarries true if the instance registers a MessageLink over that cloud connection (carrier
 *        cloud-endpoint on a raw MQTT connection)
 */
record PubSubOptions(String kuraServicePid, String endpointPid, boolean endpointCarries) {

    /**
     * @throws IllegalArgumentException on an invalid value
     */
    static PubSubOptions from(Map<String, ?> props) {
        String endpoint = Props.string(props, KuraNames.CLOUD_ENDPOINT_SERVICE_PID, null);
        String carrier = Props.oneOf(props, KuraNames.CARRIER, KuraNames.CARRIER_CLOUD_ENDPOINT,
                KuraNames.CARRIER_OWN_LINK);
        // Only raw MQTT connections publish the body as it is and subscribe to any topic. Kura's CloudService encodes
        // every KuraPayload (protobuf/JSON) and subscribes only under its own account/client-id topics: it cannot
        // carry ssls packets, so its factories have no carrier attribute and always use the stack's own link.
        boolean rawMqtt = KuraNames.RAW_MQTT_CONNECTION.equals(
                Props.string(props, KuraNames.CLOUD_CONNECTION_FACTORY_PID, null));
        boolean carries = rawMqtt && endpoint != null && KuraNames.CARRIER_CLOUD_ENDPOINT.equals(carrier);
        return new PubSubOptions(Props.string(props, KuraNames.KURA_SERVICE_PID, null), endpoint, carries);
    }
}
