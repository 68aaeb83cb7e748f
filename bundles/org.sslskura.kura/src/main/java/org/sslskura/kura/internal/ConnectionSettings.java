package org.sslskura.kura.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the user decides in the form of one ssls cloud connection, read from its configuration, and what that means
 * for the configurations of the ssls stack (identity store, MQTT link, key exchange, secure messaging).
 *
 * @param kuraServicePid the connection's {@code kura.service.pid}
 * @param carrierPid the {@code kura.service.pid} of the Kura cloud connection that carries the ssls packets, or null
 *        when the connection's own broker settings do
 * @param broker the own MQTT link's settings (broker.url, client.id, username, password), used when carrierPid is null
 * @param collectors the collectors: the attribute's entries, then the file's
 * @param trustedPeers the trusted peers ({@code name=<public key hex>}): the attribute's entries, then the file's
 * @param suites the envelope suites the key exchange offers, comma-separated
 */
record ConnectionSettings(String kuraServicePid, String carrierPid, Map<String, Object> broker,
        List<String> collectors, List<String> trustedPeers, String suites) {

    static final String CARRIER = "carrier";
    static final String CARRIER_OWN_BROKER = "own-broker";
    static final String CARRIER_KURA_CONNECTION = "kura-connection";
    static final String CARRIER_REFERENCE = "CarrierConnection";
    static final String CARRIER_TARGET = CARRIER_REFERENCE + ".target";
    static final String COLLECTORS_FILE = "collectors.file";
    static final String TRUSTED_PEERS = "trusted.peers";
    static final String TRUSTED_PEERS_FILE = "trusted.peers.file";
    static final String SUITES = "sse.suites";
    /** The suites offered when the form gives none (its metatype default). */
    static final String SUITES_DEFAULT = "AES-CCM-16,AES-GCM-16,CHACHA20-POLY1305,ASCON-AEAD128,AES-CCM-8,AES-GCM-8";
    static final List<String> BROKER_KEYS = List.of("broker.url", "client.id", "username", "password");
    static final String OWN_LINK_FILTER = "(service.pid=" + ConfigurableComponents.MQTT_LINK + ")";
    static final String LINK_TARGET = "MessageLink.target";

    /** Kura's web UI writes a {@code *.target} attribute as {@code (kura.service.pid=<pid>)}. */
    private static final Pattern KURA_PID_FILTER = Pattern.compile("\\(kura\\.service\\.pid=([^()*\\\\]+)\\)");
    /** What {@link #linkFilter()} gives for a Kura connection as carrier. */
    private static final Pattern OVER_KURA_FILTER = Pattern.compile("\\(&\\(" + Pattern.quote(KuraNames.LINK_PROPERTY)
            + "=" + Pattern.quote(KuraNames.LINK_CLOUD_ENDPOINT) + "\\)\\("
            + Pattern.quote(KuraNames.CLOUD_ENDPOINT_SERVICE_PID) + "=([^()*\\\\]+)\\)\\)");

    /**
     * @throws IllegalArgumentException on an invalid value or an unreadable file
     */
    static ConnectionSettings from(Map<String, ?> props) {
        String own = Props.string(props, KuraNames.KURA_SERVICE_PID, null);
        String carrier = Props.oneOf(props, CARRIER, CARRIER_OWN_BROKER, CARRIER_KURA_CONNECTION);
        String carrierPid = null;
        if (CARRIER_KURA_CONNECTION.equals(carrier)) {
            String target = Props.string(props, CARRIER_TARGET, "");
            Matcher m = KURA_PID_FILTER.matcher(target);
            if (!m.matches()) {
                throw new IllegalArgumentException(CARRIER_TARGET + " must select one Kura cloud connection as"
                        + " (kura.service.pid=<pid>), not '" + target + "'");
            }
            carrierPid = m.group(1).trim();
            if (carrierPid.equals(own)) {
                throw new IllegalArgumentException("the connection cannot carry itself: choose another connection");
            }
        }
        Map<String, Object> broker = new LinkedHashMap<>();
        for (String key : BROKER_KEYS) {
            Object value = props.get(key);
            if (value != null) {
                broker.put(key, value);
            }
        }
        return new ConnectionSettings(own, carrierPid, Map.copyOf(broker),
                withFile(Props.list(props, KuraNames.COLLECTORS), Props.string(props, COLLECTORS_FILE, null)),
                withFile(Props.list(props, TRUSTED_PEERS), Props.string(props, TRUSTED_PEERS_FILE, null)),
                Props.string(props, SUITES, SUITES_DEFAULT));
    }

    /** @return the OSGi filter selecting the MessageLink that carries this connection's packets */
    String linkFilter() {
        return carrierPid == null ? OWN_LINK_FILTER
                : "(&(" + KuraNames.LINK_PROPERTY + "=" + KuraNames.LINK_CLOUD_ENDPOINT + ")("
                        + KuraNames.CLOUD_ENDPOINT_SERVICE_PID + "=" + carrierPid + "))";
    }

    /**
     * @return PID -> the attributes this connection sets in that stack component's configuration (the others keep
     *         their values); the MQTT link only when the connection's own broker carries the packets
     */
    Map<String, Map<String, Object>> stackAttributes() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        out.put(ConfigurableComponents.IDENTITY_STORE, Map.of(TRUSTED_PEERS, trustedPeers.toArray(new String[0])));
        if (carrierPid == null) {
            out.put(ConfigurableComponents.MQTT_LINK, broker);
        }
        out.put(ConfigurableComponents.KEY_EXCHANGE, Map.of(LINK_TARGET, linkFilter(), SUITES, suites));
        out.put(ConfigurableComponents.SECURE_MESSAGING, Map.of(LINK_TARGET, linkFilter(),
                KuraNames.COLLECTORS, collectors.toArray(new String[0])));
        return out;
    }

    /**
     * The form of a new connection that keeps what the stack is configured with now, so that creating the connection
     * changes nothing a user set up before (trusted peers above all).
     *
     * @param stack the current configuration of a stack PID (empty if none)
     * @return the connection's initial attributes
     */
    static Map<String, Object> adopt(Function<String, Map<String, Object>> stack) {
        Map<String, Object> form = new LinkedHashMap<>();
        copy(stack.apply(ConfigurableComponents.IDENTITY_STORE), TRUSTED_PEERS, form, TRUSTED_PEERS);
        Map<String, Object> messaging = stack.apply(ConfigurableComponents.SECURE_MESSAGING);
        copy(messaging, KuraNames.COLLECTORS, form, KuraNames.COLLECTORS);
        copy(stack.apply(ConfigurableComponents.KEY_EXCHANGE), SUITES, form, SUITES);
        Map<String, Object> link = stack.apply(ConfigurableComponents.MQTT_LINK);
        for (String key : BROKER_KEYS) {
            copy(link, key, form, key);
        }
        Matcher overKura = OVER_KURA_FILTER.matcher(Props.string(messaging, LINK_TARGET, ""));
        if (overKura.matches()) {
            form.put(CARRIER, CARRIER_KURA_CONNECTION);
            form.put(CARRIER_TARGET, "(" + KuraNames.KURA_SERVICE_PID + "=" + overKura.group(1) + ")");
        }
        return form;
    }

    private static void copy(Map<String, Object> from, String key, Map<String, Object> to, String as) {
        Object value = from.get(key);
        if (value != null) {
            to.put(as, value);
        }
    }

    /** The entries of a list attribute followed by those of a file (one a line; blank lines and # comments skipped). */
    private static List<String> withFile(List<String> entries, String file) {
        Set<String> all = new LinkedHashSet<>(entries);
        if (file != null) {
            try {
                for (String line : Files.readAllLines(Path.of(file))) {
                    String t = line.trim();
                    if (!t.isEmpty() && !t.startsWith("#")) {
                        all.add(t);
                    }
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e, e);
            }
        }
        return List.copyOf(all);
    }
}
