package org.claimx.slots;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.claimx.nlp.RuleException;
import org.claimx.nlp.Tsv;

/**
 * Whether a paper introduces a benchmark or dataset of its own ({@code rules/lexicon/benchmark-cues.tsv}):
 * in such a paper the name it introduces is what the models are measured on, not a method.
 */
public final class PaperKind {
    private record Cue(boolean title, Pattern pattern) {}

    private final List<Cue> cues;

    private PaperKind(List<Cue> cues) {
        this.cues = cues;
    }

    public static PaperKind load(Path tsv) {
        Tsv t = Tsv.read(tsv, 2);
        List<Cue> cues = new ArrayList<>();
        for (Tsv.Row r : t.rows()) {
            if (!r.col(0).equals("title") && !r.col(0).equals("abstract")) {
                throw new RuleException(t.file(), r.line(), "where must be title or abstract: " + r.col(0));
            }
            try {
                cues.add(new Cue(r.col(0).equals("title"), Pattern.compile(r.col(1))));
            } catch (PatternSyntaxException e) {
                throw new RuleException(t.file(), r.line(), "bad regex: " + e.getDescription());
            }
        }
        return new PaperKind(List.copyOf(cues));
    }

    /** The title or abstract says the paper introduces a benchmark or dataset. */
    public boolean introducesBenchmark(String title, String abstractText) {
        for (Cue c : cues) if (c.pattern().matcher(c.title() ? title : abstractText).find()) return true;
        return false;
    }
}
