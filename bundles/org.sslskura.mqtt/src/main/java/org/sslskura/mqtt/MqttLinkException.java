package org.sslskura.mqtt;

import java.io.IOException;

/**
 * Why an MQTT operation of a {@link PahoMessageLink} failed. {@link #reasonCode()} is Paho's
 * {@code MqttException} reason code (for example 32203 = offline buffer full, 32202 = too many messages in flight), or
 * {@link #NO_REASON_CODE} when the failure did not come from Paho.
 */
public final class MqttLinkException extends IOException {

    /** {@link #reasonCode()} of a failure that did not come from Paho. */
    public static final int NO_REASON_CODE = -1;

    private static final long serialVersionUID = 1L;

    private final int reasonCode;

    public MqttLinkException(String message, int reasonCode, Throwable cause) {
        super(message, cause);
        this.reasonCode = reasonCode;
    }

    public MqttLinkException(String message) {
        this(message, NO_REASON_CODE, null);
    }

    /** @return Paho's reason code, or {@link #NO_REASON_CODE} */
    public int reasonCode() {
        return reasonCode;
    }
}
