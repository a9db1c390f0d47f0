package org.claimx.pipeline;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.util.CoreMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.claimx.Daemons;
import org.claimx.model.Claim;
import org.claimx.model.Field;
import org.claimx.model.Kind;
import org.claimx.model.MetricClass;
import org.claimx.model.Paper;
import org.claimx.model.Span;
import org.claimx.model.Unit;
import org.claimx.model.Value;
import org.claimx.nlp.Nlp;
import org.claimx.nlp.RuleBook;
import org.claimx.slots.Candidate;
import org.claimx.slots.CandidateRules;
import org.claimx.slots.Instance;
import org.claimx.slots.PaperContext;
import org.claimx.slots.SlotChooser;
import org.claimx.slots.SlotLexicon;
import org.claimx.slots.SlotModel;
import org.claimx.slots.SlotProposer;
import org.claimx.slots.SystemNamer;
import org.claimx.text.Normalizer;
import org.claimx.text.OffsetText;
import org.claimx.values.ValueFinder;
import org.claimx.values.ValueLexicon;
import org.claimx.values.ValueMention;
import org.claimx.values.ValueParser;

/**
 * Paper in, claims out: normalise (with an offset map) → split → values (rules, only sentences with
 * a figure) → tag only the sentences that hold a value → slot candidates (rules) → the model's
 * choice → claims with spans into the original text. Built once from a rules folder; safe to share
 * across threads (it holds no per-paper state).
 */
public final class Engine {
    /** Where the model lives under a rules folder. */
    public static final String MODEL = "models/slots.model";

    private final Normalizer normalizer;
    private final Nlp nlp;
    private final ValueFinder values;
    private final SystemNamer namer;
    private final SlotProposer proposer;
    private final SlotLexicon lex;
    private final SlotChooser chooser;

    private Engine(Normalizer normalizer, Nlp nlp, ValueFinder values, SystemNamer namer, SlotProposer proposer,
                   SlotLexicon lex, SlotChooser chooser) {
        this.normalizer = normalizer;
        this.nlp = nlp;
        this.values = values;
        this.namer = namer;
        this.proposer = proposer;
        this.lex = lex;
        this.chooser = chooser;
    }

    /**
     * Loads every rule, lexicon and the model under {@code rulesDir}; a bad one stops here with its file
     * and line. The part-of-speech model, the slowest part (about a second), loads on a thread of its
     * own meanwhile, so a one-abstract run starts sooner.
     */
    public static Engine load(Path rulesDir) {
        checkFolder(rulesDir);
        Daemons.Load<Nlp> nlp = inBackground(Nlp::new);
        Daemons.Load<SlotModel> model = inBackground(() -> SlotModel.load(rulesDir.resolve(MODEL)));
        try {
            Engine e = loadWithoutModel(rulesDir, nlp);
            return e.withModel(model.get());
        } finally {
            // No-ops once loaded; they stop a load whose result is no longer wanted (the rules failed).
            nlp.cancel();
            model.cancel();
        }
    }

    /** The rules without the model: enough to build instances for training. */
    public static Engine loadWithoutModel(Path rulesDir) {
        checkFolder(rulesDir);
        Daemons.Load<Nlp> nlp = inBackground(Nlp::new);
        try {
            return loadWithoutModel(rulesDir, nlp);
        } finally {
            nlp.cancel();
        }
    }

    private static void checkFolder(Path rulesDir) {
        if (!Files.isDirectory(rulesDir)) {
            throw new UncheckedIOException(new IOException("rules folder not found: " + rulesDir));
        }
    }

