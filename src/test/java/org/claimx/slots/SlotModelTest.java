package org.claimx.slots;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ling.BasicDatum;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.claimx.nlp.RuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model file keeps every weight to the bit, and a damaged or foreign file is a clear error. */
class SlotModelTest {
    @TempDir
    Path dir;

    private static final List<List<String>> PROBES = List.of(
            List.of("w=faster", "c-1=NUM"), List.of("w=accuracy", "tok=é→ü"), List.of("unseen"), List.of(),
            List.of("w=faster", "w=faster", "bias"));

    @Test
    void aSavedModelLoadsWithTheSameProbabilitiesAndSavesToTheSameBytes() throws Exception {
        SlotModel m = tiny();
        Path a = dir.resolve("a.model"), b = dir.resolve("b.model");
        m.save(a);
        SlotModel loaded = SlotModel.load(a);
        for (List<String> f : PROBES) {
            for (String decision : List.of("claim", "change")) {
                assertEquals(m.probabilities(decision, f), loaded.probabilities(decision, f), decision + " " + f);
            }
        }
        List<List<String>> candidates = new ArrayList<>(PROBES);
        candidates.add(Arrays.asList("bias", null));
        for (String slot : SlotModel.SLOTS) {
            assertArrayEquals(m.candidateProbabilities(slot, candidates), loaded.candidateProbabilities(slot, candidates), 0.0, slot);
        }
        assertTrue(m.strongest("method", Arrays.asList("near", null), "yes", 5).stream().anyMatch(e -> e.getKey() == null),
                "the null feature keeps its weight");
        assertEquals(m.strongest("method", Arrays.asList("near", null), "yes", 5),
                loaded.strongest("method", Arrays.asList("near", null), "yes", 5));
        loaded.save(b);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void theCommittedModelIsWhatSavingItWrites() throws Exception {
        Path committed = Path.of("rules/models/slots.model");
        Path again = dir.resolve("again.model");
        SlotModel.load(committed).save(again);
        assertArrayEquals(Files.readAllBytes(committed), Files.readAllBytes(again));
    }

    @Test
    void aDamagedOrForeignFileIsAClearError() throws Exception {
        Path good = dir.resolve("good.model");
        tiny().save(good);
        byte[] bytes = Files.readAllBytes(good);

        Path cut = dir.resolve("cut.model");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        assertMessage(cut, "cannot read slot model");

        Path plain = dir.resolve("plain.model");
        Files.writeString(plain, "not a model\n");
        assertMessage(plain, "not gzipped");

        // The format before this one: Java serialization, gzipped.
        Path old = dir.resolve("old.model");
        try (ObjectOutputStream o = new ObjectOutputStream(new GZIPOutputStream(Files.newOutputStream(old)))) {
            o.writeObject("claimx-slot-model-2");
            o.writeObject(Map.of());
        }
        assertMessage(old, "not a claimx slot model of this version; rebuild it with 'claimx train'");

        Path longer = dir.resolve("longer.model");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(longer))) {
            o.write(ungzip(bytes));
            o.write(7);
        }
        assertMessage(longer, "data after its end");

        assertMessage(dir.resolve("missing.model"), "no slot model; build one with 'claimx train'");
    }

    private static void assertMessage(Path file, String part) {
        RuleException e = assertThrows(RuleException.class, () -> SlotModel.load(file));
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
    }

    private static byte[] ungzip(byte[] gz) throws Exception {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }

    /** A small model: two classifiers and four rankers, trained on made-up features. */
    private static SlotModel tiny() {
        List<BasicDatum<String, String>> claim = List.of(
                new BasicDatum<>(List.of("w=faster", "c-1=NUM"), "yes"), new BasicDatum<>(List.of("w=year"), "no"),
                new BasicDatum<>(List.of("w=accuracy", "tok=é→ü"), "yes"), new BasicDatum<>(List.of("w=seed", "bias"), "no"));
        List<BasicDatum<String, String>> change = List.of(
                new BasicDatum<>(List.of("w=faster"), "increase"), new BasicDatum<>(List.of("w=accuracy"), "level"),
                new BasicDatum<>(List.of("w=reduces"), "decrease"), new BasicDatum<>(List.of("w=faster", "bias"), "increase"));
        Ranker.Group g = new Ranker.Group(List.of(Arrays.asList("bias", "near", null), List.of("bias", "far")), List.of(true, false));
        Ranker.Group h = new Ranker.Group(List.of(List.of("bias", "far", "tok=é→ü"), List.of("bias", "near"), List.of("bias")),
                List.of(false, true, false));
        Ranker r = Ranker.train(List.of(g, h, g), 1.0);
        Map<String, Ranker> rankers = new java.util.HashMap<>();
        for (String slot : SlotModel.SLOTS) rankers.put(slot, r);
        return new SlotModel(Map.of("claim", SlotModel.train(claim, 1.0), "change", SlotModel.train(change, 1.0)), rankers);
    }
}
