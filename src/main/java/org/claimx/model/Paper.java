package org.claimx.model;

import java.util.Map;
import java.util.Objects;

/**
 * One paper as the user gave it: an id, a title and an abstract. Any other fields of the input
 * record ride along in {@code extra} untouched.
 */
public record Paper(String id, String title, String abstractText, Map<String, Object> extra) {
    public Paper {
        Objects.requireNonNull(id, "id");
        title = title == null ? "" : title;
        abstractText = abstractText == null ? "" : abstractText;
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    public Paper(String id, String title, String abstractText) {
        this(id, title, abstractText, Map.of());
    }

    /** The text of a field. */
    public String text(Field field) {
        return field == Field.TITLE ? title : abstractText;
    }
}
