package org.sslskura.keyexchange.dex;

import java.security.InvalidKeyException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sslskura.api.SecureSession;
import org.sslskura.api.SecurityAssociation;
import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.HipCipherStream;
import org.sslskura.crypto.SseSuite;
import org.sslskura.wire.hip.DhGroupList;
import org.sslskura.wire.hip.EncryptedKey;
import org.sslskura.wire.hip.GpcompInfo;
import org.sslskura.wire.hip.HipCipher;
import org.sslskura.wire.hip.HipConstants;
import org.sslskura.wire.hip.HipPacket;
import org.sslskura.wire.hip.HitSuiteList;
import org.sslskura.wire.hip.HostId;
import org.sslskura.wire.hip.HostIdentity;
import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.hip.INonce;
import org.sslskura.wire.hip.Puzzle;
import org.sslskura.wire.hip.R1Counter;
import org.sslskura.wire.hip.Solution;
import org.sslskura.wire.hip.SseFormatList;
import org.sslskura.wire.hip.SseInfo;
import org.sslskura.wire.hip.SseTransform;
import org.sslskura.wire.hip.SslsInfo;
import org.sslskura.wire.hip.TransportFormatList;
import org.sslskura.wire.sse.SseFormat;

/** The Initiator's side of the base exchange: I1 out, R1 in, I2 out, R2 in. */
final class InitiatorSteps {
    /** Puzzles up to this #K (at most 2^14 tries, 256 expected) are solved at once on the engine thread. */
    static final int INLINE_MAX_K = 8;

    private final DexEngine engine;

    InitiatorSteps(DexEngine engine) {
        this.engine = engine;
    }

    List<DexEvent> connect(Hit peer, long now) {
        Association a = engine.associations.get(peer);
        if (a != null && a.state != DexState.CLOSED && a.state != DexState.E_FAILED) {
            return List.of();
        }
        if (a != null) {
            engine.forget(a);
        }
        a = new Association(peer);
        a.initiator = true;
        a.state = DexState.I1_SENT;
        a.lastActivity = now;
        engine.associations.put(peer, a);
        byte[] i1 = HipPacket.builder(HipConstants.I1, engine.localHit(), peer)
                .add(DhGroupList.of(engine.identity.hostIdentity().group())).build().encode();
        DexConfig c = engine.config;
        a.retransmission = new Retransmission(i1, now, c.rtoMillis(), c.rtoMaxMillis(), c.i1RetriesMax());
        return List.of(new DexEvent.Send(peer, i1));
    }

