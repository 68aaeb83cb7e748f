package org.sslskura.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.sslskura.mqtt.Links.TIMEOUT_SECONDS;

import java.io.File;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.sslskura.api.StateDirectory;
import org.sslskura.mqtt.Inbox;
import org.sslskura.mqtt.Links;
import org.sslskura.mqtt.MqttLinkException;
import org.sslskura.mqtt.MqttLinkOptions;
import org.sslskura.mqtt.PahoMessageLink;
import org.sslskura.testing.Broker;
import org.sslskura.testing.Brokers;
import org.sslskura.testing.ComponentConfigs;

/** The DS component driven as SCR would: activate, modified, deactivate with a configuration proxy. */
class MqttLinkComponentTest {

    @TempDir
    Path dataArea;
    @TempDir
    Path stateRoot;

    @Test
    void modifiedReconnectsToTheNewBrokerAndKeepsTheSubscriptions() throws Exception {
        String topic = Links.uniqueTopic("component");
        String reply = Links.uniqueTopic("component-reply");
        try (Broker first = Brokers.moquette().start();
                Broker second = Brokers.moquette().start();
                PahoMessageLink peerOnFirst = Links.started(first.url());
                PahoMessageLink peerOnSecond = Links.started(second.url())) {
            MqttLinkComponent component = component();
            component.activate(bundleContext(), config(Map.of("broker.url", first.url())));
            Inbox inbox = new Inbox();
            AutoCloseable subscription = component.subscribe(topic, inbox);
            Links.awaitRoute(peerOnFirst, topic, inbox);
            String clientId = component.options().clientId();

            component.modified(config(Map.of("broker.url", second.url())));
            assertEquals(second.url(), component.options().brokerUrl());
            assertEquals(clientId, component.options().clientId(), "the generated client id is kept");
            Links.awaitRoute(peerOnSecond, topic, inbox);
            Links.awaitConnected(component);

            Inbox replies = new Inbox();
            peerOnSecond.subscribe(reply, replies).acknowledged().toCompletableFuture()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            component.publish(reply, new byte[] {42}).toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertArrayEquals(new byte[] {42}, replies.next(TIMEOUT_SECONDS).payload);

            peerOnFirst.publish(topic, new byte[] {1}).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertNull(inbox.poll(300), "the link to the first broker is gone");

            subscription.close();
            peerOnSecond.publish(topic, new byte[] {2}).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertNull(inbox.poll(300), "a closed subscription receives nothing");

            component.deactivate();
            assertFalse(component.isConnected());
            CompletionStage<Void> late = component.publish(reply, new byte[] {3});
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> late.toCompletableFuture().get(1, TimeUnit.SECONDS));
            assertInstanceOf(MqttLinkException.class, e.getCause());
            assertThrows(IllegalStateException.class, () -> component.subscribe(topic, inbox));
        }
    }

    @Test
    void anUnchangedConfigurationKeepsTheLink() throws Exception {
        try (Broker broker = Brokers.moquette().start()) {
            MqttLinkComponent component = component();
            component.activate(bundleContext(), config(Map.of("broker.url", broker.url(), "client.id", "fixed-id")));
            MqttLinkOptions before = component.options();
            component.modified(config(Map.of("broker.url", broker.url(), "client.id", "fixed-id")));
            assertSame(before, component.options());
            component.modified(config(Map.of("broker.url", broker.url(), "client.id", "fixed-id", "qos", 0)));
            assertEquals(0, component.options().qos());
            assertEquals("fixed-id", component.options().clientId());
            component.deactivate();
        }
    }

    @Test
    void theGeneratedClientIdIsRememberedAcrossRestarts() throws Exception {
        MqttLinkComponent first = component();
        first.activate(bundleContext(), config(Map.of("broker.url", "tcp://127.0.0.1:1")));
        String id = first.options().clientId();
        first.deactivate();
        assertTrue(id.startsWith(MqttLinkOptions.CLIENT_ID_PREFIX), id);
        Path file = stateRoot.resolve(MqttLinkComponent.CLIENT_ID_FILE);
        assertEquals(id, Files.readString(file).trim());
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }

        // a clean framework start: the data area is empty, the state directory is not
        MqttLinkComponent second = component();
        second.activate(bundleContext(), config(Map.of("broker.url", "tcp://127.0.0.1:1")));
        assertEquals(id, second.options().clientId());
        second.deactivate();
    }

    @Test
    void anIdAnEarlierVersionKeptInTheDataAreaIsMovedToTheStateDirectory() throws Exception {
        Files.writeString(dataArea.resolve(MqttLinkComponent.CLIENT_ID_FILE), "ssls-0123456789abcdef\n");
        MqttLinkComponent c = component();
        c.activate(bundleContext(), config(Map.of("broker.url", "tcp://127.0.0.1:1")));
        assertEquals("ssls-0123456789abcdef", c.options().clientId());
        c.deactivate();
        assertFalse(Files.exists(dataArea.resolve(MqttLinkComponent.CLIENT_ID_FILE)));
        assertEquals("ssls-0123456789abcdef", Files.readString(stateRoot.resolve(MqttLinkComponent.CLIENT_ID_FILE))
                .trim());
    }

    private MqttLinkComponent component() {
        MqttLinkComponent c = new MqttLinkComponent();
        c.setStateDirectory(new StateDirectory(stateRoot, "test"));
        return c;
    }

    @Test
    void anInvalidConfigurationPreventsActivation() {
        MqttLinkComponent component = new MqttLinkComponent();
        assertThrows(IllegalArgumentException.class,
                () -> component.activate(bundleContext(), config(Map.of("broker.url", "http://x:1883"))));
        assertThrows(IllegalArgumentException.class,
                () -> component.activate(bundleContext(), config(Map.of("qos", 2))));
        assertThrows(IllegalArgumentException.class,
                () -> component.activate(bundleContext(), config(Map.of("max.inflight", 0))));
        assertFalse(component.isConnected());
    }

    @Test
    void thePasswordGoesThroughTheDecoderAndOnlyWithAUsername() {
        MqttLinkConfig withUser = config(Map.of("username", "gateway", "password", "ENC(terces)"));
        MqttLinkOptions options = MqttLinkComponent.options(withUser, "id",
                stored -> new StringBuilder(stored.substring(4, stored.length() - 1)).reverse().toString()
                        .toCharArray());
        assertEquals("gateway", options.username().orElseThrow());
        assertArrayEquals("secret".toCharArray(), options.password().orElseThrow());

        MqttLinkConfig withoutUser = config(Map.of("password", "ignored"));
        MqttLinkOptions anonymous = MqttLinkComponent.options(withoutUser, "id", stored -> {
            throw new AssertionError("no username: the password is not used");
        });
        assertTrue(anonymous.username().isEmpty());
        assertTrue(anonymous.password().isEmpty());
    }

    @Test
    void aRegisteredDecoderReplacesTheIdentityUntilItGoes() throws Exception {
        MqttLinkComponent component = new MqttLinkComponent();
        org.sslskura.mqtt.PasswordDecoder upperCase = stored -> stored.toUpperCase().toCharArray();
        component.setPasswordDecoder(upperCase);
        Map<String, Object> values = new HashMap<>();
        values.put("broker.url", "tcp://127.0.0.1:1");
        values.put("username", "u");
        values.put("password", "abc");
        component.activate(bundleContext(), config(values));
        assertArrayEquals("ABC".toCharArray(), component.options().password().orElseThrow());
        component.deactivate();

        component.unsetPasswordDecoder(upperCase);
        component.activate(bundleContext(), config(values));
        assertArrayEquals("abc".toCharArray(), component.options().password().orElseThrow());
        component.deactivate();
    }

    /** A proxy of the configuration annotation, as SCR builds it (see {@link ComponentConfigs}). */
    static MqttLinkConfig config(Map<String, Object> values) {
        return ComponentConfigs.of(MqttLinkConfig.class, values);
    }

    /** A BundleContext that only knows its data area. */
    private BundleContext bundleContext() {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getDataFile")) {
                        return new File(dataArea.toFile(), (String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
