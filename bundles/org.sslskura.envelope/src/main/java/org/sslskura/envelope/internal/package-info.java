/** Implementation details of the envelope that need no OSGi and no keys: the anti-replay window. Not exported. */
package org.sslskura.envelope.internal;
