package org.sslskura.keyexchange.dex;

import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sslskura.api.SecureSession;
import org.sslskura.api.SecurityAssociation;
import org.sslskura.api.TrustPolicy;
import org.sslskura.api.TrustedPeer;
import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.HipCipherStream;
import org.sslskura.crypto.SseSuite;
import org.sslskura.wire.hip.EncryptedKey;
import org.sslskura.wire.hip.GpcompInfo;
import org.sslskura.wire.hip.HipCipher;
import org.sslskura.wire.hip.HipConstants;
import org.sslskura.wire.hip.HipPacket;
import org.sslskura.wire.hip.HipParameter;
import org.sslskura.wire.hip.HostId;
import org.sslskura.wire.hip.HostIdentity;
import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.hip.INonce;
import org.sslskura.wire.hip.Notification;
import org.sslskura.wire.hip.Puzzle;
import org.sslskura.wire.hip.R1Counter;
import org.sslskura.wire.hip.Solution;
import org.sslskura.wire.hip.SseFormatList;
import org.sslskura.wire.hip.SseInfo;
import org.sslskura.wire.hip.SseTransform;
import org.sslskura.wire.hip.SslsInfo;
import org.sslskura.wire.hip.TransportFormatList;
import org.sslskura.wire.sse.SseFormat;

/**
 * The Responder's side of the base exchange. I1 gets an R1 built afresh, with no state kept (DEX §5.3.1, G17); only a
 * verified I2 creates an association.
 */
final class ResponderSteps {
    private final DexEngine engine;

    ResponderSteps(DexEngine engine) {
        this.engine = engine;
    }

    List<DexEvent> onI1(HipPacket i1, long now) {
        Hit initiator = i1.senderHit();
        Hit me = engine.localHit();
        Association a = engine.associations.get(initiator);
        if (a != null && a.state == DexState.I1_SENT && me.compareTo(initiator) < 0) {
            return engine.drop(DropReason.TIE_BREAK); // simultaneous open: the greater HIT answers
        }
        if (engine.identity.trustPolicy() == TrustPolicy.ALLOWLIST && engine.identity.peer(initiator).isEmpty()) {
            return engine.drop(DropReason.UNTRUSTED_HI);
        }
        DexConfig c = engine.config;
        engine.puzzles.recordLoad(now, 1);
        int k = engine.puzzles.chooseK(c, now);
        long generation = engine.puzzles.generation(now);
        byte[] puzzleI = engine.puzzles.puzzleI(generation, initiator, me, k);
        HipPacket.Builder b = HipPacket.builder(HipConstants.R1, me, initiator)
                .add(R1Counter.of(generation))
                .add(new Puzzle(k, DexConfig.PUZZLE_LIFETIME_BYTE, PuzzleIssuer.opaque(generation), puzzleI))
                .add(HostId.of(engine.identity.hostIdentity()))
                .add(new SslsInfo(c.maxChunkSize(), c.maxFragmentSize()));
        Offer.lists(c, engine.identity.hostIdentity().group()).forEach(b::add);
        engine.count("r1.sent");
        return List.of(new DexEvent.Send(initiator, b.build().encode()));
    }

