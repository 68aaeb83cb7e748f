package org.sslskura.mqtt.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * Configuration of the MQTT link (PID {@value MqttLinkComponent#PID}). The OCD id equals the PID: Kura looks the
 * metatype up as {@code OSGI-INF/metatype/<pid>.xml}. Only types Kura's metatype parser accepts (no char).
 */
@ObjectClassDefinition(id = MqttLinkComponent.PID, name = "ssls-kura MQTT link",
        description = "The MQTT connection that carries HIP DEX packets and SSE PDUs (ssls/v1/<HIT>/hip and /sse).")
public @interface MqttLinkConfig {

    @AttributeDefinition(name = "Broker URL", description = "tcp://host:port, or ssl://host:port for TLS with the"
            + " JVM's default trust store.")
    String broker_url() default "tcp://localhost:1883";

    @AttributeDefinition(name = "Client id", required = false, description = "MQTT client id. Empty: a random"
            + " ssls-<16 hex digits>, generated once and kept in the ssls state directory (on Kura: <Kura data"
            + " directory>/ssls) so the persistent session survives restarts.")
    String client_id() default "";

    @AttributeDefinition(name = "Username", required = false, description = "Empty: connect without credentials.")
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "Used only with a username.")
    String password() default "";

    @AttributeDefinition(name = "QoS", description = "MQTT QoS of every publication and subscription.",
            options = {@Option(label = "0 (at most once)", value = "0"),
                @Option(label = "1 (at least once)", value = "1")})
    int qos() default 1;

    @AttributeDefinition(name = "Clean session", description = "false: the broker keeps the subscriptions and queues"
            + " QoS 1 messages while the link is offline.")
    boolean clean_session() default false;

    @AttributeDefinition(name = "Keep-alive (s)", min = "0", max = "65535",
            description = "MQTT keep-alive interval; 0 disables it.")
    int keep_alive_seconds() default 60;

    @AttributeDefinition(name = "Max in-flight", min = "1", max = "65535",
            description = "QoS 1 messages sent but not yet acknowledged by the broker.")
    int max_inflight() default 1000;
}
