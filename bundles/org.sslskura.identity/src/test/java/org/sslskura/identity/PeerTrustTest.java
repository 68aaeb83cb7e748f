package org.sslskura.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sslskura.api.TrustPolicy;
import org.sslskura.api.TrustedPeer;
import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.wire.ByteReader;
import org.sslskura.wire.hip.HostIdentity;
import org.sslskura.wire.hip.Hit;

class PeerTrustTest {
    @TempDir
    Path tmp;

    private final HostIdentity alice = TestStores.randomPeer(EcdhCurve.X25519);
    private final HostIdentity bob = TestStores.randomPeer(EcdhCurve.X25519);

    @Test
    void allowlist_acceptsConfiguredAndFilePeers_refusesOthers() throws Exception {
        Files.writeString(tmp.resolve("peers"), "# collectors\n\tbob  X25519\t" + hex(bob) + "  \n\n");
        try (FileIdentityStore store = TestStores.open(tmp, EcdhCurve.X25519, TrustPolicy.ALLOWLIST,
                List.of(FileIdentityStore.parsePeerEntry("alice=" + hex(alice))))) {
            assertEquals(TrustPolicy.ALLOWLIST, store.trustPolicy());
            Optional<TrustedPeer> a = store.authorize(alice, alice.hit());
            assertEquals("alice", a.orElseThrow().name());
            assertEquals(alice, a.get().hostIdentity());
            assertEquals("bob", store.authorize(bob, bob.hit()).orElseThrow().name());
            HostIdentity mallory = TestStores.randomPeer(EcdhCurve.X25519);
            assertTrue(store.authorize(mallory, mallory.hit()).isEmpty());
            assertFalse(Files.exists(tmp.resolve("learned-peers")));
            assertEquals(2, store.trustedPeers().size());
            assertEquals("bob", store.peer(bob.hit()).orElseThrow().name());
            assertEquals(alice, store.peer("alice").orElseThrow().hostIdentity());
        }
    }

    @Test
    void allowlist_isTheDefaultOfTheComponentOptions() {
        assertEquals(TrustPolicy.ALLOWLIST, IdentityStoreOptions.from(TestStores.config(java.util.Map.of(
                "identity.directory", tmp.toString()))).policy());
    }

    @Test
    void claimedHitMustBeTheFoldOfTheHi() throws Exception {
        try (FileIdentityStore store = TestStores.open(tmp, EcdhCurve.X25519, TrustPolicy.TRUST_ON_FIRST_USE,
                List.of(new TrustedPeer("alice", alice)))) {
            assertTrue(store.authorize(alice, bob.hit()).isEmpty(), "listed HI under another HIT");
            assertTrue(store.authorize(bob, alice.hit()).isEmpty(), "unknown HI claiming a listed HIT");
            byte[] flipped = alice.hit().bytes();
            flipped[15] ^= 1;
            assertTrue(store.authorize(alice, Hit.of(flipped)).isEmpty());
            assertTrue(store.learnedPeers().isEmpty(), "nothing learned from a mismatch");
            assertTrue(store.authorize(alice, alice.hit()).isPresent());
        }
    }

    @Test
    void legacyCurveLabel_sameKeyIsTheSamePeer() throws Exception {
        byte[] field = new byte[34];
        field[1] = 5; // DEX-24 table label of Curve25519, a synonym of 12 (G4)
        System.arraycopy(alice.publicKey(), 0, field, 2, 32);
        HostIdentity alice5 = HostIdentity.decode(ByteReader.of(field, 0, field.length));
        try (FileIdentityStore store = TestStores.open(tmp, EcdhCurve.X25519, TrustPolicy.ALLOWLIST,
                List.of(new TrustedPeer("alice", alice)))) {
            TrustedPeer p = store.authorize(alice5, alice5.hit()).orElseThrow();
            assertEquals("alice", p.name());
            assertEquals(alice5.hit(), p.hit(), "the HIT folds the HI as received");
            assertTrue(store.authorize(alice5, alice.hit()).isEmpty());
        }
    }

    @Test
    void otherCurvePeer_isRefusedEvenIfListedOrUnderTofu() throws Exception {
        HostIdentity x448 = TestStores.randomPeer(EcdhCurve.X448);
        try (FileIdentityStore store = TestStores.open(tmp, EcdhCurve.X25519, TrustPolicy.TRUST_ON_FIRST_USE,
                List.of(new TrustedPeer("big", x448)))) {
            assertTrue(store.authorize(x448, x448.hit()).isEmpty());
            assertTrue(store.learnedPeers().isEmpty());
        }
    }

