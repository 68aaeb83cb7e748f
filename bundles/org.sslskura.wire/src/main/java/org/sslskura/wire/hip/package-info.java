/**
 * HIP DEX wire codec (draft-ietf-hip-dex-24 on RFC 7401/7402, with the SSLS parameters): the 40-byte header and
 * TLV rules ({@link org.sslskura.wire.hip.HipPacket}), typed parameters ({@link org.sslskura.wire.hip.HipParameter}
 * and its implementations), code points ({@link org.sslskura.wire.hip.HipConstants}), Host Identity and HIT
 * derivation ({@link org.sslskura.wire.hip.HostIdentity}, {@link org.sslskura.wire.hip.Hit}), the HIP_MAC input
 * and the RFC 7401 checksum. No cryptography beyond FOLD; no protocol state.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.sslskura.wire.hip;