    List<DexEvent> onR1(HipPacket r1, long now) {
        Association a = engine.associations.get(r1.senderHit());
        if (a == null || (a.state != DexState.I1_SENT && a.state != DexState.I2_SENT)) {
            return engine.drop(DropReason.UNEXPECTED);
        }
        Optional<R1Counter> counter = r1.find(R1Counter.class);
        Optional<Puzzle> puzzle = r1.find(Puzzle.class);
        Optional<HostId> hostId = r1.find(HostId.class);
        if (counter.isEmpty() || puzzle.isEmpty() || hostId.isEmpty()) {
            return engine.drop(DropReason.BAD_PARAMETERS);
        }
        // R1 is unauthenticated: no R1_COUNTER locks the exchange; each distinct R1 gets its own attempt (§6.23)
        long generation = counter.get().counter();
        byte[] puzzleI = puzzle.get().i();
        if (a.attempts.stream().anyMatch(x -> x.answers(generation, puzzleI))
                || a.solving.stream().anyMatch(x -> x.answers(generation, puzzleI))) {
            return engine.drop(DropReason.UNEXPECTED); // a duplicate of an R1 already answered or being solved
        }
        if (a.attempts.size() + a.solving.size() >= I2Attempt.MAX_ATTEMPTS) {
            engine.count("r1.attempts-full");
            return engine.drop(DropReason.UNEXPECTED);
        }
        HostIdentity hi = hostId.get().hostIdentity();
        if (!hi.hit().equals(r1.senderHit())) {
            return engine.drop(DropReason.HIT_MISMATCH);
        }
        if (!ResponderSteps.listedOrLearnable(engine, hi, r1.senderHit())) {
            return engine.drop(DropReason.UNTRUSTED_HI);
        }
        Selection selection = select(r1, hi);
        if (selection == null) {
            a.lastPeerError = "no acceptable proposal in R1";
            return engine.drop(DropReason.NO_ACCEPTABLE_PROPOSAL);
        }
        Puzzle p = puzzle.get();
        if (p.k() > engine.config.initiatorMaxPuzzleK()) {
            a.lastPeerError = "puzzle #K " + p.k() + " too hard";
            return engine.drop(DropReason.PUZZLE_TOO_HARD);
        }
        byte[] kij;
        try {
            kij = engine.agree(hi);
        } catch (InvalidKeyException e) {
            return engine.drop(DropReason.INVALID_PUBLIC_KEY);
        }
        byte[] seed = new byte[HipConstants.RHASH_LENGTH];
        engine.random.nextBytes(seed);
        Hit me = engine.localHit();
        if (p.k() > INLINE_MAX_K) { // a real search: off the engine thread, within a time budget (§6.24)
            PuzzleJob job = new PuzzleJob(me, r1.senderHit(), r1, hi, selection, p, generation, kij, seed,
                    engine.config.puzzleSolveBudgetMillis());
            a.solving.add(job);
            engine.count("puzzle.offloaded");
            return List.of(new DexEvent.Solve(job));
        }
        byte[] j = Puzzles.solve(p.i(), me, r1.senderHit(), p.k(), seed, 1L << Math.min(62, p.k() + 6));
        if (j == null) {
            Bytes.wipe(kij);
            return engine.drop(DropReason.PUZZLE_TOO_HARD);
        }
        return sendI2(a, r1, hi, selection, p, j, kij, now);
    }

    /** The caller's answer to a {@link DexEvent.Solve}: the I2, or a counted drop. */
    List<DexEvent> puzzleSolved(PuzzleJob job, byte[] j, long now) {
        Association a = engine.associations.get(job.peer);
        if (a == null || !a.solving.remove(job)) {
            job.wipe();
            engine.count("puzzle.stale"); // the exchange ended meanwhile
            return List.of();
        }
        if (j == null || j.length != HipConstants.RHASH_LENGTH
                || !Puzzles.solves(job.puzzle.i(), engine.localHit(), job.peer, j, job.puzzle.k())) {
            job.wipe();
            a.lastPeerError = "puzzle #K " + job.puzzle.k() + " not solved within the budget";
            return engine.drop(DropReason.PUZZLE_TOO_HARD);
        }
        if (a.state != DexState.I1_SENT && a.state != DexState.I2_SENT) {
            job.wipe();
            return engine.drop(DropReason.UNEXPECTED);
        }
        byte[] kij = job.kij;
        job.kij = null; // the attempt owns it now
        return sendI2(a, job.r1, job.hi, job.selection, job.puzzle, j.clone(), kij, now);
    }

