package org.sslskura.kura.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads component properties as ConfigAdmin and Kura deliver them (String, String[] or absent). */
final class Props {
    private Props() {
    }

    /** @return the trimmed string value, or {@code fallback} when absent or blank */
    static String string(Map<String, ?> props, String key, String fallback) {
        Object v = props.get(key);
        if (v instanceof String[] array) {
            v = array.length == 0 ? null : array[0];
        }
        String s = v == null ? "" : v.toString().trim();
        return s.isEmpty() ? fallback : s;
    }

    /** @return the non-empty entries of a comma-separated String (or String[]), trimmed */
    static List<String> list(Map<String, ?> props, String key) {
        Object v = props.get(key);
        List<String> out = new ArrayList<>();
        if (v instanceof String[] array) {
            for (String s : array) {
                split(s, out);
            }
        } else if (v != null) {
            split(v.toString(), out);
        }
        return List.copyOf(out);
    }

    /** @return the value, which must be one of {@code allowed} (the first is the default) */
    static String oneOf(Map<String, ?> props, String key, String... allowed) {
        String s = string(props, key, allowed[0]);
        for (String a : allowed) {
            if (a.equals(s)) {
                return a;
            }
        }
        throw new IllegalArgumentException(key + " must be one of " + String.join(", ", allowed) + ", not '" + s + "'");
    }

    private static void split(String s, List<String> out) {
        for (String part : s.split(",")) {
            String t = part.trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
    }
}
