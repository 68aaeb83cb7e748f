package org.sslskura.cli;

/**
 * Hand-written JSON output (no JSON library in the program). Strings are escaped per RFC 8259; every character outside
 * printable ASCII is written as a six-character escape (backslash, u, four hex digits), so the output is plain ASCII
 * whatever the console encoding.
 */
final class Json {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Json() {
    }

    /** @return {@code s} as a JSON string literal, quotes included */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2);
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** A JSON object written field by field, in order. */
    static final class ObjectBuilder {
        private final StringBuilder b = new StringBuilder("{");

        private ObjectBuilder key(String name) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(quote(name)).append(": ");
            return this;
        }

        ObjectBuilder field(String name, String value) {
            key(name).b.append(value == null ? "null" : quote(value));
            return this;
        }

        ObjectBuilder field(String name, long value) {
            key(name).b.append(value);
            return this;
        }

        ObjectBuilder field(String name, boolean value) {
            key(name).b.append(value);
            return this;
        }

        /** Adds a value that is already JSON (an object or array built here). */
        ObjectBuilder raw(String name, String json) {
            key(name).b.append(json);
            return this;
        }

        @Override
        public String toString() {
            return b + "}";
        }
    }

    static ObjectBuilder object() {
        return new ObjectBuilder();
    }
}