    private List<DexEvent> sendI2(Association a, HipPacket r1, HostIdentity hi, Selection s, Puzzle p, byte[] j,
                                  byte[] kij, long now) {
        Hit me = engine.localHit();
        a.peerHi = hi;
        long generation = r1.find(R1Counter.class).orElseThrow().counter();
        byte[] iNonce = randomBytes(HipConstants.I_NONCE_LENGTH);
        byte[] localRandom = randomBytes(HipConstants.ENCRYPTED_KEY_SENT);
        MasterKeys master = MasterKeys.derive(kij, iNonce, p.i(), me, a.peer);
        I2Attempt x = new I2Attempt(generation, p.i(), j, iNonce, Offer.checkedContents(r1), master,
                engine.allocateSpi(), s.suite, s.format, s.compression, localRandom, kij);
        byte[] encrypted = master.outgoingCipher(HipCipherStream.ivFor(x.puzzleI, j)).apply(localRandom);
        DexConfig c = engine.config;
        HipPacket.Builder b = HipPacket.builder(HipConstants.I2, me, a.peer)
                .add(SseInfo.of(0, 0, x.inboundSpi))
                .add(new SslsInfo(c.maxChunkSize(), c.maxFragmentSize()))
                .add(R1Counter.of(generation))
                .add(Solution.answering(p, j))
                .add(HipCipher.of(HipConstants.HIP_CIPHER_AES_128_CTR))
                .add(new EncryptedKey(encrypted))
                .add(new INonce(iNonce))
                .add(HostId.of(engine.identity.hostIdentity()))
                .add(TransportFormatList.of(HipConstants.TF_SSE))
                .add(SseTransform.of(s.suite.id()))
                .add(SseFormatList.of(s.format.id()));
        if (s.compression) {
            b.add(GpcompInfo.of(s.cpi, HipConstants.GPCOMP_DEFLATE));
        }
        x.i2 = HipMacs.sign(b, master);
        a.attempts.add(x);
        a.state = DexState.I2_SENT;
        a.i2AckHonoured = false;
        a.retransmission = new Retransmission(x.i2, now, c.rtoMillis(), c.rtoMaxMillis(), c.i2RetriesMax());
        return List.of(new DexEvent.Send(a.peer, x.i2));
    }

    List<DexEvent> onR2(byte[] bytes, HipPacket r2, long now) {
        Association a = engine.associations.get(r2.senderHit());
        if (a == null || a.state != DexState.I2_SENT) {
            return engine.drop(DropReason.UNEXPECTED);
        }
        // the echoed I_NONCE names the attempt; it is public, so only HIP_MAC proves the R2
        byte[] echoed = r2.find(INonce.class).map(INonce::nonce).orElse(new byte[0]);
        I2Attempt x = a.attempts.stream().filter(t -> Arrays.equals(t.iNonce, echoed)).findFirst().orElse(null);
        if (x == null) {
            return engine.drop(DropReason.UNEXPECTED);
        }
        if (!HipMacs.verify(bytes, r2, x.master)) {
            return engine.drop(DropReason.BAD_HIP_MAC);
        }
        a.master = x.master; // this attempt is the exchange now: fail() and forget() wipe it with the others
        List<DexEvent> out = new ArrayList<>();
        if (engine.identity.authorize(a.peerHi, a.peer).isEmpty()) { // trust-on-first-use records only now
            engine.drop(DropReason.UNTRUSTED_HI);
            engine.fail(a, "peer Host Identity not trusted", now, out);
            return out;
        }
        if (!Offer.sameOffer(x.r1Offer, Offer.checkedContents(r2))) {
            engine.drop(DropReason.DOWNGRADE);
            engine.fail(a, "R2 does not repeat the R1 offer: downgrade attempt", now, out);
            return out;
        }
        Optional<INonce> nonce = r2.find(INonce.class);
        Optional<SseInfo> info = r2.find(SseInfo.class);
        Optional<EncryptedKey> encrypted = r2.find(EncryptedKey.class);
        SslsInfo agreed = r2.find(SslsInfo.class).orElse(new SslsInfo(0, 0));
        DexConfig c = engine.config;
        if (nonce.isEmpty() || !Arrays.equals(nonce.get().nonce(), x.iNonce) || info.isEmpty()
                || info.get().keymatIndex() != 0 || info.get().oldSpi() != 0 || !DexEngine.validSpi(info.get().newSpi())
                || encrypted.isEmpty() || !validRandomLength(encrypted.get().length())
                || !withinMaximum(agreed.chunkSize(), c.maxChunkSize())
                || !withinMaximum(agreed.fragmentSize(), c.maxFragmentSize())) {
            engine.drop(DropReason.BAD_PARAMETERS);
            engine.fail(a, "R2 parameters violate the profile", now, out);
            return out;
        }
        byte[] iv = HipCipherStream.ivFor(x.puzzleI, x.puzzleJ);
        byte[] peerRandom = x.master.incomingCipher(iv).apply(encrypted.get().ciphertext());
        a.keymat = Keymat.derive(x.kij, x.iNonce, x.puzzleI, engine.localHit(), a.peer, x.localRandom, peerRandom);
        Bytes.wipe(peerRandom);
        SecurityAssociation[] sas = a.keymat.draw(x.suite, 0, (int) info.get().newSpi(), x.inboundSpi);
        a.session = SecureSession.builder()
                .peers(engine.localHit(), a.peer, true)
                .services(x.format, x.compression, agreed.chunkSize(), agreed.fragmentSize())
                .associations(sas[0], sas[1])
                .generation(engine.nextGeneration())
                .build();
        a.keymatIndex = 0;
        a.clearPending().forEach(engine::releaseSpi); // the other attempts' keys are wiped, their SPIs freed
        a.state = DexState.ESTABLISHED;
        a.lastActivity = now;
        a.nextUpdateId = 0;
        out.add(new DexEvent.Established(a.session));
        return out;
    }

