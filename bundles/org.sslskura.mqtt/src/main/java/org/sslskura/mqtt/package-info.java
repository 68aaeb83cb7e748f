/**
 * The {@link org.sslskura.api.MessageLink} over MQTT 3.1.1 with Eclipse Paho mqttv3 (docs/PROTOCOL.md §9,
 * decisions §3): {@link org.sslskura.mqtt.PahoMessageLink} configured by {@link org.sslskura.mqtt.MqttLinkOptions},
 * usable without OSGi (the CLI) and wrapped by the DS component with PID {@code org.sslskura.mqtt.MqttLink} (Kura).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.sslskura.mqtt;
