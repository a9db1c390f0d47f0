package org.claimx.pipeline;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.claimx.model.Claim;
import org.claimx.model.Field;
import org.claimx.model.Paper;
import org.claimx.model.Span;
import org.claimx.model.Value;
import org.claimx.nlp.Nlp;
import org.claimx.nlp.RuleBook;
import org.claimx.slots.PaperContext;
import org.claimx.slots.SlotFiller;
import org.claimx.slots.SlotLexicon;
import org.claimx.slots.SystemNamer;
import org.claimx.text.Normalizer;
import org.claimx.text.OffsetText;
import org.claimx.values.ValueFinder;
import org.claimx.values.ValueLexicon;
import org.claimx.values.ValueMention;
import org.claimx.values.ValueParser;

/**
 * Paper in, claims out: normalise (with an offset map) → split → values (rules, every sentence) →
 * tag only the sentences that hold a value → slots → claims with spans into the original text.
 * Built once from a rules folder; safe to share across threads (it holds no per-paper state).
 */
public final class Engine {
    private final Normalizer normalizer;
    private final Nlp nlp;
    private final ValueFinder values;
    private final SystemNamer namer;
    private final SlotFiller slots;

    private Engine(Normalizer normalizer, Nlp nlp, ValueFinder values, SystemNamer namer, SlotFiller slots) {
        this.normalizer = normalizer;
        this.nlp = nlp;
        this.values = values;
        this.namer = namer;
        this.slots = slots;
    }

    /** Loads every rule and lexicon under {@code rulesDir}; a bad one stops here with its file and line. */
    public static Engine load(Path rulesDir) {
        if (!Files.isDirectory(rulesDir)) {
            throw new UncheckedIOException(new IOException("rules folder not found: " + rulesDir));
        }
        Path lexicon = rulesDir.resolve("lexicon");
        try {
            Normalizer normalizer = Normalizer.load(rulesDir.resolve("normalize.tsv"));
            ValueLexicon vlex = ValueLexicon.load(lexicon);
            RuleBook valueRules = RuleBook.load(rulesDir.resolve("values"), vlex.macros());
            SlotLexicon slex = SlotLexicon.load(lexicon);
            return new Engine(normalizer, new Nlp(), new ValueFinder(valueRules, new ValueParser(vlex), vlex),
                    SystemNamer.load(lexicon.resolve("system-names.tsv")), new SlotFiller(slex));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules: " + e.getMessage(), e);
        }
    }

    public List<Claim> extract(Paper paper) {
        return explain(paper).claims().stream().map(Explanation.Explained::claim).toList();
    }

    /** Claims with the evidence behind them: tagged tokens of each sentence that holds a value, and each slot's rule. */
    public Explanation explain(Paper paper) {
        Analysis title = analyse(paper.title());
        Analysis abs = analyse(paper.abstractText());
        PaperContext ctx = namer.name(title.text().text(), abs.text().text());
        List<Explanation.Explained> out = new ArrayList<>();
        List<Explanation.Sentence> sentences = new ArrayList<>();
        claims(paper, Field.TITLE, title, ctx, out, sentences);
        claims(paper, Field.ABSTRACT, abs, ctx, out, sentences);
        return new Explanation(ctx.systemName(), ctx.systemRule(), sentences, out);
    }

    private record Analysis(OffsetText text, List<CoreMap> sentences, List<List<ValueMention>> mentions) {}

    private Analysis analyse(String original) {
        OffsetText text = normalizer.normalize(original);
        List<CoreMap> sentences = nlp.split(text.text());
        List<List<ValueMention>> mentions = new ArrayList<>(sentences.size());
        List<CoreMap> candidates = new ArrayList<>();
        for (CoreMap s : sentences) {
            List<ValueMention> ms = values.find(s);
            mentions.add(ms);
            if (!ms.isEmpty()) candidates.add(s);
        }
        nlp.tag(candidates);
        return new Analysis(text, sentences, mentions);
    }

    private void claims(Paper paper, Field field, Analysis a, PaperContext ctx, List<Explanation.Explained> out,
                        List<Explanation.Sentence> sentences) {
        String original = a.text().original();
        for (int i = 0; i < a.sentences().size(); i++) {
            List<ValueMention> ms = a.mentions().get(i);
            if (ms.isEmpty()) continue;
            CoreMap s = a.sentences().get(i);
            Span sentenceSpan = a.text().toOriginal(
                    s.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class),
                    s.get(CoreAnnotations.CharacterOffsetEndAnnotation.class));
            String sentence = sentenceSpan.of(original);
            List<String> tokens = new ArrayList<>();
            for (var t : s.get(CoreAnnotations.TokensAnnotation.class)) tokens.add(t.word() + "/" + t.tag());
            sentences.add(new Explanation.Sentence(field, sentence, tokens,
                    ms.stream().map(m -> m.rule() + " «" + m.value().text() + "»").toList()));
            for (SlotFiller.Filled f : slots.fill(ctx, a.text().text(), s, ms)) {
                ValueMention m = f.mention();
                Span span = a.text().toOriginal(m.start(), m.end());
                Value value = m.value().withText(span.of(original));
                var sl = f.slots();
                String rule = f.relationRule() != null ? m.rule() + "+" + f.relationRule() : m.rule();
                out.add(new Explanation.Explained(new Claim(paper.id(), field, span, sentence, sl.kind(), sl.method(),
                        sl.metric(), sl.metricClass(), value, sl.change(), sl.baseline(), sl.baselineValue(), sl.dataset(),
                        rule, confidence(m)), f.trace().lines()));
            }
        }
    }

    private static double confidence(ValueMention m) {
        return m.rule().startsWith("score.") ? 0.5 : 0.8;
    }
}
