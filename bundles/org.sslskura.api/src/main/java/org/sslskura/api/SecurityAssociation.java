package org.sslskura.api;

import java.util.Arrays;
import java.util.Objects;
import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.SseSuite;

/**
 * One direction of an SSE security association as the key exchange hands it to the envelope: SPI, suite and key
 * material (key || salt). The receiver of the object owns the key material and calls {@link #destroy()} once it has
 * keyed its cipher.
 */
public final class SecurityAssociation {
    private final int spi;
    private final SseSuite suite;
    private final byte[] keyMaterial;
    private final int keymatIndex;

    /**
     * @param spi the SPI (inbound: chosen by us; outbound: chosen by the peer)
     * @param suite the negotiated suite
     * @param keyMaterial key || salt (copied)
     * @param keymatIndex the KEYMAT index the pair was drawn at
     */
    public SecurityAssociation(int spi, SseSuite suite, byte[] keyMaterial, int keymatIndex) {
        this.spi = spi;
        this.suite = Objects.requireNonNull(suite, "suite");
        if (keyMaterial.length != suite.keyMaterialLength()) {
            throw new IllegalArgumentException("key material length does not match " + suite);
        }
        this.keyMaterial = keyMaterial.clone();
        this.keymatIndex = keymatIndex;
    }

    /** @return the SPI */
    public int spi() {
        return spi;
    }

    /** @return the suite */
    public SseSuite suite() {
        return suite;
    }

    /** @return a copy of key || salt; the caller wipes it */
    public byte[] keyMaterial() {
        return keyMaterial.clone();
    }

    /** @return the KEYMAT index this SA pair was drawn at */
    public int keymatIndex() {
        return keymatIndex;
    }

    /** Wipes the key material held by this object. */
    public void destroy() {
        Bytes.wipe(keyMaterial);
    }

    /** @return true once {@link #destroy()} has run (the key material is all zero) */
    public boolean isDestroyed() {
        return Arrays.equals(keyMaterial, new byte[keyMaterial.length]);
    }

    @Override
    public String toString() {
        return "SA[spi=" + Integer.toHexString(spi) + ", " + suite + ", index " + keymatIndex + "]";
    }
}
