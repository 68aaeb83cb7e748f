package org.sslskura.kura.internal;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.message.KuraPayload;
import org.sslskura.api.IdentityStore;
import org.sslskura.api.ReceivedMessage;
import org.sslskura.api.TrustedPeer;

/** An authenticated ssls message as the KuraMessage our subscribers and connections deliver. */
final class KuraMessages {
    private KuraMessages() {
    }

    /**
     * @param identity names the sender if it is a named trusted peer; may be null
     * @return body = the message bytes; properties topic, ssls.sender, ssls.message.id and, if known,
     *         ssls.sender.name
     */
    static KuraMessage of(ReceivedMessage message, IdentityStore identity) {
        KuraPayload payload = new KuraPayload();
        payload.setTimestamp(new Date());
        payload.setBody(message.payload());
        Map<String, Object> props = new HashMap<>();
        props.put(KuraNames.MESSAGE_TOPIC, message.topic());
        props.put(KuraNames.MESSAGE_SENDER, message.from().toHex());
        props.put(KuraNames.MESSAGE_ID, message.messageId());
        if (identity != null) {
            identity.peer(message.from()).map(TrustedPeer::name).filter(n -> !n.isEmpty())
                    .ifPresent(n -> props.put(KuraNames.MESSAGE_SENDER_NAME, n));
        }
        return new KuraMessage(payload, props);
    }
}
