#!/usr/bin/env python3
"""Convert the two external gold sets that carry result tuples into claimx slot cases.

Reads, under ../shared/external/ (or --src DIR):

  nlp-tdms/derived_abstract_score_hits.jsonl   IBM/science-result-extractor (Apache-2.0): 51 abstract
                                               sentences, each with a gold (task, dataset, metric, score)
                                               of its paper
  scirex/derived_abstract_score_hits.jsonl     allenai/SciREX (Apache-2.0): 41 title/abstract sentences,
                                               each with a gold relation (Material = dataset, Method,
                                               Metric, Task, score)

and writes, next to this script:

  slots-nlp-tdms.jsonl   one line per in-scope gold tuple
  slots-scirex.jsonl     one line per in-scope gold tuple
  slots-left-out.json    per suite: tuples read, kept, left out per reason, with the left-out tuples

A case line:

  {"suite", "id", "paper", "text", "source_text"?, "expect": {"number"}, "score",
   "gold": {"dataset", "metric", "method"?, "task"}, "source_gold": {...}}

  text          the sentence claimx reads (see "Text" below)
  source_text   scirex only: the sentence exactly as SciREX gives it (tokenized)
  expect.number the gold score as a number ("80.3%" -> 80.3); the test looks for a claim with this
                figure (within 0.5%), whatever its unit
  score         the gold score string as the source writes it
  gold          the gold slot strings mapped to claimx's slots: dataset (nlp-tdms dataset, scirex
                Material), metric, method (scirex Method only; nlp-tdms has none), task (reported, not
                a claimx slot). Mapping: underscores become spaces, runs of spaces collapse, ends are
                trimmed; nothing else changes, so every word of the source's canonical name is kept
                ("Bit_per_Character__BPC_" -> "Bit per Character BPC", "WMT2014_English-German" ->
                "WMT2014 English-German"). The names are canonical leaderboard forms, not the text's
                words: some cannot agree with any words of the sentence ("Penn Treebank" for a sentence
                that says "WSJ"); the test counts those, and they stay in.
  source_gold   the source's own fields, unchanged

Text. nlp-tdms sentences are used as given (they keep PDF-extraction artefacts such as "F 1" and
"anew"). SciREX sentences are tokenized ("CIFAR - 10", "86.2 % mean IOU", "( CK + )"), which no
abstract is and which splits every hyphenated name into words the canonical gold ("CIFAR-10") cannot
agree with. `text` is therefore the SciREX sentence with its tokenization undone by the rules in
`detokenize` below (spaces around "-" and "/" between word characters, before , . ; : % ) ' and
after ( are removed; "25 , 100" becomes "25,100"); `source_text` keeps the tokenized form, which the
test also runs and reports (not asserted). Where SciREX lost characters ("128 128 resolution" for
128x128) nothing is restored.

Scope. A gold tuple is left out only for reasons of its own form, never for what claimx outputs:
  no-score              the score is not a figure (SciREX "-": the slot-level rows of a table)
  score-not-in-sentence the score is not written in the sentence (in digits, to within 0.5%)
Several tuples can share one sentence and one score (SciREX gives 1.24 on "Hutter Prize" and on
"enwiki8" for one mention); each is a case.

Run (Python 3.8+, standard library only; output is deterministic):

  python3 testdata/external/convert_slots.py [--src /work/shared/external]
"""

import argparse
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def canon(name):
    """A canonical gold name as words: underscores to spaces, spaces collapsed, ends trimmed."""
    if name is None:
        return None
    return re.sub(r"\s+", " ", name.replace("_", " ")).strip()


def detokenize(s):
    """Undo SciREX's tokenization: only spaces the tokenizer inserted around punctuation go."""
    t = s
    t = re.sub(r"(?<=\d) , (?=\d{3}(?!\d))", ",", t)              # "25 , 100" -> "25,100"
    t = re.sub(r"(?<=[\w.]) ([-/]) (?=\w)", r"\1", t)              # "CIFAR - 10", "bits / char"
    t = re.sub(r"(?<=\w) ([-/]) (?=\w)", r"\1", t)                 # again for chains "state - of - the"
    t = re.sub(r" ([,.;:%)\]!?’'])", r"\1", t)                      # no space before closing marks
    t = re.sub(r"([(\[]) ", r"\1", t)                               # none after opening brackets
    t = re.sub(r"(?<=\s)\+ (?=\d)", "+", t)                         # "+ 1.8%" -> "+1.8%"
    return t


def score_number(score):
    if isinstance(score, (int, float)):
        return float(score)
    m = re.fullmatch(r"\s*(-?\d+(?:\.\d+)?)\s*%?\s*", score)
    return float(m.group(1)) if m else None


