package org.sslskura.wire.hip;

/**
 * Every HIP DEX / SSLS code point and size limit used by this project, in one place.
 * <p>
 * Values marked <b>PROVISIONAL</b> are not assigned by IANA: they are the values suggested by draft-ietf-hip-dex-24
 * (decisions §1.1, gaps G1/G2) or chosen by this project for the SSLS parameters (S1, S2). Everything else is
 * registered (RFC 7401, RFC 7343, RFC 9028). A peer built from a later draft may use different numbers; change them
 * only here.
 */
public final class HipConstants {
    private HipConstants() {
    }

    // ---- header (RFC 7401 §5.1) ----
    /** Length of the fixed HIP header. */
    public static final int HEADER_LENGTH = 40;
    /** Largest HIP packet: Header Length 255 gives (255 + 1) * 8 bytes. */
    public static final int MAX_PACKET_LENGTH = 2048;
    /** Largest total size of the parameters of one packet. */
    public static final int MAX_PARAMETERS_LENGTH = MAX_PACKET_LENGTH - HEADER_LENGTH;
    /** Next Header value: IPPROTO_NONE. */
    public static final int NEXT_HEADER_NONE = 59;
    /** HIP version. */
    public static final int VERSION = 2;
    /** Byte 3 of the header: version 2, reserved 0, fixed bit 1. */
    public static final int VERSION_BYTE = VERSION << 4 | 1;
    /** Control bit A (anonymous), never sent, drops the packet on receipt (G25). */
    public static final int CONTROL_ANONYMOUS = 0x0001;
    /** IP protocol number of HIP, used in the checksum pseudo-header. */
    public static final int IP_PROTOCOL_HIP = 139;
    /** UDP port of RFC 9028 encapsulation (optional binding, decisions §3.5). */
    public static final int UDP_PORT = 10500;

    // ---- packet types (RFC 7401 §5.3) ----
    /** I1. */
    public static final int I1 = 1;
    /** R1. */
    public static final int R1 = 2;
    /** I2. */
    public static final int I2 = 3;
    /** R2. */
    public static final int R2 = 4;
    /** UPDATE. */
    public static final int UPDATE = 16;
    /** NOTIFY. */
    public static final int NOTIFY = 17;
    /** CLOSE. */
    public static final int CLOSE = 18;
    /** CLOSE_ACK. */
    public static final int CLOSE_ACK = 19;

    // ---- parameter types (RFC 7401 §5.2, RFC 7402, DEX-24, SSLS; ascending) ----
    /** ESP_INFO (RFC 7402); not supported, listed for reference. */
    public static final int ESP_INFO = 65;
    /** SSE_INFO. PROVISIONAL (S1), critical. */
    public static final int SSE_INFO = 67;
    /** GPCOMP_INFO. PROVISIONAL (S1), non-critical. */
    public static final int GPCOMP_INFO = 68;
    /** SSLS_INFO. PROVISIONAL (S1), non-critical. */
    public static final int SSLS_INFO = 70;
    /** R1_COUNTER. */
    public static final int R1_COUNTER = 129;
    /** PUZZLE. */
    public static final int PUZZLE = 257;
    /** SOLUTION. */
    public static final int SOLUTION = 321;
    /** SEQ. */
    public static final int SEQ = 385;
    /** ACK. */
    public static final int ACK = 449;
    /** DH_GROUP_LIST. */
    public static final int DH_GROUP_LIST = 511;
    /** HIP_CIPHER. */
    public static final int HIP_CIPHER = 579;
    /** ENCRYPTED_KEY. PROVISIONAL (DEX-24 TBD1). */
    public static final int ENCRYPTED_KEY = 643;
    /** I_NONCE. PROVISIONAL (DEX-24 TBD6), non-critical yet mandatory in I2/R2 (G10). */
    public static final int I_NONCE = 644;
    /** HOST_ID. */
    public static final int HOST_ID = 705;
    /** HIT_SUITE_LIST. */
    public static final int HIT_SUITE_LIST = 715;
    /** NOTIFICATION (non-critical). */
    public static final int NOTIFICATION = 832;
    /** ECHO_REQUEST_SIGNED. */
    public static final int ECHO_REQUEST_SIGNED = 897;
    /** ECHO_RESPONSE_SIGNED. */
    public static final int ECHO_RESPONSE_SIGNED = 961;
    /** TRANSPORT_FORMAT_LIST. */
    public static final int TRANSPORT_FORMAT_LIST = 2049;
    /** ESP_TRANSFORM (RFC 7402); not supported, listed for reference. */
    public static final int ESP_TRANSFORM = 4095;
    /** SSE_TRANSFORM. PROVISIONAL (SSE-05 §7.2 suggestion, S1). Also the TF type of SSE (G23). */
    public static final int SSE_TRANSFORM = 4101;
    /** SSE_FORMAT. PROVISIONAL (S1). */
    public static final int SSE_FORMAT = 4103;
    /** HIP_MAC; the HIP_MAC input covers all parameters with a lower type (RFC 7401 §6.4.1). */
    public static final int HIP_MAC = 61505;
    /** ECHO_RESPONSE_UNSIGNED. */
    public static final int ECHO_RESPONSE_UNSIGNED = 63425;
    /** ECHO_REQUEST_UNSIGNED. */
    public static final int ECHO_REQUEST_UNSIGNED = 63661;