    private static Engine loadWithoutModel(Path rulesDir, Daemons.Load<Nlp> nlp) {
        Path lexicon = rulesDir.resolve("lexicon");
        try {
            Normalizer normalizer = Normalizer.load(rulesDir.resolve("normalize.tsv"));
            ValueLexicon vlex = ValueLexicon.load(lexicon);
            RuleBook valueRules = RuleBook.load(rulesDir.resolve("values"), vlex.macros());
            SlotLexicon slex = SlotLexicon.load(lexicon);
            CandidateRules candidates = CandidateRules.load(rulesDir.resolve("slots"), lexicon);
            return new Engine(normalizer, nlp.get(), new ValueFinder(valueRules, new ValueParser(vlex), vlex),
                    SystemNamer.load(lexicon.resolve("system-names.tsv")), new SlotProposer(candidates, slex,
                    org.claimx.slots.PaperKind.load(lexicon.resolve("benchmark-cues.tsv"))), slex, null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules: " + e.getMessage(), e);
        }
    }

    /** Starts {@code load} on a daemon thread of its own. */
    private static <T> Daemons.Load<T> inBackground(Callable<T> load) {
        return Daemons.load(load, "claimx-load");
    }

    /** The same rules with another model. */
    public Engine withModel(SlotModel model) {
        return new Engine(normalizer, nlp, values, namer, proposer, lex, new SlotChooser(model));
    }

    public SlotChooser chooser() { return chooser; }

    public List<Claim> extract(Paper paper) {
        return extract(paper, Stages.OFF);
    }

    /** As {@link #extract(Paper)}, adding the time of each stage to {@code stages}. */
    public List<Claim> extract(Paper paper, Stages stages) {
        List<Instance> instances = read(paper, stages).instances();
        long t = System.nanoTime();
        List<Claim> claims = claims(paper.id(), instances);
        stages.lap(Stages.Stage.MODEL, t);
        return claims;
    }

    /** What the rules read of a paper, before the model decides: its system name, sentences and value instances. */
    public record Reading(PaperContext context, List<Explanation.Sentence> sentences, List<Instance> instances) {}

    public Reading read(Paper paper) {
        return read(paper, Stages.OFF);
    }

    private Reading read(Paper paper, Stages stages) {
        Analysis title = analyse(paper.title(), stages);
        Analysis abs = analyse(paper.abstractText(), stages);
        long t = System.nanoTime();
        PaperContext ctx = namer.read(title.text().text(), abs.text().text());
        List<Instance> out = new ArrayList<>();
        List<Explanation.Sentence> sentences = new ArrayList<>();
        var paperText = proposer.paperText(title.text().text(), abs.text().text());
        instances(Field.TITLE, title, ctx, paperText, out, sentences);
        instances(Field.ABSTRACT, abs, ctx, paperText, out, sentences);
        stages.lap(Stages.Stage.CANDIDATES, t);
        return new Reading(ctx, sentences, out);
    }

    /** The claims the model makes of a paper's instances. */
    public List<Claim> claims(String paperId, List<Instance> instances) {
        requireModel();
        List<Claim> out = new ArrayList<>();
        for (Instance in : instances) {
            SlotChooser.Decision d = chooser.decide(in);
            if (d.claim()) out.add(claim(paperId, d));
        }
        return out;
    }

    /**
     * Claims with the evidence behind them: tagged tokens of each sentence that holds a value, each slot's
     * candidates, and each value the model took for no claim with the features that weigh most against it.
     */
    public Explanation explain(Paper paper) {
        requireModel();
        Reading r = read(paper);
        List<Explanation.Explained> explained = new ArrayList<>();
        List<Explanation.Rejected> rejected = new ArrayList<>();
        for (Instance in : r.instances()) {
            SlotChooser.Decision d = chooser.decide(in);
            if (d.claim()) {
                explained.add(new Explanation.Explained(claim(paper.id(), d), why(d, chooser.model())));
                continue;
            }
            List<String> against = new ArrayList<>();
            for (var f : chooser.model().strongest("claim", in.claimFeatures(), SlotModel.NO, 4)) {
                against.add(String.format("%s %+.2f", f.getKey(), f.getValue()));
            }
            rejected.add(new Explanation.Rejected(in.field(), in.sentence(), in.mention().value().text(), in.mention().rule(),
                    d.pClaim(), against));
        }
        return new Explanation(r.context().systemName(), r.context().systemRule(), r.sentences(), explained, rejected);
    }

    private void requireModel() {
        if (chooser == null) throw new IllegalStateException("engine loaded without a model");
    }

    private Claim claim(String paperId, SlotChooser.Decision d) {
        Instance in = d.instance();
        ValueMention m = in.mention();
        boolean precision = m.value().unit() == Unit.BITS;
        String metric = d.slot("metric");
        MetricClass cls = precision ? MetricClass.PRECISION : lex.classOf(metric);
        if (cls == null) cls = classOfUnit(m.value().unit());
        String rule = in.relationRule() != null ? m.rule() + "+" + in.relationRule() : m.rule();
        return new Claim(paperId, in.field(), in.span(), in.sentence(), precision ? Kind.SETTING : Kind.RESULT,
                d.slot("method"), metric, cls, m.value(), d.change(), d.slot("baseline"), in.baselineValue(),
                d.slot("dataset"), rule, Math.round(d.confidence() * 10000) / 10000.0);
    }

    private static List<String> why(SlotChooser.Decision d, SlotModel model) {
        List<String> out = new ArrayList<>();
        out.add(String.format("claim p=%.3f, change %s p=%.3f, confidence %.3f", d.pClaim(), d.change().json(),
                d.pChange(), d.confidence()));
        for (Map.Entry<String, SlotChooser.Choice> e : d.slots().entrySet()) {
            StringBuilder b = new StringBuilder(e.getKey()).append(':');
            int n = 0;
            for (SlotChooser.Scored s : e.getValue().ranked()) {
                if (n++ == 3) break;
                Candidate c = s.candidate();
                b.append(String.format(" %s%.3f «%s» %s", n == 1 ? "" : "| ", s.p(), c.isNone() ? "none" : c.text(), c.rules()));
            }
            out.add(b.toString());
            int at = d.instance().candidates().indexOf(e.getValue().winner());
            if (at >= 0) {
                StringBuilder w = new StringBuilder("    strongest features of the winner:");
                for (var f : model.strongest(e.getKey(), d.instance().candidateFeatures().get(at), SlotModel.YES, 4)) {
                    w.append(String.format(" %s %+.2f", f.getKey(), f.getValue()));
                }
                out.add(w.toString());
            }
        }
        return out;
    }

    private record Analysis(OffsetText text, List<CoreMap> sentences, List<List<ValueMention>> mentions) {}

    private Analysis analyse(String original, Stages stages) {
        long t = System.nanoTime();
        OffsetText text = normalizer.normalize(original);
        // A title or abstract with no digit and no number word gives no values: it is not split at all.
        // (Its sentences are substrings of it cut at token edges, so none can hold what it does not. A
        // text past the longest sentence is split anyway: the splitter blanks parts of it first.)
        if (text.text().length() <= Nlp.MAX_SENTENCE_CHARS && !values.mayHold(text.text())) {
            stages.lap(Stages.Stage.SPLIT, t);
            return new Analysis(text, List.of(), List.of());
        }
        List<CoreMap> sentences = nlp.split(text.text());
        t = stages.lap(Stages.Stage.SPLIT, t);
        List<List<ValueMention>> mentions = new ArrayList<>(sentences.size());
        List<CoreMap> candidates = new ArrayList<>();
        for (CoreMap s : sentences) {
            List<ValueMention> ms = values.find(s);
            mentions.add(ms);
            if (!ms.isEmpty()) candidates.add(s);
        }
        t = stages.lap(Stages.Stage.VALUES, t);
        nlp.tag(candidates);
        stages.lap(Stages.Stage.TAG, t);
        return new Analysis(text, sentences, mentions);
    }

    private void instances(Field field, Analysis a, PaperContext ctx, org.claimx.slots.Features.PaperText paperText, List<Instance> out,
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
            out.addAll(proposer.instances(ctx, paperText, field, a.text().text(), s, sentence, ms, m -> {
                Span span = a.text().toOriginal(m.start(), m.end());
                Value value = m.value().withText(span.of(original));
                return new SlotProposer.Placed(span, new ValueMention(m.start(), m.end(), m.rule(), value));
            }));
        }
    }

    private static MetricClass classOfUnit(Unit u) {
        return switch (u) {
            case X, MS, S, MIN, TOKENS_PER_S -> MetricClass.SPEED;
            case KB, MB, GB, TB -> MetricClass.MEMORY;
            case PARAMS, TOKENS -> MetricClass.SIZE;
            case DOLLARS, J, W, FLOPS, H, GPUS -> MetricClass.COST;
            case BITS -> MetricClass.PRECISION;
            case SAMPLES -> MetricClass.DATA;
            case PERCENT, PP, POINTS, NONE -> MetricClass.QUALITY;
            case FRACTION -> MetricClass.OTHER;
        };
    }
}
