package org.claimx.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.reflect.Method;

/** Parses the JSON spelling of the contract's enums, naming the allowed values when one is wrong. */
final class Enums {
    private Enums() {}

    static <E extends Enum<E>> E parse(Class<E> type, String s) {
        if (s == null) return null;
        StringBuilder allowed = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            String json = json(e);
            if (json.equals(s)) return e;
            allowed.append(allowed.isEmpty() ? "" : ", ").append(json);
        }
        throw new IllegalArgumentException(
                type.getSimpleName().toLowerCase() + " must be one of " + allowed + ": " + s);
    }

    private static String json(Enum<?> e) {
        try {
            for (Method m : e.getDeclaringClass().getMethods()) {
                if (m.isAnnotationPresent(JsonValue.class)) return String.valueOf(m.invoke(e));
            }
        } catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
        return e.name();
    }
}
