package org.sslskura.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.sslskura.api.StateDirectory;
import org.sslskura.wire.hip.Hit;

/** Where the component keeps the identity when identity.directory is empty, and when it refuses to make a new one. */
class IdentityStateDirectoryTest {
    @TempDir
    Path dataArea;
    @TempDir
    Path stateRoot;

    private IdentityStoreComponent component() {
        IdentityStoreComponent c = new IdentityStoreComponent();
        c.setStateDirectory(new StateDirectory(stateRoot.resolve("ssls"), "test"));
        return c;
    }

    private static IdentityStoreConfig defaults() {
        Map<String, Object> p = new HashMap<>();
        p.put("identity.curve", "X25519");
        p.put("trust.policy", "allowlist");
        return TestStores.config(p);
    }

    /** A BundleContext that only knows its data area (wiped by a clean start: the test empties the folder). */
    private BundleContext bundleContext() {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getDataFile")) {
                        return new File(dataArea.toFile(), (String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theKeyLivesInTheStateDirectory_ownerOnly_andSurvivesACleanStart() throws Exception {
        IdentityStoreComponent first = component();
        first.activate(bundleContext(), defaults());
        Hit hit = first.hit();
        first.deactivate();
        Path dir = stateRoot.resolve("ssls/identity");
        assertTrue(Files.isRegularFile(dir.resolve(FileIdentityStore.KEY_FILE)));
        assertFalse(Files.exists(dataArea.resolve("identity")), "nothing in the data area");
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.getParent())));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(dir.resolve(FileIdentityStore.KEY_FILE))));
        }

        IdentityStoreComponent second = component();
        second.activate(bundleContext(), defaults());
        assertEquals(hit, second.hit(), "same identity after a restart");
        second.deactivate();
    }

    @Test
    void anIdentityInTheOldDataAreaIsMovedOnce() throws Exception {
        Hit old;
        try (FileIdentityStore store = TestStores.open(dataArea.resolve("identity"))) {
            old = store.hit();
        }
        IdentityStoreComponent c = component();
        c.activate(bundleContext(), defaults());
        assertEquals(old, c.hit());
        c.deactivate();
        assertFalse(Files.exists(dataArea.resolve("identity")), "moved, not copied");
        assertTrue(Files.isRegularFile(stateRoot.resolve("ssls/identity/" + FileIdentityStore.KEY_FILE)));
        if (stateRoot.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    stateRoot.resolve("ssls/identity/" + FileIdentityStore.KEY_FILE))));
        }
    }

    @Test
    void aLostKeyIsAnErrorThatSaysWhatToDo_notANewIdentity() throws Exception {
        IdentityStoreComponent first = component();
        first.activate(bundleContext(), defaults());
        first.deactivate();
        Path key = stateRoot.resolve("ssls/identity/" + FileIdentityStore.KEY_FILE);
        Files.delete(key);

        IdentityException e = assertThrows(IdentityException.class,
                () -> component().activate(bundleContext(), defaults()));
        assertTrue(e.getMessage().contains("Restore identity.key from your backup"), e.getMessage());
        assertTrue(e.getMessage().contains(FileIdentityStore.PUBLIC_FILE), e.getMessage());
        assertFalse(Files.exists(key), "nothing generated");
    }

    @Test
    void aQueueWithoutKeyIsAnError_aProvisionedPeersFileAloneIsNot() throws Exception {
        Path queue = Files.createDirectories(stateRoot.resolve("ssls/queue"));
        Files.writeString(queue.resolve("queue.log"), "x");
        IdentityException e = assertThrows(IdentityException.class,
                () -> component().activate(bundleContext(), defaults()));
        assertTrue(e.getMessage().contains(queue.toString()), e.getMessage());

        Files.delete(queue.resolve("queue.log"));
        Path identity = Files.createDirectories(stateRoot.resolve("ssls/identity"));
        Files.writeString(identity.resolve(FileIdentityStore.PEERS_FILE), "");
        IdentityStoreComponent c = component();
        c.activate(bundleContext(), defaults());
        assertTrue(Files.isRegularFile(identity.resolve(FileIdentityStore.KEY_FILE)), "first start: key generated");
        c.deactivate();
    }
}