    @Test
    void smallOrderPeer_isRefusedByAuthorizeAndAgree() throws Exception {
        HostIdentity zero = HostIdentity.of(12, new byte[32]);
        try (FileIdentityStore store = TestStores.open(tmp, EcdhCurve.X25519, TrustPolicy.TRUST_ON_FIRST_USE,
                List.of())) {
            assertTrue(store.authorize(zero, zero.hit()).isEmpty());
            assertThrows(java.security.InvalidKeyException.class, () -> store.agree(zero));
            assertTrue(store.learnedPeers().isEmpty());
        }
        assertThrows(IllegalArgumentException.class, () -> FileIdentityStore.parsePeerEntry(Bytes.toHex(new byte[32])));
    }

    @Test
    void tofu_recordsAndPersistsTheLearnedPeer() throws Exception {
        try (FileIdentityStore store = TestStores.open(tmp, EcdhCurve.X25519, TrustPolicy.TRUST_ON_FIRST_USE,
                List.of())) {
            TrustedPeer p = store.authorize(alice, alice.hit()).orElseThrow();
            assertEquals("", p.name());
            assertEquals(List.of(p), store.learnedPeers());
            assertTrue(store.authorize(alice, alice.hit()).isPresent(), "known now");
            assertEquals(1, store.learnedPeers().size(), "recorded once");
        }
        String learned = Files.readString(tmp.resolve("learned-peers"));
        assertTrue(learned.contains("\n- X25519 " + hex(alice) + "\n"), learned);
        try (FileIdentityStore store = TestStores.open(tmp, EcdhCurve.X25519, TrustPolicy.TRUST_ON_FIRST_USE,
                List.of())) {
            assertEquals(List.of(new TrustedPeer("", alice)), store.learnedPeers());
            assertTrue(store.trustedPeers().contains(new TrustedPeer("", alice)));
            assertTrue(store.authorize(alice, alice.hit()).isPresent());
        }
        try (FileIdentityStore store = TestStores.open(tmp)) {
            assertTrue(store.authorize(alice, alice.hit()).isEmpty(), "learned peers count only under TOFU");
            assertFalse(store.trustedPeers().contains(new TrustedPeer("", alice)));
        }
    }

    @Test
    void tofu_refusesAnHiWhoseHitIsNotItsFold_andRecordsNothing() throws Exception {
        // A FOLD collision (another HI with a recorded HIT) cannot be constructed; the binding check that protects
        // the recorded HIT -> HI mapping is the recomputation of the HIT from the HI.
        try (FileIdentityStore store = TestStores.open(tmp, EcdhCurve.X25519, TrustPolicy.TRUST_ON_FIRST_USE,
                List.of())) {
            assertTrue(store.authorize(alice, alice.hit()).isPresent());
            assertTrue(store.authorize(bob, alice.hit()).isEmpty(), "a different HI under alice's HIT");
            assertEquals(1, store.learnedPeers().size());
        }
    }

