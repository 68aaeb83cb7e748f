package org.sslskura.keyexchange.dex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sslskura.api.SecureSession;
import org.sslskura.api.SecurityAssociation;
import org.sslskura.crypto.SseSuite;
import org.sslskura.wire.hip.Ack;
import org.sslskura.wire.hip.EchoRequestSigned;
import org.sslskura.wire.hip.EchoResponseSigned;
import org.sslskura.wire.hip.HipConstants;
import org.sslskura.wire.hip.HipMac;
import org.sslskura.wire.hip.HipPacket;
import org.sslskura.wire.hip.Hit;
import org.sslskura.wire.hip.Notification;
import org.sslskura.wire.hip.Seq;
import org.sslskura.wire.hip.SseInfo;

/**
 * What happens once keys exist: UPDATE rekey (RFC 7402 §6.8–6.10 without DH, decisions §6.16), NOTIFY, CLOSE and
 * CLOSE_ACK, and every timer.
 */
final class MaintenanceSteps {
    private static final int ECHO_LENGTH = 8;
    private final DexEngine engine;

    MaintenanceSteps(DexEngine engine) {
        this.engine = engine;
    }

    List<DexEvent> rekey(Hit peer, long now) {
        Association a = engine.associations.get(peer);
        if (a == null || a.session == null || (a.state != DexState.ESTABLISHED && a.state != DexState.R2_SENT)
                || a.rekey != null) {
            return List.of();
        }
        SseSuite suite = a.session.outbound().suite();
        int next = a.keymatIndex + Keymat.pairLength(suite);
        if (!Keymat.fits(suite, next)) {
            List<DexEvent> out = new ArrayList<>(close(peer, now));
            out.add(new DexEvent.Failed(peer, "KEYMAT exhausted: a new base exchange is needed"));
            return out;
        }
        a.rekey = new Association.Rekey();
        a.rekey.requestedLocally = true;
        List<DexEvent> out = new ArrayList<>();
        sendOwnSseInfo(a, next, null, now, out);
        return out;
    }

    List<DexEvent> close(Hit peer, long now) {
        Association a = engine.associations.get(peer);
        if (a == null) {
            return List.of();
        }
        if (a.master == null || a.session == null) {
            engine.forget(a);
            return List.of(new DexEvent.Closed(peer));
        }
        if (a.state == DexState.CLOSING) {
            return List.of();
        }
        a.closeEcho = new byte[ECHO_LENGTH];
        engine.random.nextBytes(a.closeEcho);
        byte[] packet = HipMacs.sign(HipPacket.builder(HipConstants.CLOSE, engine.localHit(), peer)
                .add(new EchoRequestSigned(a.closeEcho)), a.master);
        a.state = DexState.CLOSING;
        a.rekey = null;
        DexConfig c = engine.config;
        a.retransmission = new Retransmission(packet, now, c.rtoMillis(), c.rtoMaxMillis(), c.updateRetriesMax());
        return List.of(new DexEvent.Send(peer, packet));
    }

    List<DexEvent> onUpdate(byte[] bytes, HipPacket update, long now) {
        Association a = engine.associations.get(update.senderHit());
        if (a == null || a.session == null || (a.state != DexState.ESTABLISHED && a.state != DexState.R2_SENT)) {
            return engine.drop(DropReason.UNEXPECTED);
        }
        if (!HipMacs.verify(bytes, update, a.master)) {
            return engine.drop(DropReason.BAD_HIP_MAC);
        }
        engine.trafficSeen(a.peer, now);
        List<DexEvent> out = new ArrayList<>();
        Optional<Ack> ack = update.find(Ack.class);
        if (ack.isPresent() && a.rekey != null && a.rekey.ownUpdateId != null
                && Arrays.stream(ack.get().updateIds()).anyMatch(id -> id == a.rekey.ownUpdateId)) {
            a.rekey.ownAcked = true;
            a.retransmission = null;
        }
        Optional<Seq> seq = update.find(Seq.class);
        if (seq.isPresent()) {
            long id = seq.get().updateId();
            if (id == a.lastPeerUpdateId && a.lastUpdateReply != null) {
                out.add(new DexEvent.Send(a.peer, a.lastUpdateReply)); // our reply was lost: repeat it
                return out;
            }
            if (id <= a.lastPeerUpdateId) {
                return engine.drop(DropReason.STALE_UPDATE);
            }
            Optional<SseInfo> info = update.find(SseInfo.class);
            if (info.isPresent() && !acceptPeerSseInfo(a, info.get())) {
                return engine.drop(DropReason.BAD_PARAMETERS);
            }
            a.lastPeerUpdateId = id;
            if (info.isPresent() && (a.rekey == null || a.rekey.ownUpdateId == null)) {
                if (a.rekey == null) {
                    a.rekey = new Association.Rekey();
                }
                recordPeer(a, info.get());
                sendOwnSseInfo(a, Math.max(a.rekey.peerIndex, nextIndex(a)), id, now, out);
            } else {
                if (info.isPresent()) {
                    recordPeer(a, info.get()); // simultaneous rekey: only acknowledge (RFC 7402 §6.9 step 3)
                }
                byte[] ackOnly = HipMacs.sign(HipPacket.builder(HipConstants.UPDATE, engine.localHit(), a.peer)
                        .add(Ack.of(id)), a.master);
                a.lastUpdateReply = ackOnly;
                out.add(new DexEvent.Send(a.peer, ackOnly));
            }
        }
        completeRekeyIfReady(a, out);
        return out;
    }

