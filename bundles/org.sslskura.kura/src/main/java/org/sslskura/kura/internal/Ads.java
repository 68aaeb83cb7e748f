package org.sslskura.kura.internal;

/** Names, descriptions and defaults of the pub/sub attributes, shared by the four factory OCDs. */
final class Ads {
    private Ads() {
    }

    static final String CARRIER_NAME = "Carrier";
    static final String CARRIER_DESC = "cloud-endpoint: this cloud connection carries the ssls packets (HIP and SSE,"
            + " on <prefix>/<HIT>/hip|sse): the bundle registers a MessageLink over it (ssls.link=cloud-endpoint), which"
            + " the Key Exchange and Secure Messaging components use once their MessageLink.target selects it; Kura's"
            + " broker settings, TLS and store-and-forward then apply. own-link: register nothing; the ssls stack uses"
            + " the link its MessageLink.target selects (by default the ssls MQTT link, PID org.sslskura.mqtt.MqttLink).";
    static final String COLLECTORS_NAME = "Collectors";
    static final String COLLECTORS_DESC = "Comma-separated trusted peer names or HITs (32 hex digits) that receive"
            + " the messages. Empty: the collectors configured in SSLS Secure Messaging.";
    static final String APP_TOPIC_NAME = "Application topic";
    static final String APP_TOPIC_DESC = "Topic of every message, carried inside the encryption (the broker only"
            + " sees <prefix>/<HIT>/sse). $name is replaced by the KuraMessage property 'name' (e.g. $assetName).";
    static final String APP_TOPIC_DEFAULT = "kura/data";
    static final String DELIVERY_NAME = "Delivery";
    static final String DELIVERY_DESC = "reliable: end-to-end acknowledged, kept in the offline queue until"
            + " acknowledged; publish returns an id that CloudDeliveryListener.onMessageConfirmed reports on"
            + " acknowledgment. fire-and-forget: not queued, no confirmation (publish returns null).";
    static final String FILTER_NAME = "Application topic filter";
    static final String FILTER_DESC = "MQTT-style filter (+, #) on the application topic of received messages.";
    static final String SENDERS_NAME = "Senders";
    static final String SENDERS_DESC = "Comma-separated trusted peer names or HITs whose messages are delivered."
            + " Empty: every authenticated peer.";
}
