package org.sslskura.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import org.sslskura.api.TrustPolicy;
import org.sslskura.crypto.EcdhCurve;
import org.sslskura.identity.FileIdentityStore;
import org.sslskura.mqtt.MqttLinkOptions;
import org.sslskura.wire.hip.HostIdentity;

/** Option handling shared by the commands: the identity directory, the broker URL, the curve. */
final class Identities {
    private Identities() {
    }

    /** @return the {@code --dir} option as a path */
    static Path dir(Args args) throws UsageException {
        try {
            return Path.of(args.required("--dir"));
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException("invalid --dir: " + e.getMessage());
        }
    }

    /** @throws CommandFailure if {@code dir} holds no identity (commands other than init never create one) */
    static void requireExisting(Path dir) throws CommandFailure {
        if (!Files.isRegularFile(dir.resolve(FileIdentityStore.KEY_FILE))) {
            throw new CommandFailure("no identity in " + dir + " (create one with: ssls identity init --dir " + dir
                    + ")");
        }
    }

    /** Opens the existing identity in {@code dir}. */
    static FileIdentityStore openExisting(Path dir) throws CommandFailure, IOException {
        requireExisting(dir);
        return FileIdentityStore.open(dir, EcdhCurve.X25519, TrustPolicy.ALLOWLIST, List.of(), new SecureRandom());
    }

    /** @return the curve named {@code X25519} or {@code X448} (any case) */
    static EcdhCurve curve(String name) throws UsageException {
        try {
            return EcdhCurve.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown curve '" + name + "' (expected X25519 or X448)");
        }
    }

    /** @return the curve of a Host Identity */
    static String curveName(HostIdentity hi) {
        return EcdhCurve.fromCurveField(hi.group()).map(Enum::name).orElse("group " + hi.group());
    }

    /** @return the {@code --broker} option, checked as an MQTT URL ({@code tcp://host:port}, {@code ssl://...}) */
    static String broker(Args args) throws UsageException {
        String url = args.required("--broker");
        try {
            MqttLinkOptions.builder(url);
        } catch (IllegalArgumentException e) {
            throw new UsageException("invalid --broker '" + url + "': " + e.getMessage());
        }
        return url;
    }

    /** @return the {@code --prefix} option (default {@code ssls/v1}), checked */
    static String prefix(Args args) throws UsageException {
        String p = args.get("--prefix").orElse(org.sslskura.keyexchange.Topics.DEFAULT_PREFIX);
        try {
            return org.sslskura.keyexchange.Topics.checkPrefix(p);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage() + " (no wildcards, no leading or trailing '/')");
        }
    }
}