    // ---- transport format (TF) types (RFC 7401 §5.2.11, G23) ----
    /** TF type naming SSE: the SSE_TRANSFORM parameter type. PROVISIONAL. */
    public static final int TF_SSE = SSE_TRANSFORM;

    // ---- DH groups, HIT suites, ciphers, HI algorithms ----
    /** DH group Curve25519 with CKDF. PROVISIONAL (DEX-24 TBD7). */
    public static final int DH_GROUP_X25519 = 12;
    /** DH group Curve448 with CKDF. PROVISIONAL (DEX-24 TBD8). */
    public static final int DH_GROUP_X448 = 13;
    /** HOST_ID ECC curve label of the DEX-24 table for Curve25519; accepted as a synonym of 12 (G4). */
    public static final int CURVE_LABEL_X25519_ALT = 5;
    /** HOST_ID ECC curve label of the DEX-24 table for Curve448; accepted as a synonym of 13 (G4). */
    public static final int CURVE_LABEL_X448_ALT = 6;
    /** HIT suite (4-bit OGA) ECDH/FOLD. PROVISIONAL (DEX-24 TBD2). */
    public static final int HIT_SUITE_DEX = 4;
    /** HIT_SUITE_LIST 8-bit id of ECDH/FOLD = suite << 4. PROVISIONAL (DEX-24 TBD3). */
    public static final int HIT_SUITE_ID_DEX = HIT_SUITE_DEX << 4;
    /** HIP_CIPHER AES-128-CTR. PROVISIONAL (DEX-24 TBD4). */
    public static final int HIP_CIPHER_AES_128_CTR = 5;
    /** HOST_ID algorithm ECDH. PROVISIONAL (DEX-24 TBD5). */
    public static final int HI_ALGORITHM_ECDH = 11;

