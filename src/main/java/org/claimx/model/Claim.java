package org.claimx.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One quantitative claim, with exactly the fields of shared/CLAIMS.md; {@code rule} and
 * {@code confidence} are engine output only and are null in gold.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"paper", "field", "span", "sentence", "kind", "method", "metric", "metric_class", "value",
        "change", "baseline", "baseline_value", "dataset", "rule", "confidence"})
public record Claim(
        String paper,
        Field field,
        Span span,
        String sentence,
        Kind kind,
        String method,
        String metric,
        @JsonProperty("metric_class") MetricClass metricClass,
        Value value,
        Change change,
        String baseline,
        @JsonProperty("baseline_value") Double baselineValue,
        String dataset,
        String rule,
        Double confidence) {
}
