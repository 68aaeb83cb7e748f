package org.sslskura.crypto.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** XOR of a keystream into data, eight bytes at a time. */
final class XorKeystream {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private XorKeystream() {
    }

    /** out[outOff+i] = in[inOff+i] ^ ks[ksOff+i] for i in [0, len); out may be in at the same offset. */
    static void xor(byte[] in, int inOff, byte[] ks, int ksOff, byte[] out, int outOff, int len) {
        int i = 0;
        for (; i + 8 <= len; i += 8) {
            long v = (long) LONGS.get(in, inOff + i) ^ (long) LONGS.get(ks, ksOff + i);
            LONGS.set(out, outOff + i, v);
        }
        for (; i < len; i++) {
            out[outOff + i] = (byte) (in[inOff + i] ^ ks[ksOff + i]);
        }
    }
}