    List<DexEvent> onNotify(byte[] bytes, HipPacket notify, long now) {
        Association a = engine.associations.get(notify.senderHit());
        if (a == null) {
            return engine.drop(DropReason.UNEXPECTED);
        }
        boolean hasMac = notify.find(HipMac.class).isPresent();
        boolean keysInUse = a.session != null;
        boolean authenticated = hasMac && (a.master != null ? HipMacs.verify(bytes, notify, a.master)
                : a.attempts.stream().anyMatch(x -> HipMacs.verify(bytes, notify, x.master)));
        if ((hasMac && !authenticated) || (keysInUse && !authenticated)) {
            return engine.drop(DropReason.BAD_HIP_MAC); // once keys exist, NOTIFY must carry a valid HIP_MAC
        }
        for (Notification n : notify.findAll(Notification.class)) {
            engine.count("notify.received." + n.messageType());
            if (n.messageType() == HipConstants.NOTIFY_I2_ACKNOWLEDGEMENT && a.state == DexState.I2_SENT
                    && a.retransmission != null && n.data().length == 2) {
                if (a.i2AckHonoured) {
                    engine.count("notify.i2-ack.ignored"); // unauthenticated: one postponement per I2, no more
                    continue;
                }
                a.i2AckHonoured = true;
                long wait = Math.min(((n.data()[0] & 0xFF) << 8 | (n.data()[1] & 0xFF)),
                        engine.config.i2AckCeilingMillis());
                a.retransmission.postponeTo(now + wait + a.retransmission.rto() / 2);
            } else if (n.isError()) {
                a.lastPeerError = "peer reported NOTIFY " + n.messageType()
                        + (authenticated ? " (authenticated)" : " (unauthenticated)");
            }
        }
        return List.of();
    }

    List<DexEvent> onClose(byte[] bytes, HipPacket close, long now) {
        Association a = engine.associations.get(close.senderHit());
        if (a == null || a.master == null) {
            return engine.drop(DropReason.UNEXPECTED);
        }
        if (!HipMacs.verify(bytes, close, a.master)) {
            return engine.drop(DropReason.BAD_HIP_MAC);
        }
        Optional<EchoRequestSigned> echo = close.find(EchoRequestSigned.class);
        if (echo.isEmpty()) {
            return engine.drop(DropReason.BAD_PARAMETERS);
        }
        byte[] closeAck = HipMacs.sign(HipPacket.builder(HipConstants.CLOSE_ACK, engine.localHit(), a.peer)
                .add(new EchoResponseSigned(echo.get().opaque())), a.master);
        List<DexEvent> out = new ArrayList<>();
        out.add(new DexEvent.Send(a.peer, closeAck));
        if (a.state != DexState.CLOSED) {
            if (a.session != null) {
                engine.releaseSpi(a.session.inbound().spi());
                a.session.outbound().destroy();
                a.session.inbound().destroy();
                a.session = null;
            }
            a.retransmission = null;
            a.rekey = null;
            a.state = DexState.CLOSED;
            a.stateDeadline = now + engine.config.mslMillis();
            out.add(new DexEvent.Closed(a.peer));
        }
        return out;
    }

    List<DexEvent> onCloseAck(byte[] bytes, HipPacket closeAck, long now) {
        Association a = engine.associations.get(closeAck.senderHit());
        if (a == null || a.state != DexState.CLOSING) {
            return engine.drop(DropReason.UNEXPECTED);
        }
        if (!HipMacs.verify(bytes, closeAck, a.master)) {
            return engine.drop(DropReason.BAD_HIP_MAC);
        }
        Optional<EchoResponseSigned> echo = closeAck.find(EchoResponseSigned.class);
        if (echo.isEmpty() || !Arrays.equals(echo.get().opaque(), a.closeEcho)) {
            return engine.drop(DropReason.BAD_PARAMETERS);
        }
        engine.forget(a);
        return List.of(new DexEvent.Closed(a.peer));
    }

