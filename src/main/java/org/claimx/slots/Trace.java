package org.claimx.slots;

import java.util.ArrayList;
import java.util.List;

/** Why each slot of a claim got its value: one line a decision, "slot ← pattern (evidence)". */
public final class Trace {
    private final List<String> lines = new ArrayList<>();

    void add(String slot, String pattern, String evidence) {
        lines.add(slot + " ← " + pattern + (evidence == null || evidence.isEmpty() ? "" : " (" + evidence + ")"));
    }

    public List<String> lines() { return List.copyOf(lines); }

    @Override
    public String toString() { return String.join("; ", lines); }
}
