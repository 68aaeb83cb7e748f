package org.sslskura.mqtt;

import org.eclipse.paho.client.mqttv3.MqttClientPersistence;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.client.mqttv3.persist.MqttDefaultFilePersistence;

/** Translations between our options and errors and Paho's. */
final class PahoSettings {

    private PahoSettings() {
    }

    static MqttLinkException failure(String what, Throwable cause) {
        int code = cause instanceof MqttException ? ((MqttException) cause).getReasonCode()
                : MqttLinkException.NO_REASON_CODE;
        return new MqttLinkException(what + ": " + describe(cause), code, cause);
    }

    /** Paho's messages are terse ("Connection lost"); the cause usually says why. */
    static String describe(Throwable t) {
        StringBuilder text = new StringBuilder(String.valueOf(t.getMessage()));
        if (t instanceof MqttException) {
            text.append(" (reason ").append(((MqttException) t).getReasonCode()).append(')');
        }
        Throwable cause = t.getCause();
        if (cause != null && cause != t) {
            text.append(": ").append(cause.getClass().getSimpleName()).append(' ').append(cause.getMessage());
        }
        return text.toString();
    }

    static MqttConnectOptions connectOptions(MqttLinkOptions options) {
        MqttConnectOptions connect = new MqttConnectOptions();
        connect.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        connect.setCleanSession(options.cleanSession());
        connect.setKeepAliveInterval(options.keepAliveSeconds());
        connect.setConnectionTimeout(options.connectionTimeoutSeconds());
        connect.setMaxInflight(options.maxInflight());
        connect.setAutomaticReconnect(false);
        connect.setSocketFactory(NoDelaySockets.forUrl(options.brokerUrl()));
        options.username().ifPresent(connect::setUserName);
        options.password().ifPresent(connect::setPassword);
        return connect;
    }

    static MqttClientPersistence persistence(MqttLinkOptions options) {
        return options.persistenceDirectory()
                .<MqttClientPersistence>map(dir -> new MqttDefaultFilePersistence(dir.toString()))
                .orElseGet(MemoryPersistence::new);
    }
}
