package org.sslskura.envelope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.sslskura.api.SealedPdu;
import org.sslskura.crypto.SseSuite;
import org.sslskura.wire.sse.SseFormat;

/** Application threads seal while the carrier thread opens: numbers stay unique and every PDU opens. */
class SseEnvelopeConcurrencyTest {
    private static final int THREADS = 4;
    private static final int PER_THREAD = 10_000;

    @Test
    void fourSealingThreads_distinctSequenceNumbers_allOpen() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        try (Testbed t = new Testbed().establish(SseSuite.AES_GCM_16, SseFormat.LARGE, false)) {
            ConcurrentLinkedQueue<SealedPdu> sealed = new ConcurrentLinkedQueue<>();
            List<Future<?>> jobs = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int id = i;
                jobs.add(pool.submit(() -> {
                    for (int n = 0; n < PER_THREAD; n++) {
                        sealed.add(t.a.seal(t.hitB, 0, new byte[] {(byte) id, (byte) n}, -1));
                    }
                    return null;
                }));
            }
            // meanwhile the other direction: B seals, A opens (A's inbound SA next to its busy outbound SA)
            jobs.add(pool.submit(() -> {
                for (int n = 0; n < PER_THREAD; n++) {
                    assertFalse(t.a.open(t.b.seal(t.hitA, 0, new byte[3], -1).bytes()).duplicate());
                }
                return null;
            }));
            for (Future<?> f : jobs) {
                f.get();
            }
            List<SealedPdu> all = new ArrayList<>(sealed);
            all.sort(Comparator.comparingLong(SealedPdu::seq));
            assertEquals(THREADS * PER_THREAD, all.size());
            for (int i = 0; i < all.size(); i++) {
                assertEquals(i + 1, all.get(i).seq(), "every number handed out exactly once");
                assertFalse(t.b.open(all.get(i).bytes()).duplicate());
            }
            assertEquals(THREADS * PER_THREAD, t.b.counters().get("opened"));
            assertEquals(PER_THREAD, t.a.counters().get("opened"));
        } finally {
            pool.shutdownNow();
        }
    }
}
