package org.claimx.slots;

import edu.stanford.nlp.classify.Dataset;
import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.ling.BasicDatum;
import edu.stanford.nlp.stats.Counter;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.claimx.nlp.RuleException;

/**
 * The trained model: CoreNLP logistic-regression classifiers ({@link LinearClassifier}) over the
 * string features of {@link Features}: {@code claim} says whether a value is a claim and {@code change}
 * reads its change; for {@code method}, {@code metric}, {@code baseline} and {@code dataset} a
 * {@link Ranker} (conditional logit) gives each candidate of a value its probability of filling the slot. Kept as one gzipped file under
 * {@code rules/models/}, rebuilt by {@code claimx train}.
 */
public final class SlotModel {
    public static final List<String> SLOTS = List.of("method", "metric", "baseline", "dataset");
    public static final String YES = "yes";
    public static final String NO = "no";
    private static final String MAGIC = "claimx-slot-model-2";

    private final Map<String, LinearClassifier<String, String>> classifiers;
    private final Map<String, Ranker> rankers;

    public SlotModel(Map<String, LinearClassifier<String, String>> classifiers, Map<String, Ranker> rankers) {
        for (String k : List.of("claim", "change")) {
            if (!classifiers.containsKey(k)) throw new IllegalArgumentException("model lacks its " + k + " classifier");
        }
        for (String k : SLOTS) {
            if (!rankers.containsKey(k)) throw new IllegalArgumentException("model lacks its " + k + " ranker");
        }
        this.classifiers = Map.copyOf(classifiers);
        this.rankers = Map.copyOf(rankers);
    }

    /** The probability of each candidate of a slot, in order. */
    public double[] candidateProbabilities(String slot, List<List<String>> candidates) {
        return rankers.get(slot).probabilities(candidates);
    }

    /** The probability of each label of one decision ("claim", "change", or a slot). */
    public Counter<String> probabilities(String decision, List<String> features) {
        return classifiers.get(decision).probabilityOf(new BasicDatum<>(features));
    }

    public double probability(String decision, List<String> features, String label) {
        return probabilities(decision, features).getCount(label);
    }

    /** The features of a datum that weigh most for {@code label}, strongest first, with their weights. */
    public List<Map.Entry<String, Double>> strongest(String decision, List<String> features, String label, int n) {
        LinearClassifier<String, String> c = classifiers.get(decision);
        Ranker r = rankers.get(decision);
        Map<String, Double> w = new LinkedHashMap<>();
        for (String f : features) {
            double weight = r != null ? r.weight(f) : c.weight(f, label);
            if (weight != 0) w.merge(f, weight, Double::sum);
        }
        return w.entrySet().stream().sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue()))
                .limit(n).toList();
    }

    /** Trains one classifier, deterministically: quasi-Newton on a convex objective, fixed prior. */
    public static LinearClassifier<String, String> train(List<BasicDatum<String, String>> data, double sigma) {
        Dataset<String, String> ds = new Dataset<>();
        for (BasicDatum<String, String> d : data) ds.add(d);
        LinearClassifierFactory<String, String> f = new LinearClassifierFactory<>();
        f.setSigma(sigma);
        f.setTol(1e-5);
        f.setVerbose(false);
        f.useQuasiNewton();
        return f.trainClassifier(ds);
    }

    public static SlotModel load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new RuleException(file, 0, "no slot model; build one with 'claimx train' (see README)");
        }
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
             ObjectInputStream o = new ObjectInputStream(in)) {
            Object magic = o.readObject();
            if (!MAGIC.equals(magic)) throw new RuleException(file, 0, "not a claimx slot model (or an older format)");
            @SuppressWarnings("unchecked")
            Map<String, LinearClassifier<String, String>> m = (Map<String, LinearClassifier<String, String>>) o.readObject();
            @SuppressWarnings("unchecked")
            Map<String, Ranker> r = (Map<String, Ranker>) o.readObject();
            return new SlotModel(m, r);
        } catch (IOException | ClassNotFoundException | ClassCastException | IllegalArgumentException e) {
            throw new RuleException(file, 0, "cannot read slot model: " + e.getMessage());
        }
    }

    public void save(Path file) {
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(tmp));
                 ObjectOutputStream o = new ObjectOutputStream(out)) {
                o.writeObject(MAGIC);
                o.writeObject(new java.util.TreeMap<>(classifiers));
                o.writeObject(new java.util.TreeMap<>(rankers));
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model " + file + ": " + e.getMessage(), e);
        }
    }
}
