package org.sslskura.api;

import java.util.Objects;
import org.sslskura.wire.hip.HostIdentity;
import org.sslskura.wire.hip.Hit;

/** A peer authorised by its Host Identity; the HIT is always derived from the HI, never taken on trust. */
public final class TrustedPeer {
    private final String name;
    private final HostIdentity hostIdentity;
    private final Hit hit;

    /**
     * @param name a local name for the peer (may be empty, never null)
     * @param hostIdentity the peer's HI
     */
    public TrustedPeer(String name, HostIdentity hostIdentity) {
        this.name = Objects.requireNonNull(name, "name");
        this.hostIdentity = Objects.requireNonNull(hostIdentity, "hostIdentity");
        this.hit = hostIdentity.hit();
    }

    /** @return the local name, possibly empty */
    public String name() {
        return name;
    }

    /** @return the Host Identity */
    public HostIdentity hostIdentity() {
        return hostIdentity;
    }

    /** @return the HIT folded from the HI */
    public Hit hit() {
        return hit;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustedPeer && name.equals(((TrustedPeer) o).name)
                && hostIdentity.equals(((TrustedPeer) o).hostIdentity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, hostIdentity);
    }

    @Override
    public String toString() {
        return (name.isEmpty() ? "" : name + " ") + hit.toHex();
    }
}
