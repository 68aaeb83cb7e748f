package org.sslskura.wire.hip;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of valid typed parameters, one per parameter type, small enough that several fit a packet. */
final class HipArbitraries {
    private HipArbitraries() {
    }

    static Arbitrary<byte[]> bytes(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max);
    }

    private static Arbitrary<Integer> u(int bits) {
        return Arbitraries.integers().between(0, (1 << bits) - 1);
    }

    private static Arbitrary<Long> u32() {
        return Arbitraries.longs().between(0, 0xFFFFFFFFL);
    }

    private static Arbitrary<int[]> ids(int bits) {
        return u(bits).array(int[].class).ofMinSize(1).ofMaxSize(HipConstants.MAX_LIST_ENTRIES);
    }

    static Arbitrary<HostIdentity> hostIdentity() {
        Arbitrary<HostIdentity> x25519 = bytes(32, 32).map(k -> HostIdentity.of(12, k));
        Arbitrary<HostIdentity> x448 = bytes(56, 56).map(k -> HostIdentity.of(13, k));
        return Arbitraries.oneOf(x25519, x448);
    }

    /** One generator per parameter type the codec knows, plus unknown non-critical ones. */
    static List<Arbitrary<? extends HipParameter>> perType() {
        return List.of(
                Combinators.combine(u(16), u(16), u32(), u32()).as(SseInfo::new),
                Combinators.combine(u(16), ids(16)).as(GpcompInfo::of),
                Combinators.combine(u(16), Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers()
                        .between(SslsInfo.MIN_FRAGMENT_SIZE, 0xFFFF))).as(SslsInfo::new),
                Combinators.combine(u32(), Arbitraries.longs()).as(R1Counter::new),
                Combinators.combine(u(8), u(8), u(16), bytes(16, 16)).as(Puzzle::new),
                Combinators.combine(u(8), u(8), u(16), bytes(16, 16), bytes(16, 16)).as(Solution::new),
                u32().map(Seq::new),
                u32().array(long[].class).ofMinSize(1).ofMaxSize(10).map(Ack::of),
                ids(8).map(DhGroupList::of),
                ids(16).map(HipCipher::of),
                bytes(8, 32).map(EncryptedKey::new),
                bytes(32, 32).map(INonce::new),
                Combinators.combine(hostIdentity(), u(4), bytes(0, 16)).as(HostId::withDomainIdentifier),
                ids(8).map(HitSuiteList::of),
                Combinators.combine(u(16), u(16), bytes(0, 40)).as(Notification::new),
                bytes(0, 40).map(EchoRequestSigned::new),
                bytes(0, 40).map(EchoResponseSigned::new),
                ids(16).map(TransportFormatList::of),
                ids(16).map(SseTransform::of),
                ids(16).map(SseFormatList::of),
                bytes(16, 16).map(HipMac::new),
                bytes(0, 40).map(EchoResponseUnsigned::new),
                bytes(0, 40).map(EchoRequestUnsigned::new),
                Combinators.combine(Arbitraries.integers().between(0, 0x7FFF).map(t -> 2 * t)
                        .filter(t -> !HipParameters.isKnown(t)), bytes(0, 40)).as(UnknownParameter::new));
    }

    @SuppressWarnings("unchecked")
    static Arbitrary<HipParameter> anyParameter() {
        return Arbitraries.oneOf(perType().stream().map(a -> (Arbitrary<HipParameter>) a).toList());
    }

    static Arbitrary<Hit> hit() {
        return bytes(16, 16).map(Hit::of);
    }

    static Arbitrary<Integer> packetType() {
        return Arbitraries.of(HipConstants.I1, HipConstants.R1, HipConstants.I2, HipConstants.R2,
                HipConstants.UPDATE, HipConstants.NOTIFY, HipConstants.CLOSE, HipConstants.CLOSE_ACK);
    }

    static Arbitrary<HipPacket> packet() {
        Arbitrary<List<HipParameter>> params = anyParameter().list().ofMaxSize(10)
                .uniqueElements(HipParameter::type);
        Arbitrary<Integer> controls = u(16).map(c -> c & ~HipConstants.CONTROL_ANONYMOUS);
        return Combinators.combine(packetType(), controls, hit(), hit(), params).as((t, c, s, r, ps) -> {
            HipPacket.Builder b = HipPacket.builder(t, s, r).controls(c);
            ps.forEach(b::add);
            return b.build();
        });
    }
}