    List<DexEvent> onI2(byte[] bytes, HipPacket i2, long now) {
        Hit initiator = i2.senderHit();
        Hit me = engine.localHit();
        engine.puzzles.recordLoad(now, 1); // I2s raise #K too: each may lead to CMACs, CKDF and perhaps an ECDH
        Association existing = engine.associations.get(initiator);
        if (existing != null && existing.cachedR2 != null && Arrays.equals(existing.cachedI2, bytes)) {
            engine.count("r2.resent");
            return List.of(new DexEvent.Send(initiator, existing.cachedR2));
        }
        if (existing != null && existing.state == DexState.I2_SENT && me.compareTo(initiator) < 0) {
            return engine.drop(DropReason.TIE_BREAK); // crossing I2s: the greater HIT responds
        }
        Optional<R1Counter> counter = i2.find(R1Counter.class);
        Optional<Solution> solution = i2.find(Solution.class);
        Optional<HostId> hostId = i2.find(HostId.class);
        Optional<INonce> nonce = i2.find(INonce.class);
        Optional<EncryptedKey> encrypted = i2.find(EncryptedKey.class);
        if (counter.isEmpty() || solution.isEmpty() || hostId.isEmpty() || nonce.isEmpty() || encrypted.isEmpty()
                || nonce.get().nonce().length != HipConstants.I_NONCE_LENGTH
                || !InitiatorSteps.validRandomLength(encrypted.get().length())) {
            return engine.drop(DropReason.BAD_PARAMETERS);
        }
        long generation = counter.get().counter();
        if (!engine.puzzles.isLive(generation, now)) {
            return engine.drop(DropReason.EXPIRED_PUZZLE);
        }
        Solution s = solution.get();
        // #I binds the #K it was issued with, so any difficulty we issued in a live generation is accepted
        if (s.opaque() != PuzzleIssuer.opaque(generation) || s.k() > DexConfig.MAX_SOLVABLE_K
                || !Bytes.constantTimeEquals(engine.puzzles.puzzleI(generation, initiator, me, s.k()), s.i())
                || !Puzzles.solves(s.i(), initiator, me, s.j(), s.k())) {
            return engine.drop(DropReason.BAD_PUZZLE_SOLUTION);
        }
        HostIdentity hi = hostId.get().hostIdentity();
        if (!hi.hit().equals(initiator)) {
            return engine.drop(DropReason.HIT_MISMATCH);
        }
        if (!listedOrLearnable(engine, hi, initiator)) {
            return engine.drop(DropReason.UNTRUSTED_HI);
        }
        switch (engine.usedSolutions.record(generation, initiator, s.j(), !engine.kijCache.has(engine.identity, hi),
                engine.puzzles.generation(now) - 1)) {
            case REUSED:
                return engine.drop(DropReason.REUSED_SOLUTION);
            case OVER_BUDGET:
                return engine.drop(DropReason.SOLUTION_BUDGET);
            default:
                break;
        }
        byte[] iNonce = nonce.get().nonce();
        if (existing != null && existing.seenINonce(iNonce)) {
            return engine.drop(DropReason.REPLAYED_I2);
        }
        byte[] kij;
        try {
            kij = engine.agree(hi);
        } catch (InvalidKeyException e) {
            return engine.drop(DropReason.INVALID_PUBLIC_KEY);
        }
        engine.count("master-keys.derived");
        MasterKeys master = MasterKeys.derive(kij, iNonce, s.i(), me, initiator);
        if (!HipMacs.verify(bytes, i2, master)) {
            master.close();
            Bytes.wipe(kij);
            engine.puzzles.recordLoad(now, 1); // a forgery weighs on the load twice
            return engine.drop(DropReason.BAD_HIP_MAC);
        }
        Optional<TrustedPeer> trusted = engine.identity.authorize(hi, initiator);
        if (trusted.isEmpty()) {
            master.close();
            Bytes.wipe(kij);
            return engine.drop(DropReason.UNTRUSTED_HI);
        }
        Choice choice = new Choice();
        int notifyType = validateSelections(i2, choice);
        if (notifyType != 0) {
            List<DexEvent> out = List.of(new DexEvent.Send(initiator, notify(initiator, notifyType, master)));
            master.close();
            Bytes.wipe(kij);
            engine.drop(notifyType == HipConstants.NOTIFY_NO_SSE_PROPOSAL_CHOSEN
                    || notifyType == HipConstants.NOTIFY_INVALID_SSE_TRANSFORM_CHOSEN
                    || notifyType == HipConstants.NOTIFY_INVALID_SSE_FORMAT_CHOSEN
                    || notifyType == HipConstants.NOTIFY_INVALID_HIP_CIPHER_CHOSEN
                    ? DropReason.NO_ACCEPTABLE_PROPOSAL : DropReason.BAD_PARAMETERS);
            return out;
        }
        return establish(bytes, i2, existing, hi, master, kij, s, iNonce, encrypted.get(), choice, now);
    }

