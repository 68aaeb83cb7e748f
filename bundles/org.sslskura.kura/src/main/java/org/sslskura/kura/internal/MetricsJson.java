package org.sslskura.kura.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.kura.message.KuraPayload;

/**
 * The bytes a secure publisher sends for a KuraPayload: its body when it has one, else a small JSON object
 * {@code {"timestamp":<epoch ms>,"metrics":{"<name>":<value>,...}}} (timestamp only when set; metrics sorted by name;
 * numbers and booleans as JSON values, NaN and infinities as strings, byte[] as a Base64 string, Date as epoch ms,
 * anything else as its string). No protobuf, no JSON library: docs/KURA.md documents the format.
 */
final class MetricsJson {
    private MetricsJson() {
    }

    static byte[] bytesOf(KuraPayload payload) {
        byte[] body = payload.getBody();
        return body != null ? body : json(payload).getBytes(StandardCharsets.UTF_8);
    }

    static String json(KuraPayload payload) {
        StringBuilder b = new StringBuilder("{");
        Date timestamp = payload.getTimestamp();
        if (timestamp != null) {
            b.append("\"timestamp\":").append(timestamp.getTime()).append(',');
        }
        b.append("\"metrics\":{");
        boolean first = true;
        for (Map.Entry<String, Object> e : new TreeMap<>(payload.metrics()).entrySet()) {
            if (!first) {
                b.append(',');
            }
            first = false;
            string(b, e.getKey());
            b.append(':');
            value(b, e.getValue());
        }
        return b.append("}}").toString();
    }

    private static void value(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short
                || v instanceof Byte) {
            b.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                b.append(v);
            } else {
                string(b, v.toString());
            }
        } else if (v instanceof byte[] bytes) {
            string(b, Base64.getEncoder().encodeToString(bytes));
        } else if (v instanceof Date date) {
            b.append(date.getTime());
        } else {
            string(b, v.toString());
        }
    }

    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
