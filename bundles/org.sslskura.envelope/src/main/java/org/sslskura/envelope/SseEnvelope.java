package org.sslskura.envelope;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sslskura.api.Envelope;
import org.sslskura.api.EnvelopeException;
import org.sslskura.api.EnvelopeException.Reason;
import org.sslskura.api.KeyExchange;
import org.sslskura.api.KeyExchangeListener;
import org.sslskura.api.OpenedPdu;
import org.sslskura.api.PduHeader;
import org.sslskura.api.SealedPdu;
import org.sslskura.api.SecureSession;
import org.sslskura.api.SessionParameters;
import org.sslskura.wire.WireException;
import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.sse.SseFormat;
import org.sslskura.wire.sse.SseHeader;

/**
 * The Session Security Envelope (docs/PROTOCOL.md §7) without OSGi: usable by the CLI and wrapped by
 * {@link EnvelopeComponent}. Register it with {@link KeyExchange#addListener}: the key exchange's events fill its SA
 * table, and it asks the key exchange for a rekey when a sequence number of the current pair reaches the threshold
 * and reports every authentic PDU ({@link KeyExchange#trafficSeen}).
 * <p>
 * Thread-safe: seal runs on application threads and open on the carrier's thread. Each SA has its own lock around
 * its cipher and counter (or window); the SA table has one lock, never held while calling the key exchange.
 * <p>
 * Caller errors: {@link #seal} throws {@link IllegalArgumentException} for FLAGS with reserved bits, a Frag other
 * than 0 or 31, or a generation below -1; it refuses the C bit with {@code POLICY} when compression was not agreed,
 * and a data PDU (Frag 0) on a retired generation with {@code NO_SESSION} (a retired pair only seals ACKs).
 */
