package org.claimx.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.claimx.eval.ClaimsFile;
import org.claimx.eval.Pair;
import org.claimx.eval.Scorer;
import org.claimx.io.Json;
import org.claimx.model.Paper;
import org.claimx.slots.Instance;
import org.claimx.slots.Trainer;

/**
 * Gold papers read by the rules, for training and evaluation: the papers and gold claims of one or
 * more gold sets, each paper's value instances, and instances labelled by the gold they match.
 */
public final class GoldInstances {
    private final Map<String, JsonNode> papers = new LinkedHashMap<>();
    private final List<JsonNode> gold = new ArrayList<>();
    private final Map<String, List<Instance>> instances = new LinkedHashMap<>();

    /** Reads papers and gold claims; a paper id that two sets share is read once. */
    public static GoldInstances read(List<Path[]> sets) throws IOException {
        GoldInstances g = new GoldInstances();
        for (Path[] s : sets) {
            Map<String, JsonNode> ps = ClaimsFile.readPapers(s[0]);
            for (var e : ps.entrySet()) g.papers.putIfAbsent(e.getKey(), e.getValue());
            for (JsonNode c : ClaimsFile.readClaims(s[1])) if (ps.containsKey(c.path("paper").asText(null))) g.gold.add(c);
        }
        return g;
    }

    public Map<String, JsonNode> papers() { return papers; }

    public List<JsonNode> gold() { return gold; }

    public List<JsonNode> gold(Predicate<String> paperIds) {
        return gold.stream().filter(c -> paperIds.test(c.path("paper").asText())).toList();
    }

    public Map<String, JsonNode> papers(Predicate<String> paperIds) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        papers.forEach((k, v) -> { if (paperIds.test(k)) out.put(k, v); });
        return out;
    }

    /** Runs the rules over every paper (in parallel, results in paper order), printing progress to stderr. */
    public void readWith(Engine engine, int threads, boolean progress) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            Map<String, Future<List<Instance>>> futures = new LinkedHashMap<>();
            for (var e : papers.entrySet()) {
                Paper p = paper(e.getValue());
                futures.put(e.getKey(), pool.submit(() -> engine.read(p).instances()));
            }
            int n = 0;
            for (var e : futures.entrySet()) {
                instances.put(e.getKey(), e.getValue().get());
                if (progress && ++n % 200 == 0) System.err.printf("claimx: read %d of %d gold papers%n", n, futures.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The claims {@code engine}'s model makes of the chosen papers' instances, as JSON, in paper order. */
    public List<JsonNode> predict(Engine engine, Predicate<String> paperIds) {
        List<JsonNode> out = new ArrayList<>();
        for (String id : instances.keySet()) {
            if (!paperIds.test(id)) continue;
            for (org.claimx.model.Claim c : engine.claims(id, instances(id))) out.add(Json.mapper().valueToTree(c));
        }
        return out;
    }

    public List<Instance> instances(String paperId) {
        return instances.getOrDefault(paperId, List.of());
    }

    static Paper paper(JsonNode p) {
        return new Paper(p.path("id").asText(), p.path("title").asText(""), p.path("abstract").asText(""));
    }

    /** The instances of the chosen papers, each with the gold claim the scorer's matching pairs it with. */
    public List<Trainer.Labeled> labeled(Predicate<String> paperIds) {
        Map<JsonNode, Instance> back = new IdentityHashMap<>();
        List<JsonNode> pred = new ArrayList<>();
        List<Instance> order = new ArrayList<>();
        for (var e : instances.entrySet()) {
            if (!paperIds.test(e.getKey())) continue;
            for (Instance in : e.getValue()) {
                ObjectNode n = Json.mapper().createObjectNode();
                n.put("paper", e.getKey());
                n.put("field", in.field().json());
                n.set("span", Json.mapper().valueToTree(in.span()));
                n.set("value", Json.mapper().valueToTree(in.mention().value()));
                back.put(n, in);
                pred.add(n);
                order.add(in);
            }
        }
        Map<Instance, JsonNode> matched = new IdentityHashMap<>();
        for (Pair p : Scorer.match(papers, gold(paperIds), pred).pairs()) matched.put(back.get(p.pred()), p.gold());
        List<Trainer.Labeled> out = new ArrayList<>(order.size());
        for (Instance in : order) out.add(new Trainer.Labeled(in, matched.get(in)));
        return out;
    }

    /** Of the claims one slot is filled in: how many a candidate reaches (agrees with, as the scorer says). */
    public record Reach(int filled, int reached) {
        public double share() { return filled == 0 ? 1.0 : (double) reached / filled; }
    }

    /**
     * Per slot, over the chosen papers' instances matched to gold whose gold slot is filled: how many
     * have a candidate that agrees with the gold slot. The ceiling of the model's choice: it can only
     * pick what the candidate rules propose.
     */
    public Map<String, Reach> reach(Predicate<String> paperIds) {
        Map<String, Reach> out = new LinkedHashMap<>();
        List<Trainer.Labeled> data = labeled(paperIds);
        for (String slot : org.claimx.slots.SlotModel.SLOTS) {
            int filled = 0, reached = 0;
            for (Trainer.Labeled l : data) {
                if (l.gold() == null) continue;
                JsonNode g = l.gold().get(slot);
                if (g == null || g.isNull()) continue;
                filled++;
                for (var c : l.instance().candidates()) {
                    if (!c.isNone() && Scorer.sameSlot(c.text(), g.asText())) {
                        reached++;
                        break;
                    }
                }
            }
            out.put(slot, new Reach(filled, reached));
        }
        return out;
    }
}
