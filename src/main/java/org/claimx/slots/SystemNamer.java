package org.claimx.slots;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.claimx.nlp.RuleException;
import org.claimx.nlp.TextMatches;
import org.claimx.nlp.Tsv;

/**
 * Finds the paper's own system name: the title's prefix ("Hydragen: ...") first, else the first name
 * the abstract introduces ("we propose Orca-Math", "dubbed EfficientFormer"). Patterns:
 * {@code rules/lexicon/system-names.tsv}, each with a named group {@code name}.
 */
public final class SystemNamer {
    /** Where a rule looks: the title or the abstract for the system name, or anywhere for other names only. */
    private record NameRule(String name, String where, TextMatches matches) {
        boolean title() { return where.equals("title"); }
    }

    private final List<NameRule> rules;

    private SystemNamer(List<NameRule> rules) {
        this.rules = rules;
    }

    public static SystemNamer load(Path tsv) {
        Tsv t = Tsv.read(tsv, 3);
        List<NameRule> rules = new ArrayList<>();
        for (Tsv.Row r : t.rows()) {
            if (!r.col(1).equals("title") && !r.col(1).equals("abstract") && !r.col(1).equals("paper")) {
                throw new RuleException(t.file(), r.line(), "where must be title, abstract or paper: " + r.col(1));
            }
            try {
                Pattern p = Pattern.compile(r.col(2));
                if (!r.col(2).contains("(?<name>")) throw new RuleException(t.file(), r.line(), "no (?<name>...) group");
                rules.add(new NameRule(r.col(0), r.col(1), TextMatches.of(p)));
            } catch (PatternSyntaxException e) {
                throw new RuleException(t.file(), r.line(), "bad regex: " + e.getDescription());
            }
        }
        return new SystemNamer(List.copyOf(rules));
    }

    /**
     * Normalised title and abstract text in; the paper's system name and the rule that found it out,
     * with every other name any rule finds in the title or the abstract, each once, with the first rule
     * that found it. A title name the abstract never uses gives way to the name the abstract
     * introduces, and a name the abstract abbreviates ("Mixture-of-Transformers (MoT)") is known by its
     * abbreviation, as the rest of the abstract calls it.
     *
     * <p>One search per rule serves both: a rule's first match is the one that can name the system
     * (the first rule of the title, then of the abstract, that matches at all), and all its matches
     * are names.
     */
    public PaperContext read(String title, String abstractText) {
        java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
        PaperContext fromTitle = null;
        PaperContext fromAbstract = null;
        String paper = null;
        for (NameRule r : rules) {
            boolean anywhere = r.where().equals("paper");
            if (anywhere && paper == null) paper = title + "\n" + abstractText;
            List<String> found = new ArrayList<>();
            r.matches().forEach(anywhere ? paper : r.title() ? title : abstractText, m -> found.add(m.group("name")));
            if (!found.isEmpty() && !anywhere) {
                if (r.title() && fromTitle == null) fromTitle = new PaperContext(found.get(0), r.name());
                if (!r.title() && fromAbstract == null) fromAbstract = new PaperContext(found.get(0), r.name());
            }
            for (String name : found) if (name != null) names.putIfAbsent(name, r.name());
        }
        return systemName(abstractText, fromTitle, fromAbstract).withOtherNames(names);
    }

    private static PaperContext systemName(String abstractText, PaperContext fromTitle, PaperContext fromAbstract) {
        PaperContext chosen = fromTitle;
        if (chosen == null || (fromAbstract != null && !mentions(abstractText, chosen.systemName()))) {
            chosen = fromAbstract != null ? fromAbstract : fromTitle;
        }
        if (chosen == null) return PaperContext.NONE;
        Matcher alias = Pattern.compile(Pattern.quote(chosen.systemName()) + "\\s*\\(\\s*([A-Z][\\w.+\\-^]{1,15})\\s*\\)")
                .matcher(abstractText);
        if (alias.find() && !alias.group(1).equals(chosen.systemName())) {
            return new PaperContext(alias.group(1), chosen.systemRule() + "+system.abbreviation");
        }
        return chosen;
    }

    private static boolean mentions(String text, String name) {
        return text.toLowerCase(java.util.Locale.ROOT).contains(name.toLowerCase(java.util.Locale.ROOT));
    }
}
