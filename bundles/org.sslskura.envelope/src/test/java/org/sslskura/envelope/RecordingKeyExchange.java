package org.sslskura.envelope;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sslskura.api.KeyExchange;
import org.sslskura.api.KeyExchangeListener;
import org.sslskura.api.SecureSession;
import org.sslskura.wire.hip.Hit;

/**
 * Records what the envelope asks of the key exchange (rekey, trafficSeen) and who listens. The real key exchange is
 * tested in its own module; here only the listener contract matters.
 */
final class RecordingKeyExchange implements KeyExchange {
    final List<Hit> rekeys = new CopyOnWriteArrayList<>();
    final List<CompletableFuture<SecureSession>> rekeyFutures = new CopyOnWriteArrayList<>();
    final List<Hit> traffic = new CopyOnWriteArrayList<>();
    final List<KeyExchangeListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public CompletionStage<SecureSession> connect(Hit peer) {
        return new CompletableFuture<>();
    }

    @Override
    public Optional<SecureSession> session(Hit peer) {
        return Optional.empty();
    }

    @Override
    public CompletionStage<SecureSession> reestablish(Hit peer) {
        throw new AssertionError("the envelope never re-establishes");
    }

    @Override
    public CompletionStage<SecureSession> rekey(Hit peer) {
        rekeys.add(peer);
        CompletableFuture<SecureSession> f = new CompletableFuture<>();
        rekeyFutures.add(f);
        return f;
    }

    @Override
    public CompletionStage<Void> close(Hit peer) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void trafficSeen(Hit peer) {
        traffic.add(peer);
    }

    @Override
    public void addListener(KeyExchangeListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(KeyExchangeListener listener) {
        listeners.remove(listener);
    }

    @Override
    public Map<String, Long> counters() {
        return Map.of();
    }
}
