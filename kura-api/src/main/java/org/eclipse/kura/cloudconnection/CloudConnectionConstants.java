// Compile-only stub: same package, name, signatures and type role as Eclipse Kura's API (never shipped).
package org.eclipse.kura.cloudconnection;

/** Property names shared by cloud connections and their publishers/subscribers. */
public enum CloudConnectionConstants {

    CLOUD_ENDPOINT_SERVICE_PID_PROP_NAME("cloud.endpoint.service.pid"),
    CLOUD_CONNECTION_FACTORY_PID_PROP_NAME("cloud.connection.factory.pid");

    private String value;

    CloudConnectionConstants(String value) {
        this.value = value;
    }

    public String value() {
        return this.value;
    }
}
