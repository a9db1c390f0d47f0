package org.claimx.values;

import org.claimx.model.Value;

/**
 * A value found in a sentence: where it stands in the normalised field text, the rule that found
 * it, and what it means. {@code value.text()} is still the normalised text; the pipeline swaps in the
 * original text once it maps the span back.
 */
public record ValueMention(int start, int end, String rule, Value value) {}
