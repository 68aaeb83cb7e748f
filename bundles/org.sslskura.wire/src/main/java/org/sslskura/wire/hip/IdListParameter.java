package org.sslskura.wire.hip;

import java.util.Arrays;
import org.sslskura.wire.ByteReader;
import org.sslskura.wire.WireException;
import org.sslskura.wire.internal.ByteWriter;
import org.sslskura.wire.internal.Check;

/**
 * Base of the negotiation lists: an optional 16-bit leading field (Reserved, or the CPI of GPCOMP_INFO) followed by
 * one or more ids of 8 or 16 bits. At most {@value HipConstants#MAX_LIST_ENTRIES} ids are sent; on receipt the
 * whole list is kept (so {@link #contents()} equals the bytes received, for the R2 vs R1 comparison of decisions
 * §6.12) but {@link #ids()} offers only the first six (§6.11).
 */
public abstract class IdListParameter implements HipParameter {
    /** Shape of one list parameter. */
    static final class Layout {
        final int type;
        final String name;
        final int width;
        final boolean prefixed;

        Layout(int type, String name, int width, boolean prefixed) {
            this.type = type;
            this.name = name;
            this.width = width;
            this.prefixed = prefixed;
        }
    }

    /** Builds the concrete class from decoded fields. */
    interface Factory<T> {
        T make(int prefix, int[] ids);
    }

    private final Layout layout;
    private final int prefix;
    private final int[] ids;

    /**
     * @param sending true for a list built locally: at most six entries
     * @throws IllegalArgumentException on an empty or too long list or a value that does not fit its field
     */
    IdListParameter(Layout layout, int prefix, int[] ids, boolean sending) {
        if (ids == null || ids.length == 0 || sending && ids.length > HipConstants.MAX_LIST_ENTRIES) {
            throw new IllegalArgumentException(layout.name + " needs 1.." + HipConstants.MAX_LIST_ENTRIES + " ids");
        }
        for (int id : ids) {
            Check.unsigned(layout.name + " id", id, 8 * layout.width);
        }
        this.layout = layout;
        this.prefix = Check.unsigned(layout.name + " leading field", prefix, 16);
        this.ids = ids.clone();
    }

    static <T> T decode(ByteReader r, Layout layout, Factory<T> factory) throws WireException {
        int prefix = 0;
        if (layout.prefixed) {
            Tlv.requireLength(r, 2 + layout.width, Integer.MAX_VALUE, layout.name);
            prefix = r.u16();
        }
        int[] ids = new int[Tlv.entries(r, layout.width, layout.name)];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = layout.width == 1 ? r.u8() : r.u16();
        }
        return factory.make(prefix, ids);
    }

    @Override
    public final int type() {
        return layout.type;
    }

    /** @return the ids in preference order, cut to the first six */
    public final int[] ids() {
        return Arrays.copyOf(ids, Math.min(ids.length, HipConstants.MAX_LIST_ENTRIES));
    }

    /** @return every id as received, including any beyond the sixth */
    public final int[] allIds() {
        return ids.clone();
    }

    /** @return true if {@code id} is among {@link #ids()} */
    public final boolean offers(int id) {
        for (int i = 0; i < Math.min(ids.length, HipConstants.MAX_LIST_ENTRIES); i++) {
            if (ids[i] == id) {
                return true;
            }
        }
        return false;
    }

    /** @return the 16-bit leading field (0 for lists without one) */
    final int prefix() {
        return prefix;
    }

    @Override
    public final byte[] contents() {
        ByteWriter w = new ByteWriter((layout.prefixed ? 2 : 0) + ids.length * layout.width);
        if (layout.prefixed) {
            w.u16(prefix);
        }
        for (int id : ids) {
            if (layout.width == 1) {
                w.u8(id);
            } else {
                w.u16(id);
            }
        }
        return w.toByteArray();
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && prefix == ((IdListParameter) o).prefix
                && Arrays.equals(ids, ((IdListParameter) o).ids);
    }

    @Override
    public final int hashCode() {
        return 31 * prefix + Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return layout.name + (layout.prefixed ? "[" + prefix + "]" : "") + Arrays.toString(ids);
    }
}
