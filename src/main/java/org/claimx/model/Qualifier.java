package org.claimx.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a figure is hedged or bounded ("up to 73%", "about 3.6 billion"). */
public enum Qualifier {
    UP_TO("up to"), AT_LEAST("at least"), MORE_THAN("more than"), LESS_THAN("less than"),
    AT_MOST("at most"), ABOUT("about"), AVERAGE("average");

    private final String json;

    Qualifier(String json) { this.json = json; }

    @JsonValue
    public String json() { return json; }

    @JsonCreator
    public static Qualifier of(String s) { return Enums.parse(Qualifier.class, s); }
}