    void onTimers(Association a, long now, List<DexEvent> out) {
        if (a.retransmission != null && now >= a.retransmission.deadline()) {
            if (a.retransmission.fire(now)) {
                engine.count("retransmissions");
                if (a.state == DexState.I2_SENT && !a.attempts.isEmpty()) {
                    a.attempts.forEach(x -> out.add(new DexEvent.Send(a.peer, x.i2))); // every R1 answered
                } else {
                    out.add(new DexEvent.Send(a.peer, a.retransmission.packet()));
                }
            } else {
                retriesExhausted(a, now, out);
            }
        }
        if (now >= a.stateDeadline) {
            a.stateDeadline = Long.MAX_VALUE;
            switch (a.state) {
                case R2_SENT:
                    a.state = DexState.ESTABLISHED; // EC expired without traffic
                    break;
                case E_FAILED:
                case CLOSED:
                    engine.forget(a);
                    break;
                default:
                    break;
            }
        }
        long ual = engine.config.unusedAssociationLifetimeMillis();
        if (a.state == DexState.ESTABLISHED && ual > 0 && now - a.lastActivity >= ual && a.rekey == null) {
            engine.count("idle.closed");
            out.addAll(close(a.peer, now));
        }
    }

    private void retriesExhausted(Association a, long now, List<DexEvent> out) {
        a.retransmission = null;
        switch (a.state) {
            case I1_SENT:
            case I2_SENT:
                String why = "no answer to " + (a.state == DexState.I1_SENT ? "I1" : "I2") + " within the retry budget"
                        + (a.lastPeerError == null ? "" : "; " + a.lastPeerError);
                engine.fail(a, why, now, out);
                break;
            case CLOSING:
                engine.forget(a);
                out.add(new DexEvent.Closed(a.peer));
                break;
            default: // an unanswered UPDATE: the association is presumed dead (RFC 7401 §6.11 -> CLOSING)
                a.rekey = null;
                out.add(new DexEvent.Failed(a.peer, "UPDATE rekey unanswered within the retry budget"));
                out.addAll(close(a.peer, now));
                break;
        }
    }

    private void sendOwnSseInfo(Association a, int index, Long ackId, long now, List<DexEvent> out) {
        Association.Rekey r = a.rekey;
        r.ownIndex = index;
        r.ownNewSpi = engine.allocateSpi();
        r.ownUpdateId = a.nextUpdateId++;
        HipPacket.Builder b = HipPacket.builder(HipConstants.UPDATE, engine.localHit(), a.peer)
                .add(SseInfo.of(index, a.session.inbound().spi(), r.ownNewSpi))
                .add(new Seq(r.ownUpdateId));
        if (ackId != null) {
            b.add(Ack.of(ackId));
        }
        byte[] packet = HipMacs.sign(b, a.master);
        if (ackId != null) {
            a.lastUpdateReply = packet;
        }
        DexConfig c = engine.config;
        a.retransmission = new Retransmission(packet, now, c.rtoMillis(), c.rtoMaxMillis(), c.updateRetriesMax());
        out.add(new DexEvent.Send(a.peer, packet));
    }

    /** The peer's SSE_INFO must name our current outbound SPI as OLD, a valid NEW SPI, and an index that fits. */
    private boolean acceptPeerSseInfo(Association a, SseInfo info) {
        SseSuite suite = a.session.outbound().suite();
        return info.oldSpi() == a.session.outbound().spi() && DexEngine.validSpi(info.newSpi())
                && info.keymatIndex() >= nextIndex(a) && Keymat.fits(suite, info.keymatIndex());
    }

    private void recordPeer(Association a, SseInfo info) {
        a.rekey.peerIndex = info.keymatIndex();
        a.rekey.peerNewSpi = info.newSpi();
    }

    private int nextIndex(Association a) {
        return a.keymatIndex + Keymat.pairLength(a.session.outbound().suite());
    }

    private void completeRekeyIfReady(Association a, List<DexEvent> out) {
        Association.Rekey r = a.rekey;
        if (r == null || !r.ownAcked || r.peerIndex < 0) {
            return;
        }
        SecureSession previous = a.session;
        SseSuite suite = previous.outbound().suite();
        int index = Math.max(r.ownIndex, r.peerIndex);
        if (!Keymat.fits(suite, index)) {
            a.rekey = null;
            out.add(new DexEvent.Failed(a.peer, "KEYMAT exhausted: a new base exchange is needed"));
            out.addAll(close(a.peer, 0));
            return;
        }
        SecurityAssociation[] sas = a.keymat.draw(suite, index, (int) r.peerNewSpi, r.ownNewSpi);
        a.session = SecureSession.builder()
                .peers(previous.localHit(), previous.peerHit(), previous.initiator())
                .services(previous.format(), previous.compression(), previous.chunkSize(), previous.fragmentSize())
                .associations(sas[0], sas[1])
                .generation(engine.nextGeneration())
                .build();
        a.keymatIndex = index;
        a.rekey = null;
        engine.releaseSpi(previous.inbound().spi());
        engine.count("rekeys");
        out.add(new DexEvent.Rekeyed(previous, a.session));
    }
}
