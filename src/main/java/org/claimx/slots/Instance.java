package org.claimx.slots;

import java.util.List;
import org.claimx.model.Field;
import org.claimx.model.Span;
import org.claimx.values.ValueMention;

/**
 * One value mention with everything the model decides on: the candidates the rules proposed (the
 * empty candidate first) with their features, and the features of the claim and change decisions.
 * The trainer labels instances from gold; the chooser scores them.
 *
 * @param mention the value, its text as written in the original field
 * @param span where the value stands in the original field
 * @param sentence the sentence as written
 * @param relationRule the value-relation rule that shaped it ("from A to B"), or null
 * @param baselineValue the baseline's own figure where a relation gives it
 */
public record Instance(Field field, Span span, String sentence, ValueMention mention, String relationRule,
                       Double baselineValue, List<Candidate> candidates, List<List<String>> candidateFeatures,
                       List<String> claimFeatures, List<String> changeFeatures) {}
