package org.sslskura.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.sslskura.api.TrustPolicy;
import org.sslskura.api.TrustedPeer;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.crypto.Xdh;
import org.sslskura.identity.FileIdentityStore;
import org.sslskura.keyexchange.dex.DexConfig;
import org.sslskura.keyexchange.dex.DexEngine;
import org.sslskura.keyexchange.dex.DexEvent;

/**
 * CPU per side of one HIP DEX base exchange, next to one X25519 operation in the same run. Each benchmark measures one
 * side's work on one packet; the packets before it are produced in the per-invocation setup (not measured).
 * Initiator total = connect (I1) + R1 -> I2 + R2; responder total = I1 -> R1 + I2 -> R2.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class HandshakeBenchmark {
    private static final DexConfig CONFIG = DexConfig.builder().build();
    private FileIdentityStore initiatorId;
    private FileIdentityStore responderId;
    private Path dir;
    private DexEngine initiator;
    private DexEngine responder;
    private byte[] i1;
    private byte[] r1;
    private byte[] i2;
    private byte[] privateKey;
    private byte[] peerPublic;
    private long now = 1_700_000_000_000L;

    /** Two identities that trust each other, kept for the whole trial. */
    @Setup(Level.Trial)
    public void identities() throws IOException {
        if (initiatorId != null) {
            return;
        }
        dir = Files.createTempDirectory("ssls-bench");
        initiatorId = FileIdentityStore.open(dir.resolve("i"), EcdhCurve.X25519, TrustPolicy.ALLOWLIST, List.of(),
                new SecureRandom());
        responderId = FileIdentityStore.open(dir.resolve("r"), EcdhCurve.X25519, TrustPolicy.ALLOWLIST, List.of(),
                new SecureRandom());
        initiatorId.setConfiguredPeers(List.of(new TrustedPeer("r", responderId.hostIdentity())));
        responderId.setConfiguredPeers(List.of(new TrustedPeer("i", initiatorId.hostIdentity())));
        privateKey = Xdh.generatePrivateKey(EcdhCurve.X25519, new SecureRandom());
        peerPublic = responderId.hostIdentity().publicKey();
    }

    /** Fresh engines and the packets of one exchange, so each measured step runs on new state. */
    @Setup(Level.Invocation)
    public void exchange() {
        now += 10;
        initiator = new DexEngine(initiatorId, CONFIG, new SecureRandom(), now);
        responder = new DexEngine(responderId, CONFIG, new SecureRandom(), now);
        i1 = packet(initiator.connect(responderId.hit(), now));
        r1 = packet(responder.receive(i1, now));
        i2 = packet(initiator.receive(r1, now));
        // rewind the initiator for the steps measured from its start; the responder kept no state for this I2 and
        // keeps its puzzle secret, so it can verify the I2 in responderI2
        initiator = new DexEngine(initiatorId, CONFIG, new SecureRandom(), now);
    }

    /** Checks once that every measured step does the real work (a packet out, not a drop). */
    @Setup(Level.Trial)
    public void selfCheck() throws IOException {
        if (initiatorId == null) {
            identities();
        }
        exchange();
        packet(responderI1());
        packet(responderI2());
        exchange();
        packet(initiatorI1AndR1());
        AfterI2 s = new AfterI2();
        s.prepare(this);
        if (!(initiatorR2(s).get(0) instanceof DexEvent.Established)) {
            throw new IllegalStateException("R2 not accepted");
        }
    }

    /** Responder: I1 in, R1 out (stateless: one CMAC for #I and the encoding). */
    @Benchmark
    public List<DexEvent> responderI1() {
        return responder.receive(i1, now);
    }

    /** Initiator: connect (I1), then R1 in, I2 out (puzzle #K = 0, ECDH, CKDF, CTR, CMAC). */
    @Benchmark
    public List<DexEvent> initiatorI1AndR1() {
        initiator.connect(responderId.hit(), now);
        return initiator.receive(r1, now);
    }

    /** Responder: I2 in, R2 out (puzzle check, ECDH, CKDF, CTR, two CMACs, KEYMAT). */
    @Benchmark
    public List<DexEvent> responderI2() {
        return responder.receive(i2, now);
    }

    /** Initiator: R2 in (HIP_MAC, downgrade check, CTR, KEYMAT, SA draw); the engine is in I2-SENT. */
    @Benchmark
    public List<DexEvent> initiatorR2(AfterI2 state) {
        return state.initiator.receive(state.r2, state.now);
    }

    /** One X25519 shared-secret computation, for comparison. */
    @Benchmark
    public byte[] x25519() throws java.security.InvalidKeyException {
        return Xdh.agree(EcdhCurve.X25519, privateKey, peerPublic);
    }

    /** Removes the identities. */
    @TearDown(Level.Trial)
    public void cleanup() throws IOException {
        initiatorId.close();
        responderId.close();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** An initiator in I2-SENT and the R2 answering its I2. */
    @State(Scope.Thread)
    public static class AfterI2 {
        DexEngine initiator;
        byte[] r2;
        long now = 1_700_000_000_000L;

        /** Runs an exchange up to the R2, fresh for every invocation. */
        @Setup(Level.Invocation)
        public void prepare(HandshakeBenchmark b) {
            now += 10;
            initiator = new DexEngine(b.initiatorId, CONFIG, new SecureRandom(), now);
            DexEngine responder = new DexEngine(b.responderId, CONFIG, new SecureRandom(), now);
            byte[] i1 = packet(initiator.connect(b.responderId.hit(), now));
            byte[] r1 = packet(responder.receive(i1, now));
            byte[] i2 = packet(initiator.receive(r1, now));
            r2 = packet(responder.receive(i2, now));
        }
    }

    private static byte[] packet(List<DexEvent> events) {
        for (DexEvent e : events) {
            if (e instanceof DexEvent.Send s) {
                return s.packet();
            }
        }
        throw new IllegalStateException("no packet: " + events);
    }
}
