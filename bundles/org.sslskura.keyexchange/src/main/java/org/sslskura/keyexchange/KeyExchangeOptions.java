package org.sslskura.keyexchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sslskura.crypto.SseSuite;
import org.sslskura.keyexchange.dex.DexConfig;
import org.sslskura.wire.sse.SseFormat;

/** Turns a {@link KeyExchangeConfig} into a validated topic prefix and {@link DexConfig}. */
final class KeyExchangeOptions {
    final String prefix;
    final DexConfig dex;

    private KeyExchangeOptions(String prefix, DexConfig dex) {
        this.prefix = prefix;
        this.dex = dex;
    }

    /** @throws IllegalArgumentException naming the first invalid value */
    static KeyExchangeOptions from(KeyExchangeConfig c) {
        String prefix = Topics.checkPrefix(c.topic_prefix().trim());
        DexConfig dex = DexConfig.builder()
                .suites(suites(c.sse_suites()))
                .formats(formats(c.sse_formats()))
                .compression(c.compression())
                .maxChunkSize(c.chunk_size())
                .maxFragmentSize(c.fragment_size())
                .allowIntegrityOnly(c.allow_integrity_only())
                .allowOpportunistic(c.allow_opportunistic())
                .puzzleK(c.puzzle_difficulty())
                .loadPuzzleK(c.puzzle_difficulty_under_load())
                .loadThresholdPerSecond(c.i1_load_threshold())
                .initiatorMaxPuzzleK(c.initiator_max_puzzle_difficulty())
                .rto(c.rto_initial_ms(), c.rto_max_ms())
                .retries(c.retries(), c.retries(), c.retries())
                .unusedAssociationLifetimeMillis(c.idle_close_minutes() * 60_000L)
                .build();
        return new KeyExchangeOptions(prefix, dex);
    }

    /** Parses "AES-CCM-16, CHACHA20-POLY1305, ..." (case-insensitive, '-' or '_'). */
    static List<SseSuite> suites(String list) {
        List<SseSuite> out = new ArrayList<>();
        for (String name : split(list, "envelope suites")) {
            try {
                SseSuite s = SseSuite.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
                if (!out.contains(s)) {
                    out.add(s);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown envelope suite '" + name + "'");
            }
        }
        return out;
    }

    /** Parses "compact, large, extreme". */
    static List<SseFormat> formats(String list) {
        List<SseFormat> out = new ArrayList<>();
        for (String name : split(list, "envelope formats")) {
            try {
                SseFormat f = SseFormat.valueOf(name.toUpperCase(Locale.ROOT));
                if (!out.contains(f)) {
                    out.add(f);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown envelope format '" + name + "'");
            }
        }
        return out;
    }

    private static List<String> split(String list, String what) {
        List<String> out = new ArrayList<>();
        for (String part : (list == null ? "" : list).split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        return out;
    }
}
