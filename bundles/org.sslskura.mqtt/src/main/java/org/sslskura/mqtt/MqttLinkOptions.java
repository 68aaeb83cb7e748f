package org.sslskura.mqtt;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The immutable, validated settings of a {@link PahoMessageLink}. Build with {@link #builder(String)}; invalid values
 * throw {@link IllegalArgumentException} from the builder, so a link is never started half-configured. The password is
 * copied in and out, never shown by {@link #toString()}, and compared in constant time by {@link #equals(Object)}.
 */
public final class MqttLinkOptions {

    /** Prefix of a generated client id. */
    public static final String CLIENT_ID_PREFIX = "ssls-";
    public static final int DEFAULT_QOS = 1;
    public static final int DEFAULT_KEEP_ALIVE_SECONDS = 60;
    public static final int DEFAULT_CONNECTION_TIMEOUT_SECONDS = 30;
    /** Messages awaiting their PUBACK; sized for throughput rather than Paho's default of 10. */
    public static final int DEFAULT_MAX_INFLIGHT = 1000;
    /** Messages kept while disconnected; one more fails with reason code 32203. */
    public static final int DEFAULT_OFFLINE_BUFFER = 10_000;
    public static final Duration DEFAULT_RECONNECT_MIN = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RECONNECT_MAX = Duration.ofSeconds(60);

    /** MQTT 3.1.1 §3.1.3.1: servers must accept ids of 1 to 23 characters; 5 + 16 hex digits stays within. */
    private static final int GENERATED_ID_HEX_DIGITS = 16;
    private static final int MAX_KEEP_ALIVE_SECONDS = 65_535;
    private static final int MAX_INFLIGHT_LIMIT = 65_535;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String brokerUrl;
    private final String clientId;
    private final String username;
    private final char[] password;
    private final int qos;
    private final boolean cleanSession;
    private final int keepAliveSeconds;
    private final int connectionTimeoutSeconds;
    private final int maxInflight;
    private final int offlineBufferSize;
    private final Duration reconnectMin;
    private final Duration reconnectMax;
    private final Path persistenceDirectory;

    private MqttLinkOptions(Builder b) {
        this.brokerUrl = b.brokerUrl;
        this.clientId = b.clientId != null ? b.clientId : generateClientId();
        this.username = b.username;
        this.password = b.password == null ? null : b.password.clone();
        this.qos = b.qos;
        this.cleanSession = b.cleanSession;
        this.keepAliveSeconds = b.keepAliveSeconds;
        this.connectionTimeoutSeconds = b.connectionTimeoutSeconds;
        this.maxInflight = b.maxInflight;
        this.offlineBufferSize = b.offlineBufferSize;
        this.reconnectMin = b.reconnectMin;
        this.reconnectMax = b.reconnectMax;
        this.persistenceDirectory = b.persistenceDirectory;
    }

    /**
     * @param brokerUrl {@code tcp://host:port} or {@code ssl://host:port} (TLS with the JVM's default socket factory
     *     and trust store)
     */
    public static Builder builder(String brokerUrl) {
        return new Builder(brokerUrl);
    }

    /** @return {@value #CLIENT_ID_PREFIX} followed by 16 random hex digits */
    public static String generateClientId() {
        StringBuilder id = new StringBuilder(CLIENT_ID_PREFIX);
        for (int i = 0; i < GENERATED_ID_HEX_DIGITS; i++) {
            id.append(Character.forDigit(RANDOM.nextInt(16), 16));
        }
        return id.toString();
    }

    public String brokerUrl() {
        return brokerUrl;
    }

    public String clientId() {
        return clientId;
    }

    public Optional<String> username() {
        return Optional.ofNullable(username);
    }

    /** @return a copy of the password (the caller wipes it), or empty */
    public Optional<char[]> password() {
        return password == null ? Optional.empty() : Optional.of(password.clone());
    }

    public int qos() {
        return qos;
    }

    /** @return false (the default): the broker keeps the session, subscriptions and queued QoS 1 messages */
    public boolean cleanSession() {
        return cleanSession;
    }

    public int keepAliveSeconds() {
        return keepAliveSeconds;
    }

    public int connectionTimeoutSeconds() {
        return connectionTimeoutSeconds;
    }

    public int maxInflight() {
        return maxInflight;
    }

    public int offlineBufferSize() {
        return offlineBufferSize;
    }

    /** @return the first delay before a (re)connection attempt; it doubles per failure up to {@link #reconnectMax()} */
    public Duration reconnectMin() {
        return reconnectMin;
    }

    public Duration reconnectMax() {
        return reconnectMax;
    }

    /** @return where Paho keeps unacknowledged QoS 1 messages across restarts; empty = in memory only */
    public Optional<Path> persistenceDirectory() {
        return Optional.ofNullable(persistenceDirectory);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MqttLinkOptions)) {
            return false;
        }
        MqttLinkOptions other = (MqttLinkOptions) o;
        return qos == other.qos && cleanSession == other.cleanSession && keepAliveSeconds == other.keepAliveSeconds
                && connectionTimeoutSeconds == other.connectionTimeoutSeconds && maxInflight == other.maxInflight
                && offlineBufferSize == other.offlineBufferSize && brokerUrl.equals(other.brokerUrl)
                && clientId.equals(other.clientId) && Objects.equals(username, other.username)
                && samePassword(password, other.password) && reconnectMin.equals(other.reconnectMin)
                && reconnectMax.equals(other.reconnectMax)
                && Objects.equals(persistenceDirectory, other.persistenceDirectory);
    }

    @Override
    public int hashCode() {
        return Objects.hash(brokerUrl, clientId, username, qos, cleanSession, keepAliveSeconds, maxInflight);
    }

    @Override
    public String toString() {
        return "MqttLinkOptions[broker=" + brokerUrl + ", clientId=" + clientId + ", username=" + username
                + ", password=" + (password == null ? "none" : "(redacted)") + ", qos=" + qos + ", cleanSession="
                + cleanSession + ", keepAlive=" + keepAliveSeconds + "s, maxInflight=" + maxInflight
                + ", offlineBuffer=" + offlineBufferSize + ", reconnect=" + reconnectMin.toMillis() + ".."
                + reconnectMax.toMillis() + "ms, persistence=" + (persistenceDirectory == null ? "memory"
                        : persistenceDirectory) + "]";
    }

    /** Constant-time in the contents (the lengths may leak), so that comparing configurations leaks no password. */
    private static boolean samePassword(char[] a, char[] b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.length != b.length) {
            return false;
        }
        int diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff |= a[i] ^ b[i];
        }
        return diff == 0;
    }

    /** Collects and validates the settings; every setter checks its argument. */
    public static final class Builder {
        private final String brokerUrl;
        private String clientId;
        private String username;
        private char[] password;
        private int qos = DEFAULT_QOS;
        private boolean cleanSession;
        private int keepAliveSeconds = DEFAULT_KEEP_ALIVE_SECONDS;
        private int connectionTimeoutSeconds = DEFAULT_CONNECTION_TIMEOUT_SECONDS;
        private int maxInflight = DEFAULT_MAX_INFLIGHT;
        private int offlineBufferSize = DEFAULT_OFFLINE_BUFFER;
        private Duration reconnectMin = DEFAULT_RECONNECT_MIN;
        private Duration reconnectMax = DEFAULT_RECONNECT_MAX;
        private Path persistenceDirectory;

        private Builder(String brokerUrl) {
            this.brokerUrl = checkBrokerUrl(brokerUrl);
        }

        /** @param clientId 1 to 65535 characters; without this call a random {@code ssls-…} id is used */
        public Builder clientId(String clientId) {
            Objects.requireNonNull(clientId, "clientId");
            if (clientId.isEmpty() || clientId.length() > 65_535) {
                throw new IllegalArgumentException("client id must have 1 to 65535 characters, got "
                        + clientId.length());
            }
            this.clientId = clientId;
            return this;
        }

        /** @param password copied; the caller may wipe its array afterwards */
        public Builder credentials(String username, char[] password) {
            Objects.requireNonNull(username, "username");
            if (username.isEmpty()) {
                throw new IllegalArgumentException("username must not be empty");
            }
            this.username = username;
            this.password = password == null ? null : password.clone();
            return this;
        }

        /** @param qos 0 or 1 (decisions §3.4) */
        public Builder qos(int qos) {
            if (qos != 0 && qos != 1) {
                throw new IllegalArgumentException("qos must be 0 or 1, got " + qos);
            }
            this.qos = qos;
            return this;
        }

        public Builder cleanSession(boolean cleanSession) {
            this.cleanSession = cleanSession;
            return this;
        }

        /** @param seconds 0 (off) to 65535 */
        public Builder keepAliveSeconds(int seconds) {
            this.keepAliveSeconds = inRange("keep-alive seconds", seconds, 0, MAX_KEEP_ALIVE_SECONDS);
            return this;
        }

        /** @param seconds 0 (wait forever) to 3600 */
        public Builder connectionTimeoutSeconds(int seconds) {
            this.connectionTimeoutSeconds = inRange("connection timeout seconds", seconds, 0, 3600);
            return this;
        }

        /** @param maxInflight 1 to 65535 messages awaiting their PUBACK */
        public Builder maxInflight(int maxInflight) {
            this.maxInflight = inRange("max in-flight", maxInflight, 1, MAX_INFLIGHT_LIMIT);
            return this;
        }

        /** @param messages 1 to 1,000,000 messages kept while disconnected */
        public Builder offlineBufferSize(int messages) {
            this.offlineBufferSize = inRange("offline buffer size", messages, 1, 1_000_000);
            return this;
        }

        /** @param min first delay (at least 1 ms); doubles per failed attempt up to {@code max} */
        public Builder reconnectBackoff(Duration min, Duration max) {
            Objects.requireNonNull(min, "min");
            Objects.requireNonNull(max, "max");
            if (min.toMillis() < 1 || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("reconnect backoff needs 1 ms <= min <= max, got " + min + " / "
                        + max);
            }
            this.reconnectMin = min;
            this.reconnectMax = max;
            return this;
        }

        /** @param directory where Paho's file persistence keeps unacknowledged messages; null = memory */
        public Builder persistenceDirectory(Path directory) {
            this.persistenceDirectory = directory;
            return this;
        }

        public MqttLinkOptions build() {
            return new MqttLinkOptions(this);
        }

        private static int inRange(String what, int value, int min, int max) {
            if (value < min || value > max) {
                throw new IllegalArgumentException(what + " must be in [" + min + ", " + max + "], got " + value);
            }
            return value;
        }

        private static String checkBrokerUrl(String url) {
            Objects.requireNonNull(url, "brokerUrl");
            URI uri;
            try {
                uri = new URI(url.trim());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("broker URL is not a URI: " + url, e);
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("tcp") && !scheme.equals("ssl")) {
                throw new IllegalArgumentException("broker URL must start with tcp:// or ssl://, got " + url);
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new IllegalArgumentException("broker URL has no host: " + url);
            }
            boolean hasPath = uri.getPath() != null && !uri.getPath().isEmpty();
            if (hasPath || uri.getQuery() != null || uri.getUserInfo() != null) {
                throw new IllegalArgumentException("broker URL must be scheme://host[:port] only, got " + url);
            }
            return url.trim();
        }
    }
}
