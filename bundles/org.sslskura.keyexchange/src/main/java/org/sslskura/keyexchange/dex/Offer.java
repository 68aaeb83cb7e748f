package org.sslskura.keyexchange.dex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sslskura.crypto.SseSuite;
import org.sslskura.wire.hip.DhGroupList;
import org.sslskura.wire.hip.GpcompInfo;
import org.sslskura.wire.hip.HipCipher;
import org.sslskura.wire.hip.HipConstants;
import org.sslskura.wire.hip.HipPacket;
import org.sslskura.wire.hip.HipParameter;
import org.sslskura.wire.hip.HitSuiteList;
import org.sslskura.wire.hip.SseFormatList;
import org.sslskura.wire.hip.SseTransform;
import org.sslskura.wire.hip.TransportFormatList;
import org.sslskura.wire.sse.SseFormat;

/**
 * The responder's offer lists, built deterministically from the configuration so that R2 can repeat R1 byte for byte
 * without keeping state between them (decisions §6.11, §6.12).
 */
final class Offer {
    /** GPCOMP_INFO CPI: a fixed non-zero value naming the DEFLATE compression association. */
    static final int CPI = 1;
    /** The parameter types R2 repeats from R1 and the initiator compares (presence included). */
    static final Set<Integer> DOWNGRADE_CHECKED = Set.of(HipConstants.DH_GROUP_LIST, HipConstants.HIP_CIPHER,
            HipConstants.HIT_SUITE_LIST, HipConstants.TRANSPORT_FORMAT_LIST, HipConstants.SSE_TRANSFORM,
            HipConstants.SSE_FORMAT, HipConstants.GPCOMP_INFO);

    private Offer() {
    }

    /** @return the R1 lists the responder offers (and R2 repeats) */
    static List<HipParameter> lists(DexConfig config, int dhGroup) {
        List<HipParameter> out = new ArrayList<>();
        out.add(DhGroupList.of(dhGroup));
        out.add(HipCipher.of(HipConstants.HIP_CIPHER_AES_128_CTR));
        out.add(HitSuiteList.of(HipConstants.HIT_SUITE_ID_DEX));
        out.add(TransportFormatList.of(HipConstants.TF_SSE));
        out.add(SseTransform.of(config.suites().stream().mapToInt(SseSuite::id).toArray()));
        out.add(SseFormatList.of(config.formats().stream().mapToInt(SseFormat::id).toArray()));
        if (config.compression()) {
            out.add(GpcompInfo.of(CPI, HipConstants.GPCOMP_DEFLATE));
        }
        return out;
    }

    /** @return the contents of the downgrade-checked parameters of a received R1 or R2, by type */
    static Map<Integer, byte[]> checkedContents(HipPacket packet) {
        Map<Integer, byte[]> out = new HashMap<>();
        for (HipParameter p : packet.parameters()) {
            if (DOWNGRADE_CHECKED.contains(p.type())) {
                out.put(p.type(), p.contents());
            }
        }
        return out;
    }

    /** @return true if both maps hold the same types with byte-identical contents */
    static boolean sameOffer(Map<Integer, byte[]> r1, Map<Integer, byte[]> r2) {
        if (!r1.keySet().equals(r2.keySet())) {
            return false;
        }
        for (Map.Entry<Integer, byte[]> e : r1.entrySet()) {
            if (!Arrays.equals(e.getValue(), r2.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