    /** The initiator's choices from an R1 (decisions §6.11), or null if nothing acceptable is offered. */
    private Selection select(HipPacket r1, HostIdentity hi) {
        int group = engine.identity.hostIdentity().group();
        Optional<DhGroupList> groups = r1.find(DhGroupList.class);
        if (groups.isEmpty() || groups.get().ids().length == 0 || groups.get().ids()[0] != hi.group()
                || hi.group() != group) {
            return null;
        }
        if (!r1.find(HitSuiteList.class).map(l -> l.offers(HipConstants.HIT_SUITE_ID_DEX)).orElse(false)
                || !r1.find(HipCipher.class).map(l -> l.offers(HipConstants.HIP_CIPHER_AES_128_CTR)).orElse(false)
                || !r1.find(TransportFormatList.class).map(l -> l.offers(HipConstants.TF_SSE)).orElse(false)) {
            return null;
        }
        DexConfig c = engine.config;
        SseSuite suite = null;
        for (int id : r1.find(SseTransform.class).map(SseTransform::ids).orElse(new int[0])) {
            Optional<SseSuite> candidate = SseSuite.fromId(id);
            if (candidate.isPresent() && c.suites().contains(candidate.get())
                    && (candidate.get().confidential() || c.allowIntegrityOnly())) {
                suite = candidate.get();
                break;
            }
        }
        SseFormat format = null;
        int[] formatIds = r1.find(SseFormatList.class).map(SseFormatList::ids)
                .orElse(new int[] {HipConstants.SSE_FORMAT_COMPACT});
        for (int id : formatIds) {
            Optional<SseFormat> candidate = SseFormat.fromId(id);
            if (candidate.isPresent() && c.formats().contains(candidate.get())) {
                format = candidate.get();
                break;
            }
        }
        if (suite == null || format == null) {
            return null;
        }
        Optional<GpcompInfo> comp = r1.find(GpcompInfo.class);
        boolean compression = c.compression() && comp.map(g -> g.offers(HipConstants.GPCOMP_DEFLATE)).orElse(false);
        return new Selection(suite, format, compression, comp.map(GpcompInfo::cpi).orElse(0));
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        engine.random.nextBytes(b);
        return b;
    }

    static boolean validRandomLength(int n) {
        return n >= HipConstants.ENCRYPTED_KEY_MIN && n <= HipConstants.ENCRYPTED_KEY_MAX;
    }

    /** An agreed SSLS value is acceptable if it is 0, or not above our maximum when we have one. */
    private static boolean withinMaximum(int agreed, int ourMaximum) {
        return agreed == 0 || (ourMaximum != 0 && agreed <= ourMaximum);
    }

    static final class Selection {
        final SseSuite suite;
        final SseFormat format;
        final boolean compression;
        final int cpi;

        Selection(SseSuite suite, SseFormat format, boolean compression, int cpi) {
            this.suite = suite;
            this.format = format;
            this.compression = compression;
            this.cpi = cpi;
        }
    }

}