    // ---- notify message types (RFC 7401 §5.2.19, RFC 7402, SSLS) ----
    /** UNSUPPORTED_CRITICAL_PARAMETER_TYPE. */
    public static final int NOTIFY_UNSUPPORTED_CRITICAL_PARAMETER_TYPE = 1;
    /** INVALID_SYNTAX. */
    public static final int NOTIFY_INVALID_SYNTAX = 7;
    /** NO_SSE_PROPOSAL_CHOSEN. PROVISIONAL: 13 instead of the draft's 20, which collides (S2). */
    public static final int NOTIFY_NO_SSE_PROPOSAL_CHOSEN = 13;
    /** NO_DH_PROPOSAL_CHOSEN. */
    public static final int NOTIFY_NO_DH_PROPOSAL_CHOSEN = 14;
    /** INVALID_DH_CHOSEN. */
    public static final int NOTIFY_INVALID_DH_CHOSEN = 15;
    /** NO_HIP_PROPOSAL_CHOSEN. */
    public static final int NOTIFY_NO_HIP_PROPOSAL_CHOSEN = 16;
    /** INVALID_HIP_CIPHER_CHOSEN. */
    public static final int NOTIFY_INVALID_HIP_CIPHER_CHOSEN = 17;
    /** UNSUPPORTED_HIT_SUITE. */
    public static final int NOTIFY_UNSUPPORTED_HIT_SUITE = 20;
    /** INVALID_SSE_TRANSFORM_CHOSEN. PROVISIONAL (SSLS-HIP). */
    public static final int NOTIFY_INVALID_SSE_TRANSFORM_CHOSEN = 21;
    /** NO_SSE_FORMAT_CHOSEN. PROVISIONAL (SSLS-HIP). */
    public static final int NOTIFY_NO_SSE_FORMAT_CHOSEN = 22;
    /** INVALID_SSE_FORMAT_CHOSEN. PROVISIONAL (SSLS-HIP). */
    public static final int NOTIFY_INVALID_SSE_FORMAT_CHOSEN = 23;
    /** AUTHENTICATION_FAILED. */
    public static final int NOTIFY_AUTHENTICATION_FAILED = 24;
    /** CHECKSUM_FAILED. */
    public static final int NOTIFY_CHECKSUM_FAILED = 26;
    /** HIP_MAC_FAILED. */
    public static final int NOTIFY_HIP_MAC_FAILED = 28;
    /** ENCRYPTION_FAILED. */
    public static final int NOTIFY_ENCRYPTION_FAILED = 32;
    /** INVALID_HIT. */
    public static final int NOTIFY_INVALID_HIT = 40;
    /** BLOCKED_BY_POLICY. */
    public static final int NOTIFY_BLOCKED_BY_POLICY = 42;
    /** RESPONDER_BUSY_PLEASE_RETRY. */
    public static final int NOTIFY_RESPONDER_BUSY_PLEASE_RETRY = 44;
    /** I2_ACKNOWLEDGEMENT (status). */
    public static final int NOTIFY_I2_ACKNOWLEDGEMENT = 16384;

    // ---- SSE formats (SSLS-HIP SSE_FORMAT ids) ----
    /** Compact SSE format (MTI). PROVISIONAL. */
    public static final int SSE_FORMAT_COMPACT = 1;
    /** Large SSE format. PROVISIONAL. */
    public static final int SSE_FORMAT_LARGE = 2;
    /** Extreme SSE format. PROVISIONAL. */
    public static final int SSE_FORMAT_EXTREME = 3;

    // ---- GPCOMP ----
    /** GPCOMP compression id DEFLATE (the only one supported, S3). */
    public static final int GPCOMP_DEFLATE = 2;

    // ---- ORCHID / HIT (RFC 7343, RFC 7401 §3.2, DEX-24 §3.2) ----
    /** ORCHIDv2 prefix 2001:20::/28 as the top 28 bits of a 32-bit word. */
    public static final int ORCHID_PREFIX = 0x2001002;
    /** Length of the ORCHID prefix in bits. */
    public static final int ORCHID_PREFIX_BITS = 28;
    /** The HIP ORCHID context id, prepended to the HI before FOLD. */
    public static final String ORCHID_CONTEXT_ID_HEX = "f0eff02fbff43d0fe7930c3c6e6174ea";

    // ---- lengths ----
    /** Length of a HIT. */
    public static final int HIT_LENGTH = 16;
    /** RHASH length of HIT suite 4 (AES-CMAC) in bytes: #I, #J, HIP_MAC. */
    public static final int RHASH_LENGTH = 16;
    /** I_NONCE length: 2 * RHASH_len (G8). */
    public static final int I_NONCE_LENGTH = 2 * RHASH_LENGTH;
    /** Smallest ENCRYPTED_KEY accepted (64 bits, G8). */
    public static final int ENCRYPTED_KEY_MIN = 8;
    /** Largest ENCRYPTED_KEY accepted (G8). */
    public static final int ENCRYPTED_KEY_MAX = 32;
    /** ENCRYPTED_KEY length sent (G8). */
    public static final int ENCRYPTED_KEY_SENT = 16;
    /** X25519 public key length. */
    public static final int X25519_KEY_LENGTH = 32;
    /** X448 public key length. */
    public static final int X448_KEY_LENGTH = 56;
    /** Negotiation lists: at most this many entries are sent, and only this many are used on receipt (§6.11). */
    public static final int MAX_LIST_ENTRIES = 6;
}
