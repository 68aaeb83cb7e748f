package org.sslskura.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.sslskura.api.ReceivedMessage;
import org.sslskura.api.TrustPolicy;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.identity.FileIdentityStore;

/** Test helpers: identities that trust each other, node startup, waiting. */
final class Nodes {
    private Nodes() {
    }

    /** Creates the device and collector identity directories, each trusting the other under the name given. */
    static void pair(Path device, Path collector) throws IOException {
        try (FileIdentityStore d = FileIdentityStore.open(device, EcdhCurve.X25519, TrustPolicy.ALLOWLIST, List.of(),
                new SecureRandom());
             FileIdentityStore c = FileIdentityStore.open(collector, EcdhCurve.X25519, TrustPolicy.ALLOWLIST,
                     List.of(), new SecureRandom())) {
            d.addPeer("collector", c.hostIdentity());
            c.addPeer("device", d.hostIdentity());
        }
    }

    /** @return the HIT of the identity in {@code dir} */
    static org.sslskura.wire.hip.Hit hitOf(Path dir) throws IOException {
        try (FileIdentityStore s = FileIdentityStore.open(dir, EcdhCurve.X25519, TrustPolicy.ALLOWLIST, List.of(),
                new SecureRandom())) {
            return s.hit();
        }
    }

    /** Collects what a node delivers. */
    static ConcurrentLinkedQueue<ReceivedMessage> inbox(SslsNode node) {
        ConcurrentLinkedQueue<ReceivedMessage> q = new ConcurrentLinkedQueue<>();
        node.messaging().addReceiver(q::add);
        return q;
    }

    static void await(BooleanSupplier condition, long millis, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

}
