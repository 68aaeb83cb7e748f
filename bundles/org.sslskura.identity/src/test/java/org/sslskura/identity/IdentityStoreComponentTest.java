package org.sslskura.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sslskura.api.TrustPolicy;
import org.sslskura.crypto.Bytes;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.wire.hip.HostIdentity;
import org.sslskura.wire.hip.Hit;

class IdentityStoreComponentTest {
    @TempDir
    Path tmp;

    private final HostIdentity alice = TestStores.randomPeer(EcdhCurve.X25519);

    private Map<String, Object> props() {
        Map<String, Object> p = new HashMap<>();
        p.put("identity.directory", tmp.toString());
        return p;
    }

    @Test
    void activatesWithDefaults_andDeactivateWipes() throws Exception {
        IdentityStoreComponent c = new IdentityStoreComponent();
        c.activate(null, TestStores.config(props()));
        Hit hit = c.hit();
        assertEquals(TrustPolicy.ALLOWLIST, c.trustPolicy());
        assertEquals(12, c.hostIdentity().group());
        assertTrue(c.trustedPeers().isEmpty());
        assertTrue(Files.exists(tmp.resolve(FileIdentityStore.KEY_FILE)));
        c.deactivate();
        assertThrows(IllegalStateException.class, c::hostIdentity);

        IdentityStoreComponent again = new IdentityStoreComponent();
        again.activate(null, TestStores.config(props()));
        assertEquals(hit, again.hit(), "same identity after a restart");
        again.deactivate();
    }

    @Test
    void activateWithX448AndPeers() throws Exception {
        HostIdentity big = TestStores.randomPeer(EcdhCurve.X448);
        Map<String, Object> p = props();
        p.put("identity.curve", "X448");
        p.put("trusted.peers", new String[] {"big=" + Bytes.toHex(big.publicKey()), ""});
        IdentityStoreComponent c = new IdentityStoreComponent();
        c.activate(null, TestStores.config(p));
        try {
            assertEquals(13, c.hostIdentity().group());
            assertEquals("big", c.authorize(big, big.hit()).orElseThrow().name());
            assertEquals(56, c.agree(big).length);
        } finally {
            c.deactivate();
        }
    }

    @Test
    void modified_changesPolicyAndPeersLive() throws Exception {
        IdentityStoreComponent c = new IdentityStoreComponent();
        c.activate(null, TestStores.config(props()));
        try {
            Hit hit = c.hit();
            assertTrue(c.authorize(alice, alice.hit()).isEmpty());

            Map<String, Object> p = props();
            p.put("trust.policy", "trust-on-first-use");
            c.modified(TestStores.config(p));
            assertEquals(TrustPolicy.TRUST_ON_FIRST_USE, c.trustPolicy());
            assertTrue(c.authorize(alice, alice.hit()).isPresent());

            HostIdentity bob = TestStores.randomPeer(EcdhCurve.X25519);
            p.put("trust.policy", "allowlist");
            p.put("trusted.peers", new String[] {"bob=" + Bytes.toHex(bob.publicKey())});
            p.put("identity.curve", "X448");
            p.put("identity.directory", tmp.resolve("elsewhere").toString());
            c.modified(TestStores.config(p));
            assertEquals(TrustPolicy.ALLOWLIST, c.trustPolicy());
            assertEquals("bob", c.authorize(bob, bob.hit()).orElseThrow().name());
            assertTrue(c.authorize(alice, alice.hit()).isEmpty(), "learned peers do not count under allowlist");
            assertEquals(hit, c.hit(), "a new curve or directory never replaces the identity");
            assertFalse(Files.exists(tmp.resolve("elsewhere")));
        } finally {
            c.deactivate();
        }
    }

    @Test
    void modified_withAnInvalidValue_failsClosed() throws Exception {
        Map<String, Object> p = props();
        p.put("trust.policy", "trust-on-first-use");
        p.put("trusted.peers", new String[] {"alice=" + Bytes.toHex(alice.publicKey())});
        IdentityStoreComponent c = new IdentityStoreComponent();
        c.activate(null, TestStores.config(p));
        try {
            assertTrue(c.authorize(alice, alice.hit()).isPresent());
            p.put("trusted.peers", new String[] {"alice=" + Bytes.toHex(alice.publicKey()), "oops"});
            assertThrows(IllegalArgumentException.class, () -> c.modified(TestStores.config(p)));
            assertEquals(TrustPolicy.ALLOWLIST, c.trustPolicy());
            assertTrue(c.authorize(alice, alice.hit()).isEmpty());
        } finally {
            c.deactivate();
        }
    }

    @Test
    void activate_failsOnInvalidConfigurationOrIdentityFile() throws Exception {
        Map<String, Object> p = props();
        p.put("trust.policy", "everyone");
        assertThrows(IllegalArgumentException.class, () -> new IdentityStoreComponent().activate(null,
                TestStores.config(p)));
        p.put("trust.policy", "allowlist");
        p.put("identity.curve", "P-256");
        assertThrows(IllegalArgumentException.class, () -> new IdentityStoreComponent().activate(null,
                TestStores.config(p)));
        assertFalse(Files.exists(tmp.resolve(FileIdentityStore.KEY_FILE)), "nothing generated");

        Files.writeString(tmp.resolve(FileIdentityStore.KEY_FILE), "garbage\n");
        IdentityStoreComponent c = new IdentityStoreComponent();
        assertThrows(IdentityException.class, () -> c.activate(null, TestStores.config(props())));
        assertThrows(IllegalStateException.class, c::hostIdentity);
        assertEquals("garbage\n", Files.readString(tmp.resolve(FileIdentityStore.KEY_FILE)));
    }

    @Test
    void activate_withoutDirectoryNeedsABundleContext() {
        assertThrows(IllegalArgumentException.class, () -> new IdentityStoreComponent().activate(null,
                TestStores.config(Map.of())));
    }

    @Test
    void rotateThroughTheService() throws Exception {
        IdentityStoreComponent c = new IdentityStoreComponent();
        c.activate(null, TestStores.config(props()));
        try {
            Hit before = c.hit();
            assertEquals(c.rotate(), c.hostIdentity());
            assertFalse(before.equals(c.hit()));
        } finally {
            c.deactivate();
        }
    }
}
