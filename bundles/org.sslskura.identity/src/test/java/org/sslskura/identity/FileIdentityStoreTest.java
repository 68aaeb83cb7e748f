package org.sslskura.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sslskura.api.TrustPolicy;
import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.wire.hip.HostIdentity;
import org.sslskura.wire.hip.Hit;

class FileIdentityStoreTest {
    @TempDir
    Path tmp;

    @Test
    void firstOpen_generatesOwnerOnlyKeyInOwnerOnlyDirectory() throws Exception {
        Path dir = tmp.resolve("a/b/identity");
        try (FileIdentityStore store = TestStores.open(dir)) {
            Path key = dir.resolve(FileIdentityStore.KEY_FILE);
            assertTrue(Files.isRegularFile(key));
            String text = Files.readString(key, StandardCharsets.US_ASCII);
            assertTrue(text.contains("\nssls-identity 1\ncurve X25519\nprivate "), text.replaceAll("private \\S+", ""));
            assertEquals(EcdhCurve.X25519, store.curve());
            assertEquals(12, store.hostIdentity().curveLabel());
            assumeTrue(SecureFiles.isPosix(dir));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
        }
    }

    @Test
    void secondOpen_loadsTheSameIdentity() throws Exception {
        HostIdentity first;
        Hit hit;
        try (FileIdentityStore store = TestStores.open(tmp)) {
            first = store.hostIdentity();
            hit = store.hit();
        }
        byte[] keyFile = Files.readAllBytes(tmp.resolve(FileIdentityStore.KEY_FILE));
        try (FileIdentityStore store = TestStores.open(tmp, EcdhCurve.X448, TrustPolicy.ALLOWLIST, List.of())) {
            assertEquals(first, store.hostIdentity());
            assertEquals(hit, store.hit());
            assertEquals(EcdhCurve.X25519, store.curve(), "an existing key keeps its curve");
        }
        assertArrayEquals(keyFile, Files.readAllBytes(tmp.resolve(FileIdentityStore.KEY_FILE)));
    }

    @Test
    void hitForms() throws Exception {
        try (FileIdentityStore store = TestStores.open(tmp)) {
            String hex = store.hit().toHex();
            assertTrue(hex.matches("[0-9a-f]{32}"), hex);
            assertTrue(hex.startsWith("20010024"), "ORCHIDv2 prefix and HIT suite 4: " + hex);
            assertTrue(store.hit().toIpv6().startsWith("2001:24:"), store.hit().toIpv6());
            assertEquals(Hit.fromHostIdentity(store.hostIdentity().encode()), store.hit());
        }
    }

    @Test
    void publicFile_isRegeneratedFromThePrivateKey() throws Exception {
        Path pub = tmp.resolve(FileIdentityStore.PUBLIC_FILE);
        Hit hit;
        try (FileIdentityStore store = TestStores.open(tmp)) {
            hit = store.hit();
        }
        Files.writeString(pub, "ssls-identity-public 1\ncurve X448\npublic 00\nhit 00\n");
        try (FileIdentityStore store = TestStores.open(tmp)) {
            String text = Files.readString(pub);
            assertTrue(text.contains("\nhit " + hit.toHex() + "\n"), text);
            assertTrue(text.contains("\nhit-ipv6 " + hit.toIpv6() + "\n"), text);
            assertTrue(text.contains("\npublic " + Bytes.toHex(store.hostIdentity().publicKey()) + "\n"), text);
            assertFalse(text.contains("private"));
        }
    }

    @Test
    void ecdh_agreesBothWays() throws Exception {
        try (FileIdentityStore a = TestStores.open(tmp.resolve("a"));
                FileIdentityStore b = TestStores.open(tmp.resolve("b"))) {
            byte[] ab = a.agree(b.hostIdentity());
            byte[] ba = b.agree(a.hostIdentity());
            assertEquals(32, ab.length);
            assertArrayEquals(ab, ba);
        }
    }

    @Test
    void x448_storeGeneratesLoadsAndAgrees() throws Exception {
        HostIdentity hi;
        try (FileIdentityStore a = TestStores.open(tmp.resolve("a"), EcdhCurve.X448, TrustPolicy.ALLOWLIST, List.of());
                FileIdentityStore b = TestStores.open(tmp.resolve("b"), EcdhCurve.X448, TrustPolicy.ALLOWLIST,
                        List.of())) {
            hi = a.hostIdentity();
            assertEquals(13, hi.curveLabel());
            assertEquals(56, hi.publicKey().length);
            assertArrayEquals(a.agree(b.hostIdentity()), b.agree(a.hostIdentity()));
            assertEquals(56, a.agree(b.hostIdentity()).length);
        }
        try (FileIdentityStore again = TestStores.open(tmp.resolve("a"))) {
            assertEquals(hi, again.hostIdentity());
            assertEquals(EcdhCurve.X448, again.curve());
        }
    }

