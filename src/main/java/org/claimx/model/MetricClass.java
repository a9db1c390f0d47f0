package org.claimx.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The broad class of what a claim measures. */
public enum MetricClass {
    SPEED, QUALITY, MEMORY, SIZE, COST, PRECISION, DATA, OTHER;

    @JsonValue
    public String json() { return name().toLowerCase(); }

    @JsonCreator
    public static MetricClass of(String s) { return Enums.parse(MetricClass.class, s); }
}
