package org.sslskura.transport.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sslskura.transport.queue.QueueTestSupport.hit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 150;

    @TempDir
    Path tmp;

    @Test
    void eightThreadsAppending_getDistinctIds_andEveryMessageIsPersisted() throws Exception {
        Path dir = tmp.resolve("q");
        OutboundQueue q = QueueTestSupport.open(dir);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<QueuedMessage>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            results.add(pool.submit(() -> {
                start.await();
                List<QueuedMessage> mine = new ArrayList<>();
                for (int i = 0; i < PER_THREAD; i++) {
                    QueuedMessage m = q.append(hit(thread), "t/" + thread, QueueTestSupport.body(i, 50), i);
                    mine.add(m);
                    if (i % 3 == 0) {
                        q.acknowledge(m.messageId()); // acks interleave with other threads' appends
                    }
                }
                return mine;
            }));
        }
        start.countDown();
        Set<Long> ids = new HashSet<>();
        List<QueuedMessage> kept = new ArrayList<>();
        for (Future<List<QueuedMessage>> f : results) {
            List<QueuedMessage> mine = f.get(60, TimeUnit.SECONDS);
            for (QueuedMessage m : mine) {
                assertTrue(ids.add(m.messageId()), "duplicate id " + m.messageId());
                if (m.options() % 3 != 0) {
                    kept.add(m);
                }
            }
            List<Long> own = QueueTestSupport.ids(mine);
            for (int i = 1; i < own.size(); i++) {
                assertTrue(own.get(i) > own.get(i - 1), "a thread's ids increase");
            }
        }
        pool.shutdown();
        assertEquals(THREADS * PER_THREAD, ids.size());
        kept.sort((a, b) -> Long.compare(a.messageId(), b.messageId()));
        assertEquals(kept, q.pending(), "pending in id order");

        QueueTestSupport.copyQueueFiles(dir, tmp.resolve("killed")); // before close: only the forces count
        try (OutboundQueue reopened = QueueTestSupport.open(tmp.resolve("killed"))) {
            assertEquals(kept, reopened.pending());
        }
        q.close();
    }

    @Test
    void appendsRacingClose_eitherSucceedDurablyOrFailCleanly() throws Exception {
        Path dir = tmp.resolve("q");
        OutboundQueue q = QueueTestSupport.open(dir);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<List<QueuedMessage>>> results = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            results.add(pool.submit(() -> {
                List<QueuedMessage> ok = new ArrayList<>();
                try {
                    for (int i = 0; i < 1000; i++) {
                        ok.add(q.append(hit(1), "t", new byte[8], 0));
                    }
                } catch (java.io.IOException closed) {
                    assertTrue(closed.getMessage().contains("closed"), closed.getMessage());
                }
                return ok;
            }));
        }
        Thread.sleep(50);
        q.close();
        List<QueuedMessage> succeeded = new ArrayList<>();
        for (Future<List<QueuedMessage>> f : results) {
            succeeded.addAll(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        succeeded.sort((a, b) -> Long.compare(a.messageId(), b.messageId()));
        try (OutboundQueue reopened = QueueTestSupport.open(dir)) {
            assertEquals(succeeded, reopened.pending());
        }
    }
}
