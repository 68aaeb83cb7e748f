package org.sslskura.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parsed options of one command: {@code --name value}, {@code --name=value} and flags ({@code --name}). No positional
 * arguments; every option at most once. Parsing is strict: an unknown option is a {@link UsageException}.
 */
final class Args {
    private final Map<String, String> values;

    private Args(Map<String, String> values) {
        this.values = values;
    }

    /**
     * @param raw the arguments after the command name
     * @param valued the options that take a value, e.g. {@code --dir}
     * @param flags the options without value, e.g. {@code --json}
     */
    static Args parse(List<String> raw, Set<String> valued, Set<String> flags) throws UsageException {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < raw.size(); i++) {
            String a = raw.get(i);
            if (Main.isVerboseFlag(a)) {
                continue; // handled by Main before any logger exists
            }
            if (!a.startsWith("--") || a.length() == 2) {
                throw new UsageException("unexpected argument '" + a + "'");
            }
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (valued.contains(name)) {
                if (value == null) {
                    if (i + 1 >= raw.size()) {
                        throw new UsageException("option " + name + " needs a value");
                    }
                    value = raw.get(++i);
                }
            } else if (flags.contains(name)) {
                if (value != null) {
                    throw new UsageException("option " + name + " takes no value");
                }
                value = "";
            } else {
                throw new UsageException("unknown option " + name);
            }
            if (out.put(name, value) != null) {
                throw new UsageException("option " + name + " given twice");
            }
        }
        return new Args(out);
    }

    /** @return the value of {@code name}, if given */
    Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** @return the value of a required option */
    String required(String name) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            throw new UsageException("missing required option " + name);
        }
        if (v.isEmpty()) {
            throw new UsageException("option " + name + " must not be empty");
        }
        return v;
    }

    /** @return true if the flag (or option) was given */
    boolean has(String name) {
        return values.containsKey(name);
    }

    /** @return the integer value of {@code name} in [min, max], or {@code dflt} if absent */
    int intValue(String name, int dflt, int min, int max) throws UsageException {
        String v = values.get(name);
        if (v == null) {
            return dflt;
        }
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new UsageException("option " + name + " needs a whole number, got '" + v + "'");
        }
        if (n < min || n > max) {
            throw new UsageException("option " + name + " must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }
}
