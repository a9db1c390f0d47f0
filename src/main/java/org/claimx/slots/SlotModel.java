package org.claimx.slots;

import edu.stanford.nlp.classify.Dataset;
import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.classify.LinearClassifierFactory;
import edu.stanford.nlp.ling.BasicDatum;
import edu.stanford.nlp.stats.Counter;
import edu.stanford.nlp.util.HashIndex;
import edu.stanford.nlp.util.Index;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
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
    /** The first bytes of a model file of this format (the gzipped stream after them). */
    private static final byte[] MAGIC = "claimx slot model 3\n".getBytes(StandardCharsets.US_ASCII);

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
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), 1 << 16))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new RuleException(file, 0, "not a claimx slot model of this version; rebuild it with 'claimx train' (see README)");
            }
            int[] ends = readInts(in);
            byte[] utf8 = new byte[count(in)];
            in.readFully(utf8);
            String[] strings = new String[ends.length];
            for (int i = 0, from = 0; i < ends.length; from = ends[i++]) {
                strings[i] = new String(utf8, from, ends[i] - from, StandardCharsets.UTF_8);
            }
            Map<String, LinearClassifier<String, String>> classifiers = new LinkedHashMap<>();
            for (int n = count(in); n > 0; n--) {
                String name = in.readUTF();
                List<String> labels = strings(strings, readInts(in));
                List<String> features = strings(strings, readInts(in));
                double[] flat = readDoubles(in);
                if (flat.length != features.size() * labels.size()) throw new IOException("classifier " + name + " has weights of another size");
                double[][] w = new double[features.size()][];
                for (int f = 0; f < w.length; f++) w[f] = Arrays.copyOfRange(flat, f * labels.size(), (f + 1) * labels.size());
                classifiers.put(name, new LinearClassifier<>(w, new HashIndex<>(features), new HashIndex<>(labels)));
            }
            Map<String, Ranker> rankers = new LinkedHashMap<>();
            for (int n = count(in); n > 0; n--) {
                String name = in.readUTF();
                int[] ids = readInts(in);
                double[] ws = readDoubles(in);
                if (ws.length != ids.length) throw new IOException("ranker " + name + " has weights of another size");
                WeightTable weights = new WeightTable(ids.length);
                double nullWeight = 0;
                for (int k = 0; k < ids.length; k++) {
                    if (ids[k] < 0) nullWeight = ws[k];
                    else weights.put(strings[ids[k]], ws[k]);
                }
                rankers.put(name, new Ranker(weights, nullWeight));
            }
            if (in.read() != -1) throw new IOException("data after its end");
            return new SlotModel(classifiers, rankers);
        } catch (EOFException e) {
            throw new RuleException(file, 0, "cannot read slot model: it ends early (a partial copy?)");
        } catch (java.util.zip.ZipException e) {
            throw new RuleException(file, 0, "not a claimx slot model (not gzipped: " + e.getMessage() + ")");
        } catch (IOException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new RuleException(file, 0, "cannot read slot model: " + e.getMessage());
        }
    }

    /**
     * Writes the model, gzipped: a magic line, then (big-endian, each array after its length) the
     * strings of every feature and label (where each ends in the UTF-8 bytes, then those bytes), each
     * classifier by name (its labels and features as string numbers, its weights by feature and then
     * label) and each ranker by name (features as string numbers, -1 for a null feature, then their
     * weights). Arrays are read in bulk, so the model loads in a fraction of a second. Strings and
     * names are sorted: the same model gives the same file.
     */
    public void save(Path file) {
        TreeMap<String, LinearClassifier<String, String>> cs = new TreeMap<>(classifiers);
        TreeMap<String, List<Map.Entry<String, Double>>> rs = new TreeMap<>();
        TreeSet<String> all = new TreeSet<>();
        for (Map.Entry<String, LinearClassifier<String, String>> e : cs.entrySet()) {
            // Trained classifiers score no label without features; the file keeps no such offset.
            if (e.getValue().scoresOf(new int[0]).values().stream().anyMatch(v -> v != 0)) {
                throw new IllegalStateException("classifier " + e.getKey() + " has label offsets, which the model file does not keep");
            }
            all.addAll(e.getValue().labels());
            all.addAll(e.getValue().features());
        }
        for (Map.Entry<String, Ranker> e : rankers.entrySet()) {
            List<Map.Entry<String, Double>> ws = new ArrayList<>(e.getValue().weights().entrySet());
            ws.sort(Map.Entry.comparingByKey(Comparator.nullsFirst(Comparator.naturalOrder())));
            rs.put(e.getKey(), ws);
            for (Map.Entry<String, Double> w : ws) if (w.getKey() != null) all.add(w.getKey());
        }
        Map<String, Integer> id = new HashMap<>();
        java.io.ByteArrayOutputStream utf8 = new java.io.ByteArrayOutputStream();
        int[] ends = new int[all.size()];
        for (String s : all) {
            utf8.writeBytes(s.getBytes(StandardCharsets.UTF_8));
            ends[id.size()] = utf8.size();
            id.put(s, id.size());
        }
        try {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (DataOutputStream o = new DataOutputStream(new BufferedOutputStream(
                    new GZIPOutputStream(Files.newOutputStream(tmp), 1 << 16), 1 << 16))) {
                o.write(MAGIC);
                writeInts(o, ends);
                o.writeInt(utf8.size());
                utf8.writeTo(o);
                o.writeInt(cs.size());
                for (Map.Entry<String, LinearClassifier<String, String>> e : cs.entrySet()) {
                    LinearClassifier<String, String> c = e.getValue();
                    o.writeUTF(e.getKey());
                    writeInts(o, ids(c.labelIndex(), id));
                    writeInts(o, ids(c.featureIndex(), id));
                    double[][] w = c.weights();
                    double[] flat = new double[w.length * c.labelIndex().size()];
                    for (int f = 0; f < w.length; f++) System.arraycopy(w[f], 0, flat, f * w[f].length, w[f].length);
                    writeDoubles(o, flat);
                }
                o.writeInt(rs.size());
                for (Map.Entry<String, List<Map.Entry<String, Double>>> e : rs.entrySet()) {
                    o.writeUTF(e.getKey());
                    List<Map.Entry<String, Double>> ws = e.getValue();
                    writeInts(o, ws.stream().mapToInt(w -> w.getKey() == null ? -1 : id.get(w.getKey())).toArray());
                    writeDoubles(o, ws.stream().mapToDouble(Map.Entry::getValue).toArray());
                }
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model " + file + ": " + e.getMessage(), e);
        }
    }

    /** A length read from the file: not negative, and no larger than a model can be. */
    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 24) throw new IOException("a length of " + n + " (a damaged file?)");
        return n;
    }

    /** An array's bytes as the file holds them: its length, then that many items of {@code width} bytes. */
    private static ByteBuffer readArray(DataInputStream in, int width) throws IOException {
        byte[] b = new byte[count(in) * width];
        in.readFully(b);
        return ByteBuffer.wrap(b);
    }

    private static int[] readInts(DataInputStream in) throws IOException {
        ByteBuffer b = readArray(in, Integer.BYTES);
        int[] a = new int[b.capacity() / Integer.BYTES];
        b.asIntBuffer().get(a);
        return a;
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        ByteBuffer b = readArray(in, Double.BYTES);
        double[] a = new double[b.capacity() / Double.BYTES];
        b.asDoubleBuffer().get(a);
        return a;
    }

    /** Writes an array as {@link #readArray} reads it. */
    private static void writeArray(DataOutputStream o, int length, ByteBuffer items) throws IOException {
        o.writeInt(length);
        o.write(items.array());
    }

    private static void writeInts(DataOutputStream o, int[] a) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(a.length * Integer.BYTES);
        b.asIntBuffer().put(a);
        writeArray(o, a.length, b);
    }

    private static void writeDoubles(DataOutputStream o, double[] a) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(a.length * Double.BYTES);
        b.asDoubleBuffer().put(a);
        writeArray(o, a.length, b);
    }

    private static List<String> strings(String[] table, int[] ids) {
        List<String> out = new ArrayList<>(ids.length);
        for (int i : ids) out.add(table[i]);
        return out;
    }

    private static int[] ids(Index<String> index, Map<String, Integer> id) {
        int[] out = new int[index.size()];
        for (int i = 0; i < out.length; i++) out[i] = id.get(index.get(i));
        return out;
    }
}
