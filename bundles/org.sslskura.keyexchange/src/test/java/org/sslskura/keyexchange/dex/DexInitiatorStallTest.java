package org.sslskura.keyexchange.dex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sslskura.crypto.AuthenticationException;
import org.sslskura.wire.hip.HipConstants;
import org.sslskura.wire.hip.HipPacket;
import org.sslskura.wire.hip.Notification;
import org.sslskura.wire.hip.Puzzle;
import org.sslskura.wire.hip.R1Counter;

/** Forged R1s and I2_ACKNOWLEDGEMENT NOTIFYs cannot keep an initiator from its genuine exchange. */
class DexInitiatorStallTest {
    @TempDir
    Path dir;
    private final DexConfig config = DexConfig.builder().build();

    /** @return a copy of a genuine R1 with R1_COUNTER = 2^63 - 1 and a puzzle the responder never issued */
    private static byte[] forgedR1(byte[] genuine) {
        byte[] i = new byte[16];
        new SecureRandom().nextBytes(i);
        return Packets.rewrite(genuine, p -> p instanceof R1Counter ? R1Counter.of(Long.MAX_VALUE)
                : p instanceof Puzzle z ? new Puzzle(0, z.lifetime(), z.opaque(), i) : p);
    }

    @Test
    void aForgedR1BeforeTheGenuineOneDoesNotHideIt() throws AuthenticationException {
        DexTestbed t = new DexTestbed(dir, config, config);
        boolean[] forged = {false};
        t.tamper = p -> {
            if (Packets.type(p) == HipConstants.R1 && !forged[0]) {
                forged[0] = true; // the attacker's R1 reaches the device first
                t.emit(t.a, t.a.engine.receive(forgedR1(p), t.now));
            }
            return p;
        };
        t.connect();
        t.run(5_000);
        assertTrue(forged[0]);
        assertEquals(1, t.b.engine.dropped(DropReason.EXPIRED_PUZZLE), "the I2 answering the forgery went nowhere");
        DexHandshakeTest.assertMatching(t.a.engine.session(t.b.hit()).orElseThrow(),
                t.b.engine.session(t.a.hit()).orElseThrow());
    }

    @Test
    void aForgedR1AfterTheGenuineOneDoesNotLoseItsR2() throws AuthenticationException {
        DexTestbed t = new DexTestbed(dir, config, config);
        boolean[] forged = {false};
        t.tamper = p -> {
            if (Packets.type(p) == HipConstants.R2 && !forged[0]) {
                forged[0] = true; // a forged R1 with the highest counter overtakes the genuine R2
                byte[] genuineR1 = t.packetsOfType(HipConstants.R1).get(0);
                t.emit(t.a, t.a.engine.receive(forgedR1(genuineR1), t.now));
            }
            return p;
        };
        t.connect();
        t.run(5_000);
        assertTrue(forged[0]);
        assertEquals(0, t.a.engine.dropped(DropReason.BAD_HIP_MAC), "the R2 verified with its own attempt's keys");
        DexHandshakeTest.assertMatching(t.a.engine.session(t.b.hit()).orElseThrow(),
                t.b.engine.session(t.a.hit()).orElseThrow());
        assertEquals(1, t.a.eventsOf(DexEvent.Established.class).size());
    }

    @Test
    void aForgedI2AcknowledgementIsHonouredOncePerI2() {
        DexTestbed t = new DexTestbed(dir, config, config);
        t.tamper = p -> Packets.type(p) == HipConstants.I2 ? null : p; // the responder never answers
        t.connect();
        t.run(100);
        assertEquals(DexState.I2_SENT, t.a.engine.state(t.b.hit()));
        byte[] notify = HipPacket.builder(HipConstants.NOTIFY, t.b.hit(), t.a.hit())
                .add(Notification.of(HipConstants.NOTIFY_I2_ACKNOWLEDGEMENT, new byte[] {0x75, 0x30})).build().encode();
        for (int n = 0; n < 144; n++) { // one simulated hour, a forged "wait 30 s" every 25 s
            t.inject(t.a, notify);
            t.run(25_000);
        }
        assertEquals(1, t.a.eventsOf(DexEvent.Failed.class).size(), "the exchange gave up instead of waiting forever");
        assertTrue(t.packetsOfType(HipConstants.I2).size() >= 1 + config.i2RetriesMax());
        assertTrue(t.a.engine.counters().getOrDefault("notify.i2-ack.ignored", 0L) > 0);
    }
}
