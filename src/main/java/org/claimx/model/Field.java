package org.claimx.model;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a value stands: the title or the abstract. */
public enum Field {
    TITLE("title"), ABSTRACT("abstract");

    private final String json;

    Field(String json) { this.json = json; }

    @JsonValue
    public String json() { return json; }

    public static Field of(String s) { return Enums.parse(Field.class, s); }
}
