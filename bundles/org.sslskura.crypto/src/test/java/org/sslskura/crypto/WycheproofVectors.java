package org.sslskura.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads Wycheproof vector files (C2SP/wycheproof {@code testvectors_v1}) from the directory named by the system
 * property {@code wycheproof.dir}. The files are not copied into the project: without the property (a user's clone)
 * the vector tests are skipped; with it (CI) a missing file is a failure.
 */
final class WycheproofVectors {
    static final String DIR_PROPERTY = "wycheproof.dir";

    private static final String SKIPPED = "wycheproof.dir not set: the Wycheproof vector tests are skipped"
            + " (-Dwycheproof.dir=<the vector folder>; CI always sets it)";
    private static final java.util.concurrent.atomic.AtomicBoolean SKIP_REPORTED =
            new java.util.concurrent.atomic.AtomicBoolean();

    private WycheproofVectors() {
    }

    /**
     * @return the parsed file; aborts the calling test (skip) if {@code wycheproof.dir} is absent or blank
     */
    static JsonNode load(String fileName) {
        String dir = System.getProperty(DIR_PROPERTY);
        if (dir == null || dir.isBlank()) {
            if (SKIP_REPORTED.compareAndSet(false, true)) { // once per JVM, so the skip is seen in the build log
                System.err.println("[ssls tests] " + SKIPPED);
            }
            Assumptions.assumeTrue(false, SKIPPED);
        }
        Path file = Path.of(dir.trim(), fileName);
        if (!Files.isRegularFile(file)) {
            fail(DIR_PROPERTY + " is set to " + dir + " but " + file + " is missing");
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            int declared = root.get("numberOfTests").asInt();
            int actual = 0;
            for (JsonNode g : root.get("testGroups")) {
                actual += g.get("tests").size();
            }
            assertEquals(declared, actual, fileName + ": numberOfTests does not match the test groups");
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** @return the bytes of a hex field of a test case */
    static byte[] hex(JsonNode test, String field) {
        JsonNode n = test.get(field);
        if (n == null) {
            throw new IllegalArgumentException("no field " + field + " in tcId " + test.get("tcId"));
        }
        return Bytes.fromHex(n.asText());
    }

    /** @return a display name: "tcId 12 [valid] comment {flags}" */
    static String name(JsonNode test) {
        StringBuilder sb = new StringBuilder("tcId ").append(test.get("tcId").asInt())
                .append(" [").append(test.get("result").asText()).append(']');
        String comment = test.path("comment").asText("");
        if (!comment.isEmpty()) {
            sb.append(' ').append(comment);
        }
        if (test.has("flags") && test.get("flags").size() > 0) {
            sb.append(' ').append(test.get("flags"));
        }
        return sb.toString();
    }

    /** @return true if the test case carries {@code flag} */
    static boolean hasFlag(JsonNode test, String flag) {
        for (JsonNode f : test.path("flags")) {
            if (f.asText().equals(flag)) {
                return true;
            }
        }
        return false;
    }

    /** @return a || b */
    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** @return the 8 bytes at {@code off} as a big-endian long */
    static long longBe(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            v = v << 8 | (b[off + i] & 0xFF);
        }
        return v;
    }

    /**
     * Counts what a vector file's tests did: executed cases per outcome and skipped cases per documented reason.
     * The dynamic tests increment the counters when they run; {@link #summary} is the last dynamic test of a
     * factory and checks the totals after all cases ran.
     */
    static final class Tally {
        private final String file;
        private final int numberOfTests;
        private final Map<String, AtomicInteger> executed = new TreeMap<>();
        private final Map<String, AtomicInteger> skipped = new TreeMap<>();

        Tally(String file, JsonNode root) {
            this.file = file;
            this.numberOfTests = root.get("numberOfTests").asInt();
        }

        /** Records one case that is not run, with the documented reason (counted while the factory builds). */
        void skip(String reason) {
            skipped.computeIfAbsent(reason, k -> new AtomicInteger()).incrementAndGet();
        }

        /** Records one executed case under an outcome label (called inside the dynamic test, once it passed). */
        void ran(String outcome) {
            synchronized (executed) {
                executed.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
            }
        }

        int executedTotal() {
            return executed.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        int skippedTotal() {
            return skipped.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        int executed(String outcome) {
            AtomicInteger n = executed.get(outcome);
            return n == null ? 0 : n.get();
        }

        int skipped(String reason) {
            AtomicInteger n = skipped.get(reason);
            return n == null ? 0 : n.get();
        }

        /**
         * @param expectedSkips the documented number of skipped cases per reason (all other reasons: none)
         * @param extraChecks further assertions on the counts, run after the totals check
         * @return the summary test: every case not skipped ran and passed, and at least one ran
         */
        DynamicTest summary(Map<String, Integer> expectedSkips, Executable extraChecks) {
            return DynamicTest.dynamicTest("summary " + file, () -> {
                String text = file + ": numberOfTests=" + numberOfTests + " executed=" + executedTotal() + " "
                        + executed + " skipped=" + skippedTotal() + " " + skipped;
                System.out.println("[wycheproof] " + text);
                assertTrue(executedTotal() > 0, "no case executed: " + text);
                assertEquals(numberOfTests - skippedTotal(), executedTotal(),
                        "every case that is not a documented skip must run and pass: " + text);
                Map<String, Integer> actualSkips = new TreeMap<>();
                skipped.forEach((k, v) -> actualSkips.put(k, v.get()));
                assertEquals(new TreeMap<>(expectedSkips), actualSkips, "documented skips: " + text);
                extraChecks.execute();
            });
        }
    }
}
