package org.claimx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.claimx.eval.ClaimsFile;
import org.claimx.pipeline.GoldInstances;
import org.claimx.slots.Trainer;

/**
 * The gold sets a model is trained on, each with the lessons it teaches ({@link Trainer#LESSONS}):
 * {@code --gold} all of them, {@code --slots-gold} all but which figures are claims, and
 * {@code --partial-gold LESSONS PAPERS CLAIMS} only the lessons it names. A paper in more than one set
 * teaches what the last of those options gives it (partial over slots over all).
 */
final class TrainingGold {
    /** One gold set. */
    record GoldSet(Path papers, Path claims, Set<String> lessons) {}

    private final List<GoldSet> sets;

    private TrainingGold(List<GoldSet> sets) {
        this.sets = sets;
    }

    /** The sets of the options (each a flat list as picocli collects it), every file checked to exist. */
    static TrainingGold of(List<Path> gold, List<Path> slotsGold, List<String> partialGold) {
        List<GoldSet> out = new ArrayList<>();
        for (Path[] p : pairs(gold)) out.add(new GoldSet(p[0], p[1], Trainer.ALL));
        for (Path[] p : pairs(slotsGold)) out.add(new GoldSet(p[0], p[1], Trainer.ALL_BUT_CLAIM));
        for (int i = 0; i + 2 < partialGold.size(); i += 3) {
            out.add(new GoldSet(Path.of(partialGold.get(i + 1)), Path.of(partialGold.get(i + 2)), lessons(partialGold.get(i))));
        }
        // A set's papers are read twice (for the instances, then for the lessons of each paper), so they
        // must be a file; its claims are read once and may come through a pipe ("<(zcat claims.jsonl.gz)").
        for (GoldSet s : out) {
            for (Path p : List.of(s.papers(), s.claims())) {
                if (!Files.exists(p) || Files.isDirectory(p)) throw new UsageException("no such file: " + p);
            }
            if (!Files.isRegularFile(s.papers())) {
                throw new UsageException("the papers of a gold set are read twice, so they must be a file, not a pipe: " + s.papers());
            }
        }
        return new TrainingGold(out);
    }

    /** A comma-separated list of lessons, each one of {@link Trainer#LESSONS}. */
    static Set<String> lessons(String list) {
        Set<String> out = new LinkedHashSet<>();
        for (String l : list.split(",", -1)) {
            String t = l.trim();
            if (!Trainer.LESSONS.contains(t)) {
                throw new UsageException("--partial-gold: '" + t + "' is not a lesson; give a comma-separated list of "
                        + String.join(", ", Trainer.LESSONS) + " before the two files (got '" + list + "')");
            }
            out.add(t);
        }
        return Set.copyOf(out);
    }

    /** An arity-2 option's values (PAPERS CLAIMS PAPERS CLAIMS ...) as pairs. */
    static List<Path[]> pairs(List<Path> files) {
        List<Path[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < files.size(); i += 2) out.add(new Path[] {files.get(i), files.get(i + 1)});
        return out;
    }

    List<GoldSet> sets() {
        return sets;
    }

    /** The files of every set, as {@link GoldInstances#read} takes them. */
    List<Path[]> files() {
        List<Path[]> out = new ArrayList<>();
        for (GoldSet s : sets) out.add(new Path[] {s.papers(), s.claims()});
        return out;
    }

    /** Each paper's lessons: those of the last set that holds it. */
    Map<String, Set<String>> lessonsByPaper() throws IOException {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        for (GoldSet s : sets) for (String id : ClaimsFile.readPapers(s.papers()).keySet()) out.put(id, s.lessons());
        return out;
    }

    /**
     * The training parts of the papers {@code use} keeps, one per distinct set of lessons: all lessons
     * first, then all but the claim, then the partial ones in the order given.
     */
    static List<Trainer.Part> parts(GoldInstances g, Map<String, Set<String>> lessons, Predicate<String> use) {
        Set<Set<String>> kinds = new LinkedHashSet<>(List.of(Trainer.ALL, Trainer.ALL_BUT_CLAIM));
        kinds.addAll(lessons.values());
        List<Trainer.Part> out = new ArrayList<>();
        for (Set<String> kind : kinds) {
            var data = g.labeled(id -> use.test(id) && kind.equals(lessons.get(id)));
            if (!data.isEmpty()) out.add(new Trainer.Part(data, kind));
        }
        return out;
    }
}
