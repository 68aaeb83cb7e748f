package org.sslskura.envelope;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.sslskura.api.EnvelopeException.Reason;

/**
 * The envelope's monitoring counters. Opening: {@value #OPENED}, {@value #REPLAY} (an authentic duplicate) and
 * {@code drop.<reason>} (malformed, unknown-spi, out-of-window, authentication-failed, policy). Sealing:
 * {@value #SEALED} and {@code seal.<reason>} (no-session, sequence-exhausted, too-large, policy). SA table:
 * {@value #SA_INSTALLED}, {@value #SA_REFUSED}, {@value #REKEY_REQUESTED}. Every name is present from the start.
 */
final class EnvelopeCounters {
    static final String SEALED = "sealed";
    static final String OPENED = "opened";
    static final String REPLAY = "replay";
    static final String SA_INSTALLED = "sa.installed";
    static final String SA_REFUSED = "sa.refused";
    static final String REKEY_REQUESTED = "rekey.requested";
    private static final Reason[] OPEN_REASONS = {Reason.MALFORMED, Reason.UNKNOWN_SPI, Reason.OUT_OF_WINDOW,
        Reason.AUTHENTICATION_FAILED, Reason.POLICY};
    private static final Reason[] SEAL_REASONS = {Reason.NO_SESSION, Reason.SEQUENCE_EXHAUSTED, Reason.TOO_LARGE,
        Reason.POLICY};

    private final Map<String, LongAdder> values = new ConcurrentHashMap<>();

    EnvelopeCounters() {
        for (String n : new String[] {SEALED, OPENED, REPLAY, SA_INSTALLED, SA_REFUSED, REKEY_REQUESTED}) {
            values.put(n, new LongAdder());
        }
        for (Reason r : OPEN_REASONS) {
            values.put(dropName(r), new LongAdder());
        }
        for (Reason r : SEAL_REASONS) {
            values.put(sealName(r), new LongAdder());
        }
    }

    /** @return the counter of PDUs rejected by open or peek for {@code r}, e.g. {@code drop.unknown-spi} */
    static String dropName(Reason r) {
        return "drop." + r.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** @return the counter of seals refused for {@code r}, e.g. {@code seal.sequence-exhausted} */
    static String sealName(Reason r) {
        return "seal." + r.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    void increment(String name) {
        values.computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    /** @return a sorted snapshot */
    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        values.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
