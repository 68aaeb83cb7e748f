package org.sslskura.testing;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * Builds a DS configuration annotation instance the way SCR does, for tests that drive a component's activate and
 * modified methods directly: method {@code a_b()} answers property {@code "a.b"}, else the method's default.
 */
public final class ComponentConfigs {
    private ComponentConfigs() {
    }

    /** @return an instance of {@code type} backed by {@code values} */
    public static <T> T of(Class<T> type, Map<String, ?> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "annotationType":
                    return type;
                case "toString":
                    return type.getSimpleName() + values;
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "equals":
                    return proxy == args[0];
                default:
                    Object value = values.get(method.getName().replace('_', '.'));
                    return value != null ? value : method.getDefaultValue();
            }
        }));
    }
}
