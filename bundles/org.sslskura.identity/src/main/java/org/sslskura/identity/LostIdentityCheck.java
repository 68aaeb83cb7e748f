package org.sslskura.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Refuses to generate a key where an identity existed before: collectors trust the old HIT, learned peers and queued
 * messages belong to it, so a silent new identity would cut the device off without anyone noticing. The traces of an
 * earlier identity are {@code identity.pub} (written at every open from the key), {@code learned-peers}, the
 * {@code archive} of rotated keys, and any non-empty dependent state (the outbound queue, the delivered-ids journal). A
 * {@code peers} file alone is not a trace: an administrator may provision it before the first start.
 */
final class LostIdentityCheck {

    private LostIdentityCheck() {
    }

    /**
     * @param directory the identity directory, whose {@code identity.key} is missing
     * @param dependentState files or directories created under the identity
     * @throws IdentityException naming the traces and what to do, if there are any
     */
    static void requireNoTraces(Path directory, List<Path> dependentState) throws IdentityException {
        List<Path> traces = new ArrayList<>();
        for (String name : List.of(FileIdentityStore.PUBLIC_FILE, FileIdentityStore.LEARNED_PEERS_FILE,
                FileIdentityStore.ARCHIVE_DIR)) {
            Path p = directory.resolve(name);
            if (Files.exists(p)) {
                traces.add(p);
            }
        }
        for (Path p : dependentState) {
            if (holdsSomething(p)) {
                traces.add(p);
            }
        }
        if (!traces.isEmpty()) {
            Path key = directory.resolve(FileIdentityStore.KEY_FILE);
            throw new IdentityException(key + " is missing, but " + traces + " show that this device had an"
                    + " identity: no new one is generated, because collectors trust the old HIT. Restore "
                    + FileIdentityStore.KEY_FILE + " from your backup into " + directory + " (mode 0600; an older key"
                    + " may be in " + directory.resolve(FileIdentityStore.ARCHIVE_DIR) + "). To start over with a new"
                    + " identity instead (every collector must then trust the new HIT, and queued messages are"
                    + " lost), move those files and directories away and restart.");
        }
    }

    private static boolean holdsSomething(Path p) throws IdentityException {
        try {
            if (Files.isDirectory(p)) {
                try (Stream<Path> entries = Files.list(p)) {
                    return entries.anyMatch(LostIdentityCheck::nonEmpty);
                }
            }
            return nonEmpty(p);
        } catch (IOException e) {
            throw new IdentityException("cannot inspect " + p + ": " + e, e);
        }
    }

    private static boolean nonEmpty(Path p) {
        try {
            return Files.isDirectory(p) || (Files.isRegularFile(p) && Files.size(p) > 0);
        } catch (IOException e) {
            return true; // unreadable: treat as state, so that nothing is generated over it
        }
    }
}