    @Test
    void agree_refusesSmallOrderOtherCurveAndWrongLabelledKeys() throws Exception {
        try (FileIdentityStore store = TestStores.open(tmp)) {
            assertThrows(InvalidKeyException.class, () -> store.agree(HostIdentity.of(12, new byte[32])));
            byte[] one = new byte[32];
            one[0] = 1;
            assertThrows(InvalidKeyException.class, () -> store.agree(HostIdentity.of(12, one)));
            byte[] order8 = Bytes.fromHex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800");
            assertThrows(InvalidKeyException.class, () -> store.agree(HostIdentity.of(12, order8)));
            assertThrows(InvalidKeyException.class, () -> store.agree(TestStores.randomPeer(EcdhCurve.X448)));
        }
    }

    static Stream<String> corruptions() {
        String good = "ssls-identity 1\ncurve X25519\nprivate " + "11".repeat(32) + "\n";
        return Stream.of("", "\n\n# only comments\n", "ssls-identity 1\ncurve X25519\n",
                good.substring(0, good.length() / 2), "ssls-identity 2\ncurve X25519\nprivate " + "11".repeat(32),
                "openssh-key-v1\n" + good, good.replace("X25519", "P-256"),
                good.replace("private 11", "private zz"), good.replace("11".repeat(32), "11".repeat(31)),
                good.replace("11".repeat(32), "11".repeat(33)), good + "private " + "22".repeat(32) + "\n",
                good + "public " + "00".repeat(32) + "\n", good + "colour blue\n", good.replace("\ncurve", "\ncurve "),
                "\u0000\u00ff\u0013garbage\u0001", good.replace("X25519", "X448"),
                good.replace("ssls-identity 1\n", "") + "ssls-identity 1\n", "x".repeat(KeyFile.MAX_SIZE + 1));
    }

