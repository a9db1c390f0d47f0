package org.claimx.eval;

import com.fasterxml.jackson.databind.JsonNode;

/** A gold claim and the predicted claim matched to it. */
public record Pair(JsonNode gold, JsonNode pred) {}
