package org.claimx.slots;

import org.claimx.model.Change;
import org.claimx.model.Kind;
import org.claimx.model.MetricClass;

/** The slots of one claim besides its value, and a short trace of why each got its value. */
public record Slots(Kind kind, String method, String metric, MetricClass metricClass, Change change,
                    String baseline, Double baselineValue, String dataset, String why) {}
