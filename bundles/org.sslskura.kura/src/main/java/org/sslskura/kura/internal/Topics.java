package org.sslskura.kura.internal;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Application topics: {@code $name} placeholders filled from message properties, and MQTT-style filters. */
final class Topics {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$([^\\s/$]+)");

    private Topics() {
    }

    /** @return {@code template} with each {@code $name} replaced by property {@code name}; unknown ones stay */
    static String fill(String template, Map<String, Object> properties) {
        if (template.indexOf('$') < 0 || properties == null) {
            return template;
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = properties.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value.toString()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** @return true if {@code topic} matches the MQTT filter ({@code +} one level, {@code #} the rest) */
    static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || !f[i].equals("+") && !f[i].equals(t[i])) {
                return false;
            }
        }
        return f.length == t.length;
    }
}