    private List<DexEvent> establish(byte[] bytes, HipPacket i2, Association existing, HostIdentity hi,
                                     MasterKeys master, byte[] kij, Solution s, byte[] iNonce, EncryptedKey encrypted,
                                     Choice choice, long now) {
        Hit initiator = i2.senderHit();
        Hit me = engine.localHit();
        byte[] iv = HipCipherStream.ivFor(s.i(), s.j());
        byte[] peerRandom = master.incomingCipher(iv).apply(encrypted.ciphertext());
        byte[] localRandom = new byte[HipConstants.ENCRYPTED_KEY_SENT];
        engine.random.nextBytes(localRandom);
        byte[] encryptedLocal = master.outgoingCipher(iv).apply(localRandom);
        Keymat keymat = Keymat.derive(kij, iNonce, s.i(), me, initiator, localRandom, peerRandom);
        Bytes.wipe(kij);
        Bytes.wipe(peerRandom);
        Bytes.wipe(localRandom);

        List<DexEvent> out = new ArrayList<>();
        List<byte[]> rememberedNonces = existing == null ? List.of() : List.copyOf(existing.recentINonces);
        if (existing != null) {
            engine.forget(existing); // a verified new I2 replaces the association (a restarted device)
        }
        Association a = new Association(initiator);
        rememberedNonces.forEach(a::rememberINonce);
        a.rememberINonce(iNonce);
        a.initiator = false;
        a.peerHi = hi;
        a.master = master;
        a.keymat = keymat;
        a.keymatIndex = 0;
        int inboundSpi = engine.allocateSpi();
        SecurityAssociation[] sas = keymat.draw(choice.suite, 0, (int) choice.peerSpi, inboundSpi);
        DexConfig c = engine.config;
        SslsInfo agreed = new SslsInfo(agree(c.maxChunkSize(), choice.peerChunk),
                agree(c.maxFragmentSize(), choice.peerFragment));
        a.session = SecureSession.builder()
                .peers(me, initiator, false)
                .services(choice.format, choice.compression, agreed.chunkSize(), agreed.fragmentSize())
                .associations(sas[0], sas[1])
                .generation(engine.nextGeneration())
                .build();
        HipPacket.Builder b = HipPacket.builder(HipConstants.R2, me, initiator)
                .add(SseInfo.of(0, 0, inboundSpi))
                .add(agreed)
                .add(new EncryptedKey(encryptedLocal))
                .add(new INonce(iNonce));
        for (HipParameter p : Offer.lists(c, engine.identity.hostIdentity().group())) {
            b.add(p);
        }
        a.cachedR2 = HipMacs.sign(b, master);
        a.cachedI2 = bytes.clone();
        a.state = DexState.R2_SENT;
        a.stateDeadline = now + c.exchangeCompleteMillis();
        a.lastActivity = now;
        engine.associations.put(initiator, a);
        out.add(new DexEvent.Send(initiator, a.cachedR2));
        out.add(new DexEvent.Established(a.session));
        return out;
    }

