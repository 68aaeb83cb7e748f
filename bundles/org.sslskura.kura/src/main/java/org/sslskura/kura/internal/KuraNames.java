package org.sslskura.kura.internal;

/** Kura's property names and factory PIDs, and the ids of our attributes: one place for each. */
final class KuraNames {
    private KuraNames() {
    }

    // Kura conventions
    static final String KURA_SERVICE_PID = "kura.service.pid";
    static final String CLOUD_ENDPOINT_SERVICE_PID = "cloud.endpoint.service.pid";
    static final String CLOUD_CONNECTION_FACTORY_PID = "cloud.connection.factory.pid";
    /** {@code CloudConnectionFactory.getFactoryPid()} of Kura's raw MQTT connections. */
    static final String RAW_MQTT_CONNECTION = "org.eclipse.kura.cloudconnection.raw.mqtt.cloud.RawMqttCloudEndpoint";
    /** The {@code kura.service.pid} of the raw MQTT connection Kura's New Connection dialog proposes first. */
    static final String RAW_MQTT_DEFAULT_PID = "org.eclipse.kura.cloudconnection.raw.mqtt.CloudEndpoint";
    /** {@code CloudConnectionFactory.getFactoryPid()} of Kura's default (Kapua) CloudService connections. */
    static final String CLOUD_SERVICE_CONNECTION = "org.eclipse.kura.cloud.CloudService";
    static final String HIDE_SERVICE = "kura.ui.service.hide:Boolean=true";
    static final String HIDE_FACTORY = "kura.ui.factory.hide=true";
    static final String PID_REGEX = "kura.ui.csf.pid.regex=^[a-zA-Z0-9][a-zA-Z0-9._-]*$";
    /** Raw MQTT endpoint publish keys ({@code PublishOptions}) and subscribe keys ({@code SubscribeOptions}). */
    static final String RAW_TOPIC = "topic";
    static final String RAW_QOS = "qos";
    static final String RAW_RETAIN = "retain";
    static final String RAW_PRIORITY = "priority";
    static final String RAW_TOPIC_FILTER = "topic.filter";

    // our MessageLink service over a CloudEndpoint
    static final String LINK_PROPERTY = "ssls.link";
    static final String LINK_CLOUD_ENDPOINT = "cloud-endpoint";

    // attribute ids of the publisher and subscriber factories
    static final String CARRIER = "carrier";
    static final String CARRIER_CLOUD_ENDPOINT = "cloud-endpoint";
    static final String CARRIER_OWN_LINK = "own-link";
    static final String COLLECTORS = "collectors";
    static final String APP_TOPIC = "app.topic";
    static final String DELIVERY = "delivery";
    static final String DELIVERY_RELIABLE = "reliable";
    static final String DELIVERY_FIRE_AND_FORGET = "fire-and-forget";
    static final String APP_TOPIC_FILTER = "app.topic.filter";
    static final String SENDERS = "senders";

    // properties of the KuraMessages a secure subscriber delivers
    static final String MESSAGE_TOPIC = "topic";
    static final String MESSAGE_SENDER = "ssls.sender";
    static final String MESSAGE_SENDER_NAME = "ssls.sender.name";
    static final String MESSAGE_ID = "ssls.message.id";
}
