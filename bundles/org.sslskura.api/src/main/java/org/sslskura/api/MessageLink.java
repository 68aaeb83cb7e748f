package org.sslskura.api;

import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The carrier between endpoints: publish bytes to a topic, receive the bytes published to a topic. MQTT over Paho
 * by default; Kura's CloudEndpoint in the Kura bundle. Topics follow docs/PROTOCOL.md §9.
 */
@ConsumerType
public interface MessageLink {

    /** Default of the {@code MessageLink.target} configuration property of the components that use a link: any link. */
    String TARGET_DEFAULT = "(objectClass=org.sslskura.api.MessageLink)";

    /** Description of that property, shared by the metatypes of the components that use a link. */
    String TARGET_DESCRIPTION = "OSGi filter selecting the MessageLink service that carries our packets. The default"
            + " takes any; on Kura, (ssls.link=cloud-endpoint) selects the link over a raw MQTT cloud connection and"
            + " (service.pid=org.sslskura.mqtt.MqttLink) our own Paho link. Use the same filter in the Key Exchange"
            + " and Secure Messaging components.";

    /**
     * Publishes {@code payload} to {@code topic}.
     *
     * @return completes when the carrier has taken the message (for QoS 1: when the broker acknowledged it)
     */
    CompletionStage<Void> publish(String topic, byte[] payload);

    /**
     * Delivers every message published to {@code topic} to {@code handler} (topic, payload) until the returned
     * handle is closed. The handler runs on the link's thread and must not block.
     */
    AutoCloseable subscribe(String topic, BiConsumer<String, byte[]> handler);

    /** @return true while the carrier is connected */
    boolean isConnected();
}
