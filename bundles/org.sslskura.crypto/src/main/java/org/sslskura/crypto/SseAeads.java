package org.sslskura.crypto;

import org.sslskura.crypto.internal.SseAeadFactory;

/** Creates the {@link SseAead} for a suite. */
public final class SseAeads {
    private SseAeads() {
    }

    /**
     * @param suite the negotiated SSE transform
     * @param keyMaterial key || salt as drawn from KEYMAT ({@link SseSuite#keyMaterialLength()} bytes; copied, so the
     *        caller may wipe it afterwards)
     * @return a new instance; close it to wipe the key
     */
    public static SseAead create(SseSuite suite, byte[] keyMaterial) {
        return SseAeadFactory.create(suite, keyMaterial);
    }
}
