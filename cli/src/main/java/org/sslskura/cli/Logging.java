package org.sslskura.cli;

/**
 * Configures slf4j-simple through System properties; must run before the first logger is created (slf4j-simple reads
 * them once). Logs go to stderr at WARN, or INFO with {@code -v}; a property given with {@code -D} wins.
 */
final class Logging {
    private static final String PREFIX = "org.slf4j.simpleLogger.";
    private static volatile boolean verbose;

    private Logging() {
    }

    static void configure(boolean beVerbose) {
        verbose = beVerbose;
        setIfAbsent(PREFIX + "defaultLogLevel", beVerbose ? "info" : "warn");
        setIfAbsent(PREFIX + "logFile", "System.err");
        setIfAbsent(PREFIX + "showDateTime", "true");
        setIfAbsent(PREFIX + "dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent(PREFIX + "showShortLogName", "true");
        // the embedded broker of the demo is chatty at WARN about client disconnections
        setIfAbsent(PREFIX + "log.io.moquette", beVerbose ? "warn" : "error");
        setIfAbsent(PREFIX + "log.io.netty", "error");
    }

    /** @return true if {@code -v} was given */
    static boolean verbose() {
        return verbose;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
