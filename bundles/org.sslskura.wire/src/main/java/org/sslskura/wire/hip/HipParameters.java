package org.sslskura.wire.hip;

import java.util.Map;
import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;

/**
 * The parameter types this codec understands, and the decoding of Contents into typed parameters. Unknown even
 * (non-critical) types become {@link UnknownParameter}; unknown odd (critical) types are rejected
 * (RFC 7401 §5.2.1, decisions §6.17). ESP_INFO and ESP_TRANSFORM are deliberately unknown: this project carries SSE.
 */
public final class HipParameters {
    private interface Decoder {
        HipParameter decode(ByteReader contents) throws WireException;
    }

    private static final class Spec {
        final Decoder decoder;
        final boolean repeatable;

        Spec(Decoder decoder, boolean repeatable) {
            this.decoder = decoder;
            this.repeatable = repeatable;
        }
    }

    private static final Map<Integer, Spec> SPECS = Map.ofEntries(
            Map.entry(HipConstants.SSE_INFO, new Spec(SseInfo::decode, false)),
            Map.entry(HipConstants.GPCOMP_INFO, new Spec(GpcompInfo::decode, false)),
            Map.entry(HipConstants.SSLS_INFO, new Spec(SslsInfo::decode, false)),
            Map.entry(HipConstants.R1_COUNTER, new Spec(R1Counter::decode, false)),
            Map.entry(HipConstants.PUZZLE, new Spec(Puzzle::decode, false)),
            Map.entry(HipConstants.SOLUTION, new Spec(Solution::decode, false)),
            Map.entry(HipConstants.SEQ, new Spec(Seq::decode, false)),
            Map.entry(HipConstants.ACK, new Spec(Ack::decode, false)),
            Map.entry(HipConstants.DH_GROUP_LIST, new Spec(DhGroupList::decode, false)),
            Map.entry(HipConstants.HIP_CIPHER, new Spec(HipCipher::decode, false)),
            Map.entry(HipConstants.ENCRYPTED_KEY, new Spec(EncryptedKey::decode, false)),
            Map.entry(HipConstants.I_NONCE, new Spec(INonce::decode, false)),
            Map.entry(HipConstants.HOST_ID, new Spec(HostId::decode, false)),
            Map.entry(HipConstants.HIT_SUITE_LIST, new Spec(HitSuiteList::decode, false)),
            Map.entry(HipConstants.NOTIFICATION, new Spec(Notification::decode, true)),
            Map.entry(HipConstants.ECHO_REQUEST_SIGNED, new Spec(EchoRequestSigned::decode, false)),
            Map.entry(HipConstants.ECHO_RESPONSE_SIGNED, new Spec(EchoResponseSigned::decode, false)),
            Map.entry(HipConstants.TRANSPORT_FORMAT_LIST, new Spec(TransportFormatList::decode, false)),
            Map.entry(HipConstants.SSE_TRANSFORM, new Spec(SseTransform::decode, false)),
            Map.entry(HipConstants.SSE_FORMAT, new Spec(SseFormatList::decode, false)),
            Map.entry(HipConstants.HIP_MAC, new Spec(HipMac::decode, false)),
            Map.entry(HipConstants.ECHO_RESPONSE_UNSIGNED, new Spec(EchoResponseUnsigned::decode, true)),
            Map.entry(HipConstants.ECHO_REQUEST_UNSIGNED, new Spec(EchoRequestUnsigned::decode, true)));

    private HipParameters() {
    }

    /** @return true if this codec has a typed class for {@code type} */
    public static boolean isKnown(int type) {
        return SPECS.containsKey(type);
    }

    /**
     * @return true if parameters of {@code type} may appear more than once in a packet (NOTIFICATION, the unsigned
     *         ECHOs, and unknown non-critical types, which are ignored anyway)
     */
    public static boolean isRepeatable(int type) {
        Spec spec = SPECS.get(type);
        return spec == null || spec.repeatable;
    }

    /**
     * @param type the parameter type, 0..65535
     * @param buf the buffer holding the Contents
     * @param off the first Contents byte
     * @param len the Contents length
     * @return the typed parameter, or {@link UnknownParameter} for an unknown non-critical type
     * @throws WireException on an unknown critical type or malformed Contents
     */
    public static HipParameter decode(int type, byte[] buf, int off, int len) throws WireException {
        if (type < 0 || type > 0xFFFF) {
            throw new WireException(WireException.Reason.BAD_VALUE, "parameter type " + type);
        }
        return decode(type, ByteReader.of(buf, off, len));
    }

    static HipParameter decode(int type, ByteReader contents) throws WireException {
        Spec spec = SPECS.get(type);
        HipParameter p;
        if (spec != null) {
            p = spec.decoder.decode(contents);
        } else if ((type & 1) != 0) {
            throw new WireException(WireException.Reason.UNKNOWN_CRITICAL, "parameter type " + type);
        } else {
            p = UnknownParameter.decode(type, contents);
        }
        contents.expectEnd("parameter " + type);
        return p;
    }

    /**
     * Order rule of RFC 7401 §5.2.1 for a parameter of {@code type} following one of {@code previous} (-1 for none).
     *
     * @return null if allowed, else {@link WireException.Reason#OUT_OF_ORDER} or {@link WireException.Reason#DUPLICATE}
     */
    static WireException.Reason orderProblem(int previous, int type) {
        if (type < previous) {
            return WireException.Reason.OUT_OF_ORDER;
        }
        if (type == previous && !isRepeatable(type)) {
            return WireException.Reason.DUPLICATE;
        }
        return null;
    }
}
