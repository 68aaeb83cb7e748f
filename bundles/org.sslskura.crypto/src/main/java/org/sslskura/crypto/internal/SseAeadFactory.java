package org.sslskura.crypto.internal;

import org.sslskura.crypto.SseAead;
import org.sslskura.crypto.SseSuite;

/** Maps a suite to its implementation (the provider choice per primitive is documented in docs/PERFORMANCE.md). */
public final class SseAeadFactory {
    private SseAeadFactory() {
    }

    /** @return a new instance for {@code suite} keyed with {@code keyMaterial} = key || salt */
    public static SseAead create(SseSuite suite, byte[] keyMaterial) {
        switch (suite) {
            case AES_CCM_8:
            case AES_CCM_16:
                return new CcmSseAead(suite, keyMaterial);
            case AES_GCM_8:
                return new Gcm8SseAead(suite, keyMaterial);
            case AES_GCM_16:
            case CHACHA20_POLY1305:
                return new JcaAeadSseAead(suite, keyMaterial);
            case AES_CMAC_96:
                return new CmacSseAead(suite, keyMaterial);
            case ASCON_AEAD128:
                return new AsconSseAead(suite, keyMaterial);
            default:
                throw new IllegalArgumentException("unknown suite " + suite);
        }
    }
}