    /**
     * Checks the I2 selections once HIP_MAC is verified (decisions §6.13).
     *
     * @return 0 if acceptable, else the NOTIFY type to answer with
     */
    private int validateSelections(HipPacket i2, Choice choice) {
        DexConfig c = engine.config;
        if (!Arrays.equals(i2.find(HipCipher.class).map(HipCipher::allIds).orElse(new int[0]),
                new int[] {HipConstants.HIP_CIPHER_AES_128_CTR})) {
            return HipConstants.NOTIFY_INVALID_HIP_CIPHER_CHOSEN;
        }
        if (!Arrays.equals(i2.find(TransportFormatList.class).map(TransportFormatList::allIds).orElse(new int[0]),
                new int[] {HipConstants.TF_SSE})) {
            return HipConstants.NOTIFY_INVALID_SYNTAX;
        }
        Optional<SseTransform> transform = i2.find(SseTransform.class);
        if (transform.isEmpty()) {
            return HipConstants.NOTIFY_NO_SSE_PROPOSAL_CHOSEN;
        }
        int[] suiteIds = transform.get().allIds();
        Optional<SseSuite> suite = suiteIds.length == 1 ? SseSuite.fromId(suiteIds[0]) : Optional.empty();
        if (suite.isEmpty() || !c.suites().contains(suite.get())
                || (!suite.get().confidential() && !c.allowIntegrityOnly())) {
            return HipConstants.NOTIFY_INVALID_SSE_TRANSFORM_CHOSEN;
        }
        Optional<SseFormatList> formatList = i2.find(SseFormatList.class);
        if (formatList.isEmpty()) {
            return HipConstants.NOTIFY_NO_SSE_FORMAT_CHOSEN;
        }
        int[] formatIds = formatList.get().allIds();
        Optional<SseFormat> format = formatIds.length == 1 ? SseFormat.fromId(formatIds[0]) : Optional.empty();
        if (format.isEmpty() || !c.formats().contains(format.get())) {
            return HipConstants.NOTIFY_INVALID_SSE_FORMAT_CHOSEN;
        }
        Optional<SseInfo> info = i2.find(SseInfo.class);
        if (info.isEmpty() || info.get().keymatIndex() != 0 || info.get().oldSpi() != 0
                || !DexEngine.validSpi(info.get().newSpi())) {
            return HipConstants.NOTIFY_INVALID_SYNTAX;
        }
        Optional<GpcompInfo> comp = i2.find(GpcompInfo.class);
        if (comp.isPresent() && (!c.compression() || !Arrays.equals(comp.get().allIds(),
                new int[] {HipConstants.GPCOMP_DEFLATE}))) {
            return HipConstants.NOTIFY_INVALID_SYNTAX;
        }
        SslsInfo peerMaxima = i2.find(SslsInfo.class).orElse(new SslsInfo(0, 0));
        choice.suite = suite.get();
        choice.format = format.get();
        choice.compression = comp.isPresent();
        choice.peerSpi = info.get().newSpi();
        choice.peerChunk = peerMaxima.chunkSize();
        choice.peerFragment = peerMaxima.fragmentSize();
        return 0;
    }

    private byte[] notify(Hit to, int type, MasterKeys master) {
        return HipMacs.sign(HipPacket.builder(HipConstants.NOTIFY, engine.localHit(), to)
                .add(Notification.of(type, new byte[0])), master);
    }

    /**
     * The cheap trust pre-check before any ECDH: under the allowlist the HI must be the listed one; under
     * trust-on-first-use anything may proceed, and {@code IdentityStore.authorize} (which records a learned peer) runs
     * only once HIP_MAC has proved the peer holds the key.
     */
    static boolean listedOrLearnable(DexEngine engine, HostIdentity hi, Hit hit) {
        if (engine.identity.trustPolicy() != TrustPolicy.ALLOWLIST) {
            return true;
        }
        return engine.identity.peer(hit).map(p -> p.hostIdentity().equals(hi)).orElse(false);
    }

    /** SSLS_INFO agreement: min(local, peer), or 0 if either is 0 (decisions §6.11). */
    static int agree(int local, int peer) {
        return local == 0 || peer == 0 ? 0 : Math.min(local, peer);
    }

    private static final class Choice {
        SseSuite suite;
        SseFormat format;
        boolean compression;
        long peerSpi;
        int peerChunk;
        int peerFragment;
    }
}
