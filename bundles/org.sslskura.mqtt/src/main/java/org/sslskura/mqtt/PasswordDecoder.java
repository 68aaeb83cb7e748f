package org.sslskura.mqtt;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Turns the {@code password} value of the MQTT link configuration into the password sent to the broker. The default
 * is {@link #identity()}. Kura stores Password attributes encrypted with its CryptoService and hands the component the
 * ciphertext: a bundle that registers a {@code PasswordDecoder} service (backed by {@code CryptoService.decryptAes})
 * makes the MQTT link component use it instead.
 */
@ConsumerType
@FunctionalInterface
public interface PasswordDecoder {

    /**
     * @param stored the configured value, never empty
     * @return the password; the caller wipes the array after use
     * @throws IllegalArgumentException if {@code stored} cannot be decoded (the component then refuses to activate)
     */
    char[] decode(String stored);

    /** @return the decoder that uses the configured value as it is */
    static PasswordDecoder identity() {
        return String::toCharArray;
    }
}