    @Test
    void learnedPeersFile_withAMalformedLine_failsOpenAndIsUntouched() throws Exception {
        byte[] bad = ("- X25519 " + hex(alice) + "\n- X25519 " + hex(alice).substring(2) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
        Files.write(tmp.resolve("learned-peers"), bad);
        IdentityException e = assertThrows(IdentityException.class, () -> TestStores.open(tmp));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertArrayEquals(bad, Files.readAllBytes(tmp.resolve("learned-peers")));
        assertFalse(Files.exists(tmp.resolve(FileIdentityStore.KEY_FILE)), "no identity generated");
    }

    @Test
    void peersFile_errors() throws Exception {
        String[] bad = {"alice X25519", "alice P-256 " + hex(alice), "al ice X25519 " + hex(alice),
                "alice X448 " + hex(alice), "alice X25519 " + hex(alice) + "\nalice X25519 " + hex(bob),
                "a X25519 " + hex(alice) + "\nb X25519 " + hex(alice), "\u00e9 X25519 " + hex(alice),
                "x".repeat(65) + " X25519 " + hex(alice)};
        for (String content : bad) {
            Files.writeString(tmp.resolve("peers"), content, StandardCharsets.ISO_8859_1);
            assertThrows(IdentityException.class, () -> TestStores.open(tmp), content);
        }
    }

    @Test
    void configEntries() {
        TrustedPeer named = FileIdentityStore.parsePeerEntry(" gw-1.site@a=" + hex(alice) + " ");
        assertEquals("gw-1.site@a", named.name());
        assertEquals(alice, named.hostIdentity());
        TrustedPeer bare = FileIdentityStore.parsePeerEntry(hex(alice).toUpperCase());
        assertEquals("", bare.name());
        HostIdentity big = TestStores.randomPeer(EcdhCurve.X448);
        assertEquals(13, FileIdentityStore.parsePeerEntry("big=" + hex(big)).hostIdentity().group());
        for (String s : new String[] {"", "=", "a=", "a=" + hex(alice).substring(1), "a b=" + hex(alice),
                "a=" + hex(alice) + "00", "a=0x" + hex(alice), "a=" + hex(alice).replace('0', 'g')}) {
            assertThrows(IllegalArgumentException.class, () -> FileIdentityStore.parsePeerEntry(s), s);
        }
        assertThrows(IllegalArgumentException.class, () -> IdentityStoreOptions.from(TestStores.config(java.util.Map.of(
                "trusted.peers", new String[] {"a=" + hex(alice), "a=" + hex(bob)}))));
    }

    @Test
    void addListAndRemovePeers() throws Exception {
        Files.writeString(tmp.resolve("peers"), "# mine\nbob X25519 " + hex(bob)); // no final newline
        try (FileIdentityStore store = TestStores.open(tmp)) {
            TrustedPeer added = store.addPeer("alice", alice);
            assertEquals(new TrustedPeer("alice", alice), added);
            assertEquals(List.of(new TrustedPeer("bob", bob), added), store.filePeers());
            assertTrue(store.authorize(alice, alice.hit()).isPresent());
            assertThrows(IllegalArgumentException.class, () -> store.addPeer("alice", bob), "name taken");
            assertThrows(IllegalArgumentException.class, () -> store.addPeer("alice2", alice), "key listed");
            assertThrows(IllegalArgumentException.class, () -> store.addPeer("bad name", TestStores.randomPeer(
                    EcdhCurve.X25519)));
            assertEquals("# mine\nbob X25519 " + hex(bob) + "\nalice X25519 " + hex(alice) + "\n",
                    Files.readString(tmp.resolve("peers")));
            assertTrue(store.removePeer("bob"));
            assertFalse(store.removePeer("bob"));
            assertEquals(List.of(added), store.filePeers());
            assertTrue(store.authorize(bob, bob.hit()).isEmpty());
        }
        try (FileIdentityStore store = TestStores.open(tmp)) {
            assertEquals(List.of(new TrustedPeer("alice", alice)), store.filePeers());
        }
    }

    @Test
    void peersFile_isReloadedWhenItChanges_andABrokenFileTrustsNobody() throws Exception {
        Path peers = tmp.resolve("peers");
        try (FileIdentityStore store = TestStores.open(tmp)) {
            assertTrue(store.authorize(alice, alice.hit()).isEmpty());
            Files.writeString(peers, "alice X25519 " + hex(alice) + "\n");
            assertTrue(store.authorize(alice, alice.hit()).isPresent(), "added by another process (ssls peers add)");
            Files.writeString(peers, "alice X25519 " + hex(alice) + "\nbroken\n");
            Files.setLastModifiedTime(peers, FileTime.fromMillis(System.currentTimeMillis() + 5000));
            assertTrue(store.authorize(alice, alice.hit()).isEmpty(), "fail closed");
            Files.delete(peers);
            assertTrue(store.filePeers().isEmpty());
        }
    }

    @Test
    void setPolicyAndConfiguredPeers_applyLive() throws Exception {
        try (FileIdentityStore store = TestStores.open(tmp)) {
            assertTrue(store.authorize(alice, alice.hit()).isEmpty());
            store.setConfiguredPeers(List.of(new TrustedPeer("alice", alice)));
            assertTrue(store.authorize(alice, alice.hit()).isPresent());
            assertThrows(IllegalArgumentException.class, () -> store.setConfiguredPeers(List.of(
                    new TrustedPeer("x", bob), new TrustedPeer("x", TestStores.randomPeer(EcdhCurve.X25519)))));
            assertEquals(1, store.configuredPeers().size(), "unchanged after a refused list");
            store.setTrustPolicy(TrustPolicy.TRUST_ON_FIRST_USE);
            assertTrue(store.authorize(bob, bob.hit()).isPresent());
            store.setTrustPolicy(TrustPolicy.ALLOWLIST);
            assertTrue(store.authorize(bob, bob.hit()).isEmpty());
        }
    }

    private static String hex(HostIdentity hi) {
        return Bytes.toHex(hi.publicKey());
    }
}