def written_in(text, x):
    """True when the text writes x in digits (to within 0.5%), as "94.51", "16.0", "0.784"."""
    for m in re.finditer(r"(?<![\w.])(\d+(?:,\d{3})*(?:\.\d+)?|\.\d+)", text):
        v = float(m.group(1).replace(",", ""))
        if abs(v - x) <= 0.005 * max(abs(v), abs(x)) + 1e-12:
            return True
    return False


def num(x):
    return int(x) if float(x).is_integer() else x


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


class Out:
    def __init__(self):
        self.cases = collections.OrderedDict()
        self.read = collections.Counter()
        self.left = collections.defaultdict(list)

    def leave(self, suite, reason, item):
        self.left[suite].append((reason, item))


def convert_tdms(src, out):
    s = "slots-nlp-tdms"
    out.cases[s] = []
    for i, d in enumerate(read_jsonl(os.path.join(src, "nlp-tdms", "derived_abstract_score_hits.jsonl"))):
        out.read[s] += 1
        x = score_number(d["score"])
        brief = "%s | %s | %s | %s" % (d["dataset"], d["metric"], d["score"], d["sentence"][:120])
        if x is None:
            out.leave(s, "no-score", brief)
            continue
        if not written_in(d["sentence"], x):
            out.leave(s, "score-not-in-sentence", brief)
            continue
        c = collections.OrderedDict()
        c["suite"] = s
        c["id"] = "t-%03d" % i
        c["paper"] = d["paper"]
        c["text"] = d["sentence"]
        c["expect"] = {"number": num(x)}
        c["score"] = d["score"]
        c["gold"] = collections.OrderedDict(
            [("dataset", canon(d["dataset"])), ("metric", canon(d["metric"])), ("task", canon(d["task"]))])
        c["source_gold"] = collections.OrderedDict(
            (k, d[k]) for k in ("task", "dataset", "metric", "score"))
        out.cases[s].append(c)


def convert_scirex(src, out):
    s = "slots-scirex"
    out.cases[s] = []
    for i, d in enumerate(read_jsonl(os.path.join(src, "scirex", "derived_abstract_score_hits.jsonl"))):
        out.read[s] += 1
        r = d["relation"]
        x = score_number(r["score"])
        brief = "%s | %s | %s | %s | %s" % (r["Material"], r["Metric"], r["Method"], r["score"], d["sentence"][:120])
        if x is None:
            out.leave(s, "no-score", brief)
            continue
        text = detokenize(d["sentence"])
        if not written_in(text, x):
            out.leave(s, "score-not-in-sentence", brief)
            continue
        c = collections.OrderedDict()
        c["suite"] = s
        c["id"] = "s-%03d" % i
        c["paper"] = d["doc_id"]
        c["text"] = text
        c["source_text"] = d["sentence"]
        c["expect"] = {"number": num(x)}
        c["score"] = r["score"]
        c["gold"] = collections.OrderedDict(
            [("dataset", canon(r["Material"])), ("metric", canon(r["Metric"])), ("method", canon(r["Method"])),
             ("task", canon(r["Task"]))])
        c["source_gold"] = collections.OrderedDict(
            (k, r[k]) for k in ("Material", "Method", "Metric", "Task", "score"))
        out.cases[s].append(c)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", default=os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "external")))
    ap.add_argument("--out", default=HERE)
    a = ap.parse_args()
    if not os.path.isdir(a.src):
        sys.exit("convert_slots.py: no such folder: %s (pass --src)" % a.src)
    out = Out()
    convert_tdms(a.src, out)
    convert_scirex(a.src, out)
    summary = collections.OrderedDict()
    summary["_comment"] = ("Written by convert_slots.py: per slot suite, the gold tuples read, the cases kept in "
                           "<suite>.jsonl, and every tuple left out with its reason (see convert_slots.py).")
    for suite, cases in out.cases.items():
        with open(os.path.join(a.out, suite + ".jsonl"), "w", encoding="utf-8", newline="\n") as f:
            for c in cases:
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
        left = out.left[suite]
        e = collections.OrderedDict()
        e["gold_tuples"] = out.read[suite]
        e["in_scope"] = len(cases)
        e["left_out"] = len(left)
        by = collections.defaultdict(list)
        for reason, item in left:
            by[reason].append(item)
        e["left_out_by_reason"] = collections.OrderedDict(sorted(by.items()))
        summary[suite] = e
        print("%-16s gold %3d  in scope %3d  left out %3d  %s" % (
            suite, e["gold_tuples"], e["in_scope"], e["left_out"], {k: len(v) for k, v in by.items()}))
    with open(os.path.join(a.out, "slots-left-out.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(summary, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
