package org.sslskura.keyexchange;

import org.sslskura.wire.hip.Hit;

/** The MQTT topics of docs/PROTOCOL.md §9: {@code <prefix>/<HIT>/hip} and {@code <prefix>/<HIT>/sse}. */
public final class Topics {
    /** The default topic prefix. */
    public static final String DEFAULT_PREFIX = "ssls/v1";

    private Topics() {
    }

    /** @return the topic that carries HIP packets addressed to {@code hit} */
    public static String hip(String prefix, Hit hit) {
        return prefix + "/" + hit.toHex() + "/hip";
    }

    /** @return the topic that carries SSE PDUs addressed to {@code hit} */
    public static String sse(String prefix, Hit hit) {
        return prefix + "/" + hit.toHex() + "/sse";
    }

    /**
     * @return the prefix, validated: non-empty, no wildcards, no leading or trailing slash
     * @throws IllegalArgumentException otherwise
     */
    public static String checkPrefix(String prefix) {
        if (prefix == null || prefix.isEmpty() || prefix.contains("+") || prefix.contains("#")
                || prefix.startsWith("/") || prefix.endsWith("/") || prefix.contains("\u0000")) {
            throw new IllegalArgumentException("invalid topic prefix '" + prefix + "'");
        }
        return prefix;
    }
}
