package org.sslskura.api;

import java.util.Objects;
import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.sse.SseFormat;

/**
 * What a completed HIP DEX exchange (or rekey) gives the envelope for one peer: the SA pair and the negotiated
 * session services. Immutable; a rekey produces a new instance with a higher {@link #generation()}.
 */
public final class SecureSession {
    private final Hit localHit;
    private final Hit peerHit;
    private final boolean initiator;
    private final SseFormat format;
    private final boolean compression;
    private final int chunkSize;
    private final int fragmentSize;
    private final SecurityAssociation outbound;
    private final SecurityAssociation inbound;
    private final int generation;

    /** Use {@link #builder()}. */
    private SecureSession(Builder b) {
        this.localHit = Objects.requireNonNull(b.localHit, "localHit");
        this.peerHit = Objects.requireNonNull(b.peerHit, "peerHit");
        this.initiator = b.initiator;
        this.format = Objects.requireNonNull(b.format, "format");
        this.compression = b.compression;
        this.chunkSize = b.chunkSize;
        this.fragmentSize = b.fragmentSize;
        this.outbound = Objects.requireNonNull(b.outbound, "outbound");
        this.inbound = Objects.requireNonNull(b.inbound, "inbound");
        this.generation = b.generation;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return our HIT */
    public Hit localHit() {
        return localHit;
    }

    /** @return the peer's HIT */
    public Hit peerHit() {
        return peerHit;
    }

    /** @return true if we initiated the base exchange (the device role) */
    public boolean initiator() {
        return initiator;
    }

    /** @return the agreed SSE format */
    public SseFormat format() {
        return format;
    }

    /** @return true if DEFLATE compression was agreed */
    public boolean compression() {
        return compression;
    }

    /** @return the agreed chunk size in bytes (0 = chunking off) */
    public int chunkSize() {
        return chunkSize;
    }

    /** @return the agreed fragment size in bytes (0 = fragmentation off) */
    public int fragmentSize() {
        return fragmentSize;
    }

    /** @return the SA we seal with */
    public SecurityAssociation outbound() {
        return outbound;
    }

    /** @return the SA we open with */
    public SecurityAssociation inbound() {
        return inbound;
    }

    /**
     * @return the SA generation label: unique among the sessions one key exchange produces for the life of the
     *         process (a new base exchange never reuses an earlier label; a rekey gets a higher one)
     */
    public int generation() {
        return generation;
    }

    @Override
    public String toString() {
        return "SecureSession[" + localHit.toHex() + " <-> " + peerHit.toHex() + ", " + outbound.suite() + ", "
                + format + ", generation " + generation + "]";
    }

    /** Builder for {@link SecureSession}. */
    public static final class Builder {
        private Hit localHit;
        private Hit peerHit;
        private boolean initiator;
        private SseFormat format;
        private boolean compression;
        private int chunkSize;
        private int fragmentSize;
        private SecurityAssociation outbound;
        private SecurityAssociation inbound;
        private int generation;

        private Builder() {
        }

        /** Sets both HITs and the role. */
        public Builder peers(Hit local, Hit peer, boolean weInitiated) {
            this.localHit = local;
            this.peerHit = peer;
            this.initiator = weInitiated;
            return this;
        }

        /** Sets the negotiated session services. */
        public Builder services(SseFormat sseFormat, boolean deflate, int chunk, int fragment) {
            this.format = sseFormat;
            this.compression = deflate;
            this.chunkSize = chunk;
            this.fragmentSize = fragment;
            return this;
        }

        /** Sets the SA pair. */
        public Builder associations(SecurityAssociation out, SecurityAssociation in) {
            this.outbound = out;
            this.inbound = in;
            return this;
        }

        /** Sets the SA generation label. */
        public Builder generation(int value) {
            this.generation = value;
            return this;
        }

        /** @return the session */
        public SecureSession build() {
            return new SecureSession(this);
        }
    }
}
