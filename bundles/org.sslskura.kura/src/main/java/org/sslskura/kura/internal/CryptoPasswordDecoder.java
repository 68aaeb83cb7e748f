package org.sslskura.kura.internal;

import org.eclipse.kura.KuraException;
import org.eclipse.kura.crypto.CryptoService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sslskura.mqtt.PasswordDecoder;

/**
 * The {@link PasswordDecoder} of the ssls MQTT link on Kura: Kura stores Password attributes encrypted with its
 * CryptoService and hands the component the ciphertext, so decrypt it with {@code CryptoService.decryptAes}; a value
 * that does not decrypt is taken as the plain password, as Kura's own MqttDataTransport does.
 */
@Component(service = PasswordDecoder.class)
public final class CryptoPasswordDecoder implements PasswordDecoder {
    private static final Logger LOG = LoggerFactory.getLogger(CryptoPasswordDecoder.class);

    private final CryptoService crypto;

    @Activate
    public CryptoPasswordDecoder(@Reference CryptoService crypto) {
        this.crypto = crypto;
    }

    @Override
    public char[] decode(String stored) {
        try {
            char[] clear = crypto.decryptAes(stored.toCharArray());
            if (clear != null) {
                return clear;
            }
        } catch (KuraException | RuntimeException e) {
            LOG.debug("password is not encrypted ({}); using it as it is", e.toString());
        }
        return stored.toCharArray();
    }
}