    @ParameterizedTest
    @MethodSource("corruptions")
    void invalidKeyFile_failsAndIsLeftUntouched(String content) throws Exception {
        Path key = tmp.resolve(FileIdentityStore.KEY_FILE);
        byte[] bytes = content.getBytes(StandardCharsets.ISO_8859_1);
        Files.write(key, bytes);
        IdentityException e = assertThrows(IdentityException.class, () -> TestStores.open(tmp));
        assertTrue(e.getMessage().contains(key.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("11111111"), "no key material in messages");
        assertArrayEquals(bytes, Files.readAllBytes(key));
        assertFalse(Files.exists(tmp.resolve(FileIdentityStore.PUBLIC_FILE)));
        assertFalse(Files.exists(tmp.resolve(FileIdentityStore.ARCHIVE_DIR)));
    }

    @Test
    void keyFileThatIsADirectory_fails() throws Exception {
        Files.createDirectory(tmp.resolve(FileIdentityStore.KEY_FILE));
        assertThrows(IdentityException.class, () -> TestStores.open(tmp));
    }

    @Test
    void handWrittenKeyFile_withCrlfCommentsAndUppercaseHex_loads() throws Exception {
        byte[] priv = new byte[32];
        new SecureRandom().nextBytes(priv);
        LocalKey expected = new LocalKey(EcdhCurve.X25519, priv.clone());
        Files.writeString(tmp.resolve(FileIdentityStore.KEY_FILE), "# mine\r\n\r\nssls-identity 1\r\ncurve x25519\r\n"
                + "private " + Bytes.toHex(priv).toUpperCase() + "  \r\n");
        try (FileIdentityStore store = TestStores.open(tmp)) {
            assertEquals(expected.hostIdentity(), store.hostIdentity());
        }
    }

    @Test
    void openKeyFilePermissions_onlyWarn() throws Exception {
        assumeTrue(SecureFiles.isPosix(tmp));
        HostIdentity hi;
        try (FileIdentityStore store = TestStores.open(tmp)) {
            hi = store.hostIdentity();
        }
        Path key = tmp.resolve(FileIdentityStore.KEY_FILE);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        try (FileIdentityStore store = TestStores.open(tmp)) {
            assertEquals(hi, store.hostIdentity());
        }
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)), "not modified");
    }

    @Test
    void rotate_archivesOldKeyAndChangesHit() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-03-04T05:06:07.890Z"), ZoneOffset.UTC);
        HostIdentity oldHi;
        try (FileIdentityStore store = FileIdentityStore.open(tmp, EcdhCurve.X25519, TrustPolicy.ALLOWLIST,
                List.of(), new SecureRandom(), clock);
                FileIdentityStore peer = TestStores.open(tmp.resolve("peer"))) {
            byte[] oldKeyFile = Files.readAllBytes(tmp.resolve(FileIdentityStore.KEY_FILE));
            Hit oldHit = store.hit();
            oldHi = store.hostIdentity();
            byte[] oldSecret = store.agree(peer.hostIdentity());

            HostIdentity fresh = store.rotate();

            assertEquals(fresh, store.hostIdentity());
            assertNotEquals(oldHit, store.hit());
            Path archived = tmp.resolve("archive/identity-20260304T050607Z.key");
            assertArrayEquals(oldKeyFile, Files.readAllBytes(archived));
            assertFalse(Arrays.equals(oldKeyFile, Files.readAllBytes(tmp.resolve(FileIdentityStore.KEY_FILE))));
            assertArrayEquals(peer.agree(fresh), store.agree(peer.hostIdentity()));
            assertFalse(Arrays.equals(oldSecret, store.agree(peer.hostIdentity())));
            assertTrue(Files.readString(tmp.resolve(FileIdentityStore.PUBLIC_FILE)).contains(store.hit().toHex()));

            store.rotate(); // same second: a second archive, nothing overwritten
            assertTrue(Files.exists(tmp.resolve("archive/identity-20260304T050607Z-1.key")));
            assertArrayEquals(oldKeyFile, Files.readAllBytes(archived));
            if (SecureFiles.isPosix(tmp)) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(archived)));
                assertEquals("rwx------",
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(archived.getParent())));
            }
        }
        Path restore = Files.createDirectory(tmp.resolve("restore"));
        Files.copy(tmp.resolve("archive/identity-20260304T050607Z.key"), restore.resolve(FileIdentityStore.KEY_FILE));
        try (FileIdentityStore restored = TestStores.open(restore)) {
            assertEquals(oldHi, restored.hostIdentity(), "an archived key is a valid key file");
        }
    }

    @Test
    void rotate_whenArchiveCannotBeWritten_keepsTheOldIdentity() throws Exception {
        HostIdentity before;
        try (FileIdentityStore store = TestStores.open(tmp)) {
            before = store.hostIdentity();
            byte[] keyFile = Files.readAllBytes(tmp.resolve(FileIdentityStore.KEY_FILE));
            Files.writeString(tmp.resolve(FileIdentityStore.ARCHIVE_DIR), "a file, not a directory");
            assertThrows(IOException.class, store::rotate);
            assertEquals(before, store.hostIdentity());
            assertArrayEquals(keyFile, Files.readAllBytes(tmp.resolve(FileIdentityStore.KEY_FILE)));
            assertEquals(32, store.agree(TestStores.randomPeer(EcdhCurve.X25519)).length);
        }
        Files.delete(tmp.resolve(FileIdentityStore.ARCHIVE_DIR));
        try (FileIdentityStore again = TestStores.open(tmp)) {
            assertEquals(before, again.hostIdentity());
        }
    }

    @Test
    void rotate_usesTheCurveForNewKeys() throws Exception {
        try (FileIdentityStore store = TestStores.open(tmp)) {
            assertEquals(EcdhCurve.X25519, store.curve());
        }
        try (FileIdentityStore store = TestStores.open(tmp, EcdhCurve.X448, TrustPolicy.ALLOWLIST, List.of())) {
            assertEquals(EcdhCurve.X25519, store.curve());
            assertEquals(13, store.rotate().group());
            assertEquals(EcdhCurve.X448, store.curve());
        }
    }

    @Test
    void close_wipesAndRefusesFurtherUse() throws Exception {
        FileIdentityStore store = TestStores.open(tmp);
        HostIdentity peer = TestStores.randomPeer(EcdhCurve.X25519);
        store.close();
        assertThrows(IllegalStateException.class, () -> store.agree(peer));
        assertThrows(IllegalStateException.class, store::hostIdentity);
        assertThrows(IllegalStateException.class, store::rotate);
        store.close(); // idempotent
    }

    @Test
    void localKey_destroyZeroesThePrivateKey() throws Exception {
        byte[] priv = new byte[32];
        new SecureRandom().nextBytes(priv);
        LocalKey k = new LocalKey(EcdhCurve.X25519, priv);
        k.destroy();
        assertArrayEquals(new byte[32], priv);
        assertTrue(k.isDestroyed());
    }

    @Test
    void concurrentAgreeAuthorizeAndRotate() throws Exception {
        try (FileIdentityStore store = TestStores.open(tmp, EcdhCurve.X25519, TrustPolicy.TRUST_ON_FIRST_USE,
                List.of())) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                jobs.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        HostIdentity p = TestStores.randomPeer(EcdhCurve.X25519);
                        assertEquals(32, store.agree(p).length);
                        assertTrue(store.authorize(p, p.hit()).isPresent());
                    }
                    return null;
                }));
            }
            jobs.add(pool.submit(() -> {
                for (int i = 0; i < 10; i++) {
                    store.rotate();
                    store.setTrustPolicy(TrustPolicy.TRUST_ON_FIRST_USE);
                }
                return null;
            }));
            for (Future<?> f : jobs) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            assertEquals(300, store.learnedPeers().size());
        }
    }
}