public final class SseEnvelope implements Envelope, KeyExchangeListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SseEnvelope.class);
    /** Drops of untrusted PDUs: debug level only, never payload bytes. */
    private static final Logger DROPS = LoggerFactory.getLogger(SseEnvelope.class.getName() + ".drops");
    private static final int FRAG_SHIFT = 3;
    private static final int FLAGS_RESERVED = 0x06;
    private static final long MAX_PDU_BYTES = Integer.MAX_VALUE - 8;

    private final KeyExchange keyExchange;
    private final SaTable table = new SaTable();
    private final EnvelopeCounters counters = new EnvelopeCounters();
    private volatile EnvelopeOptions options;
    private volatile boolean closed;

    /**
     * @param keyExchange where rekeys are requested and traffic is reported (this constructor does not register the
     *        envelope as its listener)
     * @param options the settings
     */
    public SseEnvelope(KeyExchange keyExchange, EnvelopeOptions options) {
        this.keyExchange = Objects.requireNonNull(keyExchange, "keyExchange");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Applies new settings: the window size and the rekey thresholds to SA pairs installed afterwards, the grace to
     * pairs retired afterwards. Withdrawing {@code allowIntegrityOnly} closes the installed AES-CMAC-96 pairs at once.
     */
    public void reconfigure(EnvelopeOptions next) {
        EnvelopeOptions previous = options;
        options = Objects.requireNonNull(next, "options");
        if (previous.allowIntegrityOnly() && !next.allowIntegrityOnly()) {
            List<Hit> removed = table.removeIf(p -> !p.parameters.suite().confidential());
            removed.forEach(peer -> LOG.warn("integrity-only SA pairs with {} closed: no longer allowed by policy",
                    peer.toHex()));
        }
    }

    /** @return the settings in force */
    public EnvelopeOptions options() {
        return options;
    }

    /** Closes the retired SA pairs whose grace period is over (the envelope also does so on every call). */
    public void expireRetired() {
        table.purge(now());
    }

    // ---- key exchange events (on the key exchange's thread)

    @Override
    public void established(SecureSession session) {
        Hit peer = session.peerHit();
        SaPair pair = keyOrNull(session);
        if (pair == null) {
            table.remove(peer); // the old association is gone either way
        } else if (table.install(pair)) {
            installed(pair);
        } else {
            refused(pair);
        }
    }

    @Override
    public void rekeyed(SecureSession previous, SecureSession current) {
        Hit peer = current.peerHit();
        long now = now();
        long until = saturatedAdd(now, options.retiredGrace().toMillis());
        SaPair old = table.current(peer, now);
        if (old != null && old.generation() != previous.generation()) {
            LOG.warn("rekey with {}: installed generation {} but the key exchange retires generation {}",
                    peer.toHex(), old.generation(), previous.generation());
        }
        SaPair next = keyOrNull(current);
        if (next == null) {
            table.retireCurrent(peer, until);
        } else if (table.rekey(next, until)) {
            installed(next);
        } else {
            refused(next);
        }
    }

    /** Closes and removes every SA pair of {@code peer}, current and retired. */
    @Override
    public void closed(Hit peer) {
        table.remove(peer);
        LOG.info("SA pairs with {} closed", peer.toHex());
    }

    /**
     * Nothing to do: a failed base exchange installed nothing, a failed rekey leaves the current pair in use (the
     * rekey request is released through its completion stage), and a lost association is reported by
     * {@link #closed(Hit)}.
     */
    @Override
    public void failed(Hit peer, String reason) {
        LOG.debug("key exchange with {} failed: {}", peer.toHex(), reason);
    }

    private SaPair keyOrNull(SecureSession session) {
        try {
            if (closed) {
                session.outbound().destroy();
                session.inbound().destroy();
                throw new SaKeying.RefusedException("the envelope is closed");
            }
            return SaKeying.key(session, options);
        } catch (SaKeying.RefusedException e) {
            counters.increment(EnvelopeCounters.SA_REFUSED);
            LOG.warn("SA pair with {} (generation {}) not installed: {}", session.peerHit().toHex(),
                    session.generation(), e.getMessage());
            return null;
        }
    }

    private void installed(SaPair pair) {
        counters.increment(EnvelopeCounters.SA_INSTALLED);
        LOG.info("SA pair with {} installed: generation {}, {}, {}, outbound SPI {}, inbound SPI {}",
                pair.peer.toHex(), pair.generation(), pair.parameters.suite(), pair.parameters.format(),
                Long.toHexString(pair.outbound.spi()), Long.toHexString(pair.inbound.spi()));
    }

    private void refused(SaPair pair) {
        pair.close();
        counters.increment(EnvelopeCounters.SA_REFUSED);
        LOG.error("SA pair with {} (generation {}) not installed: inbound SPI {} is already in use (or the envelope"
                + " is closed)", pair.peer.toHex(),
                pair.generation(), Long.toHexString(pair.inbound.spi()));
    }

    // ---- sealing

    @Override
    public SealedPdu seal(Hit peer, int flags, byte[] payload, int generation) throws EnvelopeException {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(payload, "payload");
        int frag = checkFlags(flags);
        if (generation < -1) {
            throw new IllegalArgumentException("generation " + generation);
        }
        try {
            SealedPdu pdu = sealUnderPair(peer, frag, (flags & FLAG_COMPRESSED) != 0, payload, generation);
            counters.increment(EnvelopeCounters.SEALED);
            return pdu;
        } catch (EnvelopeException e) {
            counters.increment(EnvelopeCounters.sealName(e.reason()));
            throw e;
        }
    }

    private static int checkFlags(int flags) {
        int frag = flags >>> FRAG_SHIFT;
        if ((flags & ~0xFF) != 0 || (flags & FLAGS_RESERVED) != 0 || frag != 0 && frag != FRAG_ACK) {
            throw new IllegalArgumentException("FLAGS 0x" + Integer.toHexString(flags)
                    + ": only Frag 0 or 31 and the C bit may be set");
        }
        return frag;
    }

    private SealedPdu sealUnderPair(Hit peer, int frag, boolean compressed, byte[] payload, int generation)
            throws EnvelopeException {
        long now = now();
        SaPair pair = closed ? null
                : generation == -1 ? table.current(peer, now) : table.generation(peer, generation, now);
        if (pair == null) {
            throw new EnvelopeException(Reason.NO_SESSION, "no SA pair with " + peer.toHex()
                    + (generation == -1 ? "" : " at generation " + generation));
        }
        if (pair.isRetired() && frag != FRAG_ACK) {
            throw new EnvelopeException(Reason.NO_SESSION, "generation " + generation + " with " + peer.toHex()
                    + " is retired: it only seals ACK PDUs");
        }
        if (compressed && !pair.parameters.compression()) {
            throw new EnvelopeException(Reason.POLICY, "C bit set but compression was not agreed with "
                    + peer.toHex());
        }
        SseFormat format = pair.parameters.format();
        long pduBytes = (long) format.headerLength() + payload.length + pair.parameters.suite().tagLength();
        if (payload.length > format.maxLength() || pduBytes > MAX_PDU_BYTES) {
            throw new EnvelopeException(Reason.TOO_LARGE, "payload of " + payload.length + " bytes does not fit "
                    + format + " (at most " + format.maxLength() + ")");
        }
        try {
            SealedPdu pdu = pair.outbound.seal(frag, compressed, payload);
            requestRekeyIfDue(pair, pdu.seq());
            return pdu;
        } catch (EnvelopeException e) {
            if (e.reason() == Reason.SEQUENCE_EXHAUSTED) {
                requestRekeyIfDue(pair, format.maxSeq());
            }
            throw e;
        }
    }

    // ---- opening

    @Override
    public OpenedPdu open(byte[] pdu) throws EnvelopeException {
        try {
            return openLocated(locate(pdu), pdu);
        } catch (EnvelopeException e) {
            dropped(e);
            throw e;
        }
    }

    private OpenedPdu openLocated(Located at, byte[] pdu) throws EnvelopeException {
        SseHeader h = at.header;
        SaPair pair = at.pair;
        int headerLength = h.format().headerLength();
        if (pdu.length != headerLength + h.length() + pair.inbound.tagLength()) {
            throw new EnvelopeException(Reason.MALFORMED, pdu.length + " bytes but the header announces "
                    + (headerLength + h.length() + pair.inbound.tagLength()));
        }
        if (h.isFragment()) {
            throw new EnvelopeException(Reason.MALFORMED, "fragment " + h.frag() + ": reassemble before opening");
        }
        InboundSa.Opened opened = pair.inbound.open(pdu, headerLength, h.seq());
        reportTraffic(pair.peer);
        requestRekeyIfDue(pair, h.seq());
        if (h.compressed() && !pair.parameters.compression()) {
            throw new EnvelopeException(Reason.POLICY, "C bit set but compression was not agreed");
        }
        counters.increment(opened.duplicate() ? EnvelopeCounters.REPLAY : EnvelopeCounters.OPENED);
        return new OpenedPdu(pair.peer, h.seq(), h.flags(), opened.payload(), pair.generation(), opened.duplicate());
    }

    @Override
    public PduHeader peek(byte[] pdu) throws EnvelopeException {
        try {
            Located at = locate(pdu);
            SseHeader h = at.header;
            return new PduHeader(at.pair.peer, h.spi(), h.seq(), h.flags(), h.length(), at.pair.inbound.tagLength(),
                    h.format(), at.pair.generation());
        } catch (EnvelopeException e) {
            dropped(e);
            throw e;
        }
    }

    /** The inbound SA pair a PDU names, and its parsed header. */
    private record Located(SaPair pair, SseHeader header) {
    }

    /**
     * Finds the SA by the demultiplexing rule of §6.15 (first byte ≠ 0: compact, 24-bit SPI; 0: 32-bit SPI, the SA
     * tells large from extreme), then parses the header in the SA's format.
     */
    private Located locate(byte[] pdu) throws EnvelopeException {
        if (pdu == null || pdu.length < SseFormat.COMPACT.headerLength()) {
            throw new EnvelopeException(Reason.MALFORMED, "shorter than the smallest SSE header");
        }
        try {
            long spi = SseHeader.peekSpi(pdu, 0, pdu.length);
            SaPair pair = closed ? null : table.byInboundSpi(spi, now());
            boolean compact = SseFormat.isCompact(pdu[0]);
            if (pair == null || compact != (pair.inbound.format() == SseFormat.COMPACT)) {
                throw new EnvelopeException(Reason.UNKNOWN_SPI, "no inbound SA with SPI " + Long.toHexString(spi)
                        + (compact ? " (compact)" : " (large or extreme)"));
            }
            return new Located(pair, SseHeader.parse(pair.inbound.format(), pdu, 0, pdu.length));
        } catch (WireException e) {
            throw new EnvelopeException(Reason.MALFORMED, e.getMessage());
        }
    }

    private void dropped(EnvelopeException e) {
        counters.increment(EnvelopeCounters.dropName(e.reason()));
        DROPS.debug("PDU dropped: {}", e.getMessage());
    }

    // ---- calls into the key exchange (never under a lock)

    private void requestRekeyIfDue(SaPair pair, long seq) {
        if (!pair.claimRekey(seq)) {
            return;
        }
        counters.increment(EnvelopeCounters.REKEY_REQUESTED);
        LOG.info("SA pair with {} (generation {}) reached sequence number {}: rekey requested", pair.peer.toHex(),
                pair.generation(), Long.toUnsignedString(seq));
        try {
            keyExchange.rekey(pair.peer).whenComplete((session, error) -> {
                if (error != null) {
                    LOG.warn("rekey with {} failed ({}); it will be requested again", pair.peer.toHex(),
                            error.getMessage());
                    pair.releaseRekey();
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("rekey with {} could not be requested", pair.peer.toHex(), e);
            pair.releaseRekey();
        }
    }

    private void reportTraffic(Hit peer) {
        try {
            keyExchange.trafficSeen(peer);
        } catch (RuntimeException e) {
            LOG.warn("key exchange refused the traffic report for {}", peer.toHex(), e);
        }
    }

    // ---- queries and lifecycle

    @Override
    public Optional<SessionParameters> parameters(Hit peer) {
        SaPair pair = closed ? null : table.current(peer, now());
        return pair == null ? Optional.empty() : Optional.of(pair.parameters);
    }

    @Override
    public boolean hasGeneration(Hit peer, int generation) {
        return !closed && table.generation(peer, generation, now()) != null;
    }

    @Override
    public Map<String, Long> counters() {
        return counters.snapshot();
    }

    /** Wipes every key; later seals fail with NO_SESSION, opens with UNKNOWN_SPI, and sessions are not installed. */
    @Override
    public void close() {
        closed = true;
        table.closeAll();
    }

    private long now() {
        return options.clock().millis();
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE - 1 : sum;
    }
}
