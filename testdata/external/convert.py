#!/usr/bin/env python3
"""Convert other people's quantity test suites into claimx-shaped value cases.

Reads the gold files under ../shared/external/ (or --src DIR) and writes, next to this script:

  <suite>.jsonl    one line per in-scope case:
                   {"suite", "id", "text", "expect": {...}, "source_span"?, "surface", "note"?}
  left-out.json    per suite: how many gold items were read (values, plus inputs with no value),
                   kept, and left out per reason category, with a few examples per category
  floor.json is NOT written here: ExternalSuitesTest enforces it; raise it by hand when rates rise.

Each case is one gold value (a recognizers-text Result, a quantulum3 res, a grobid number, a CQE
quantity), so one input sentence may give several cases; the test extracts each distinct text once.

Run from anywhere (Python 3.8+, standard library only):

  python3 testdata/external/convert.py [--src /work/shared/external]

The output is deterministic (same input, same bytes). The Java test reads only the files written
here, so a fresh clone without ../shared still runs it.

`expect` holds the suite's own gold, mapped to claimx's canonical units (shared/CLAIMS.md):
  number            a single figure (the suite's resolved value; magnitudes multiplied out), or
  low, high         the bounds of a range;
  unit              claimx's canonical unit ("none" for a bare figure);
  qualifier         optional: a list of qualifiers any of which satisfies the gold. Suites that only
                    say which side is bounded (grobid atLeast/atMost, CQE ">"/"<") give the claimx
                    qualifiers for that side: lower bound = ["more than", "at least"], upper bound =
                    ["less than", "at most", "up to"]; recognizers-text "(" vs "[" picks strict or not.
  change            optional, CQE only: "increase"/"decrease" from the suite's up/down; the test
                    reports agreement on it but does not fail on it.
`source_span` is [start, end) in Unicode code points of `text`, where the suite gives offsets
(recognizers-text Start/End, End inclusive; grobid-quantities start/end). The test requires the
matching claim's span to overlap it (claimx's span conventions, e.g. including "up to", differ).

Scope. claimx extracts quantitative claims of ML abstracts (see the task brief and CLAIMS.md). Each
gold value is classified BY ITS FORM AND UNIT ONLY (never by what claimx outputs) into in scope or one
of these left-out categories:

  unit-not-in-claimx-list   unit outside x % pp points bits params tokens tokens/s ms s min h KB MB GB
                            TB $ J W FLOPs samples GPUs fraction (km, kg, day, year, MPa, MJ, Gb,
                            megabit, euro ...). Prefixed variants not in the list (MJ, kW) count here.
  non-usd-currency          dollars of other countries (C$, HK$, AUD ...): claimx's "$" is US dollars
  compound-or-rate-unit     "$15.4/hour", "3 dollars 50 cents", "5 ft 2 in"
  bare-integer              an integer with no unit: a count in claimx's terms
  year-or-date              years, dates, times of day
  bare-magnitude-count      an unitless figure with a magnitude ("1.2M", "2 million", "10k", "13 lakh")
  number-words-bare         unitless number words ("twenty-one", "two hundred point five", "a dozen")
  compound-fraction         improper, mixed or compound fractions: "2 1/4", "twenty-three fifths",
                            "three halves", "a hundred trillionths", "half a dozen"
  spoken-ratio              "one out of three", "1 in twenty-one", "one over three", "2000 over 3"
  scientific-notation       "1e10", "1.1^23", "2.48×10−5"
  non-english-digit-grouping "1 234 567", "12,34,567.89" (Indian), "1,3" / "1.111,11" (decimal comma),
                            thin-space grouping
  inverted-percent-form     "percent of 10", "per cent of twenty-two" (the suite's spoken convention)
  accounting-negative       "($99.99)"
  no-numeric-value          the gold has no figure ("%" alone, "multi-hour", "dollar")
  no-gold-value             the suite's case expects no value at all (a negative case)
  corrupt-source-text       the gold number is not written in the text as such (grobid "3040 and 50"),
                            or a range whose dash was lost ("7 8 %")
  vague-magnitude-range     CQE ranges read from "tens of thousands", "dozens", "millions of"
  from-to-change-or-range   CQE "from X to Y" encoded as a range: CLAIMS.md reads "from X to Y" as a
                            change (Y with baseline_value X), so the suite's range is not comparable
  gold-inconsistent         a CQE dollar figure the sentence does not write, in digits with or without
                            a magnitude ("$3 billion to $5 billion" coded 3000000-5000000)

In scope: a figure in digits or words WITH an in-scope unit (incl. "twenty percent", "three thousand
dollars", "16-bit", "100 MB"); a digit decimal with no unit (unit "none", e.g. "4.800", ".08", p-values);
negative decimals; fractions ("3/4", "1/40", "two thirds", "a half", "one fifth", "⅔") as unit
"fraction"; ranges and bounded values of those.

Mappings that need a word: a mean with a deviation ("46 ± 13 %", grobid base/range, quantulum "±")
expects the mean as the figure; a quantulum range ("3 to 4 L", value 3.5 ± 0.5) expects low/high; a
grobid list ("40 and 50 percent") gives one case per number with the list's unit; a recognizers-text
percent-mode fraction ("1/4 of" = 25%) expects fraction 0.25; a two-sided recognizers-text interval
("above one quarter and below a half") expects a range; CQE "point" counts as claimx "points" only when
written "points"/"pts" ("164p" is pence); CQE up/down become `change`, "~" about, ">"/"<" a side.

Suites and the parts used:
  recognizers-text          Number/NumberModel.json, Number/PercentModel.json,
                            Number/PercentModelPercentMode.json (inputs not already in PercentModel),
                            Number/NumberRangeModel.json, NumberWithUnit/DimensionModel.json.
                            The *ExperimentalMode files repeat the standard ones and are not used;
                            Ordinal, Age and Temperature models are outside claimx's units.
  recognizers-text-currency NumberWithUnit/CurrencyModel.json ($ is a claimx unit); reported apart.
  quantulum3                quantities.json (ambiguity file not used).
  duckling                  numeral_en_cases.json.
  grobid-quantities         quantities_evaluation.jsonl only (their holdout). Each measure's text is
                            cut to the sentence that holds it (a regex split, offsets shifted) to keep
                            the committed file small; list measures give one case per number.
  cqe-newsquant             NewsQuant.json: value, unit and qualifier (~ > <); up/down as `change`.
  measeval                  not used: it has no gold numbers (surfaces and units only), so an
                            expected figure would be this script's parse, not the suite's gold.
"""

import argparse
import collections
import json
import math
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES_PER_CATEGORY = 4

LOWER = ["more than", "at least"]
UPPER = ["less than", "at most", "up to"]

# ---------------------------------------------------------------------------------------------
# number forms

WORD_NUMS = {
    "zero": 0, "nought": 0, "naught": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
DENOMS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
    "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
    "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10,
    "hundredth": 100, "hundredths": 100, "thousandth": 1000, "thousandths": 1000,
    "millionth": 1e6, "millionths": 1e6, "billionth": 1e9, "trillionth": 1e12, "trillionths": 1e12,
}
NUMBER_WORD_RE = re.compile(
    r"\b(zero|nought|naught|nil|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen|dozens|lakh|crore|point|"
    r"half|halves|third|thirds|quarter|quarters|fourth|fifths?|eighths?|single|pair|couple|few)\b", re.I)
MAG_RE = re.compile(r"(?i)^(k|m|mm|g|b|t|bn|bln|tln|mil|million|millions|billion|billions|trillion|"
                    r"thousand|lakh|lakhs|lkh|lkhs|l|crore|crores|cr|hundred)$")
MINUS = "\u2212"


def simple_word_fraction(s):
    """'two thirds', 'a half', 'one-eighth', 'five - eighths' -> value, if a proper fraction."""
    t = re.sub(r"\s*-\s*", " ", s.strip().lower())
    t = re.sub(r"\s+", " ", t)
    if t in DENOMS:  # "half" alone
        return 1.0 / DENOMS[t] if t in ("half",) else None
    parts = t.split(" ")
    if len(parts) == 2 and parts[0] in WORD_NUMS and parts[1] in DENOMS:
        v = WORD_NUMS[parts[0]] / DENOMS[parts[1]]
        return v if 0 < v < 1 else None
    return None


def digit_form(s):
    """Classify a number written in digits (unit already stripped). Returns a category or a form."""
    t = s.strip().replace(MINUS, "-")
    t = re.sub(r"^[+-]\s*", "", t)
    if re.search(r"\d\s*(?:[eE][+-]?\d|\^|[x×]\s?10)", t):
        return "scientific-notation"
    if re.fullmatch(r"[\u00bc-\u00be\u2150-\u215e]", t):
        return "fraction"
    m = re.fullmatch(r"(\d+)\s*/\s*(\d+)", t)
    if m:
        return "fraction" if 0 < int(m.group(1)) < int(m.group(2)) else "compound-fraction"
    if re.fullmatch(r"\d+\s+\d+\s*/\s*\d+", t):
        return "compound-fraction"
    if re.search(r"\d[ \u202f\u00a0]\d{3}(?!\d)", t) or re.search(r"\d,\d{2},\d{3}", t) \
            or re.fullmatch(r"\d+,\d{1,2}", t) or re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d+", t):
        return "non-english-digit-grouping"
    m = re.fullmatch(r"((?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?)\s*([A-Za-z]+)?", t)
    if m and m.group(1):
        if m.group(2):
            return "magnitude" if MAG_RE.match(m.group(2)) else "other"
        return "decimal" if "." in m.group(1) else "integer"
    return "other"


def parse_digits(s):
    t = s.strip().replace(MINUS, "-").replace(",", "")
    t = re.sub(r"^([+-])\s*", r"\1", t)
    m = re.fullmatch(r"([+-]?)(\d+)\s*/\s*(\d+)", t)
    if m:
        v = int(m.group(2)) / int(m.group(3))
        return -v if m.group(1) == "-" else v
    return float(t)


def is_year(v, surface):
    return re.fullmatch(r"[12]\d{3}", surface.strip()) is not None and 1900 <= v <= 2099


def bare_category(surface, value, number_text=None):
    """Scope of a unitless gold value. Returns ("in", unit) or ("out", category)."""
    s = (number_text if number_text is not None else surface).strip()
    if re.search(r"[A-Za-z]", s) and not re.fullmatch(r"[+\-\u2212]?\s*\d[\d.,\s]*[A-Za-z]+", s):
        # words (possibly mixed with digits)
        frac = simple_word_fraction(re.sub(r"(?i)^(minus|negative)\s+", "", s))
        if frac is not None and not re.search(r"(?i)\b(of a )?(million|billion|thousand)\b", s):
            return ("in", "fraction")
        if re.search(r"(?i)\b(over|out of|in)\b", s) and re.search(r"\d|\b(one|two|three)\b", s, re.I):
            return ("out", "spoken-ratio")
        if re.search(r"(?i)\b(thousand|million|billion|trillion|lakh|crore|dozen)s?\b", s) and re.search(r"\d", s):
            return ("out", "bare-magnitude-count")
        if re.search(r"(?i)\b(half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|"
                     r"tenths?|hundredths?|thousandths?|millionths?|billionths?|trillionths?|"
                     r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)[- ]?(firsts?|fifths?|"
                     r"thirds?|seconds?)|hundred[- ]fifths?)\b", s):
            return ("out", "compound-fraction")
        return ("out", "number-words-bare")
    f = digit_form(s)
    if f == "decimal":
        return ("in", "none")
    if f == "fraction":
        return ("in", "fraction")
    if f == "integer":
        return ("out", "year-or-date" if is_year(value, s) else "bare-integer")
    if f == "magnitude":
        return ("out", "bare-magnitude-count")
    if f in ("scientific-notation", "compound-fraction", "non-english-digit-grouping"):
        return ("out", f)
    if re.fullmatch(r"[12]\d{3}", s):
        return ("out", "year-or-date")
    if re.search(r"(?i)\d\s*(k|m|g|b|t|bln|tln|mil|mm)\b", s):
        return ("out", "bare-magnitude-count")
    return ("out", "number-words-bare")


# ---------------------------------------------------------------------------------------------
# output collection

class Collector:
    def __init__(self):
        self.cases = collections.OrderedDict()   # suite -> list of cases
        self.left = collections.OrderedDict()    # suite -> Counter
        self.examples = collections.OrderedDict()
        self.read = collections.Counter()
        self.notes = collections.OrderedDict()

    def add(self, suite, case):
        self.read[suite] += 1
        self.cases.setdefault(suite, []).append(case)
        self.left.setdefault(suite, collections.Counter())

    def leave(self, suite, reason, example):
        self.read[suite] += 1
        self.cases.setdefault(suite, [])
        self.left.setdefault(suite, collections.Counter())[reason] += 1
        ex = self.examples.setdefault(suite, {}).setdefault(reason, [])
        if len(ex) < EXAMPLES_PER_CATEGORY:
            ex.append(example[:160])


def case(suite, cid, text, expect, surface, span=None, note=None):
    c = collections.OrderedDict()
    c["suite"] = suite
    c["id"] = cid
    c["text"] = text
    c["expect"] = expect
    if span is not None:
        c["source_span"] = list(span)
    c["surface"] = surface
    if note:
        c["note"] = note
    return c


def num(v):
    """A JSON-friendly number: ints stay ints, floats rounded to 12 significant digits."""
    if isinstance(v, float) and v.is_integer() and abs(v) < 1e15:
        return int(v)
    if isinstance(v, float):
        return float("%.12g" % v)
    return v


def load_json(path):
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f)


# ---------------------------------------------------------------------------------------------
# recognizers-text

RT_DIM_UNITS = {"Bit": "bits", "Kilobyte": "KB", "Megabyte": "MB", "Gigabyte": "GB", "Terabyte": "TB"}
RT_DOLLAR = {"Dollar", "United States dollar"}


def rt_interval(v):
    """'(20,35]' -> (lo, lo_strict, hi, hi_strict)."""
    m = re.fullmatch(r"([\[(])\s*([^,]*)\s*,\s*([^\])]*)\s*([\])])", v)
    if not m:
        return None
    lo = float(m.group(2)) if m.group(2) else None
    hi = float(m.group(3)) if m.group(3) else None
    return lo, m.group(1) == "(", hi, m.group(4) == ")"


def rt_number_text(text):
    """The figure of a recognizers-text match with qualifier words removed."""
    t = re.sub(r"(?i)^(more|larger|greater|higher|bigger|less|fewer|smaller|lower|over|under|above|below|"
               r"exceed(ing)?|surpass|up to|at (least|most)|no (less|more) than|equal(s|ing)? to|"
               r"(more|less|greater|bigger|higher|smaller|lower) (than|or equal (than|to)))\s*", "", text.strip())
    t = re.sub(r"(?i)^(than|to)\s+", "", t)
    return t


def convert_recognizers(src, out):
    base = os.path.join(src, "recognizers-text")
    suite = "recognizers-text"
    percent_inputs = set()
    files = [("Number/NumberModel.json", "number"), ("Number/PercentModel.json", "percent"),
             ("Number/PercentModelPercentMode.json", "percent"), ("Number/NumberRangeModel.json", "range"),
             ("NumberWithUnit/DimensionModel.json", "dimension"),
             ("NumberWithUnit/CurrencyModel.json", "currency")]
    for rel, kind in files:
        data = load_json(os.path.join(base, rel))
        short = os.path.splitext(os.path.basename(rel))[0]
        s = suite + "-currency" if kind == "currency" else suite
        for i, c in enumerate(data):
            inp = c["Input"]
            if rel.endswith("PercentModel.json"):
                percent_inputs.add(inp)
            if rel.endswith("PercentModelPercentMode.json") and inp in percent_inputs:
                continue
            res = c.get("Results", [])
            if not res:
                out.leave(s, "no-gold-value", "%s: %r" % (short, inp))
                continue
            for j, r in enumerate(res):
                cid = "%s-%03d-%d" % (short, i, j)
                start, end = r["Start"], r["End"] + 1
                text = r["Text"]
                ex = "%s: %r in %r" % (short, text, inp)
                res_ = r.get("Resolution") or {}
                val = res_.get("value")
                if kind == "number":
                    if val is None:
                        out.leave(s, "no-numeric-value", ex)
                        continue
                    v = float(val)
                    sub = res_.get("subtype")
                    if sub == "power":
                        out.leave(s, "scientific-notation", ex)
                        continue
                    scope = bare_category(text, v)
                    if scope[0] == "out":
                        out.leave(s, scope[1], ex)
                        continue
                    out.add(s, case(s, cid, inp, {"number": num(v), "unit": scope[1]}, text, (start, end)))
                elif kind == "percent":
                    if val in (None, "null"):
                        out.leave(s, "no-numeric-value", ex)
                        continue
                    if re.match(r"(?i)^per\s?cents? of|^percents? of|^percentage of", text):
                        out.leave(s, "inverted-percent-form", ex)
                        continue
                    v = float(val.rstrip("%"))
                    if not re.search(r"(?i)%|per\s?cent", text):
                        # percent mode: a fraction or ratio resolved as a percentage
                        if re.search(r"(?i)\b(out of|in)\b", text):
                            out.leave(s, "spoken-ratio", ex)
                            continue
                        body = re.sub(r"(?i)\s+of$", "", text)
                        if simple_word_fraction(body) is None and digit_form(body) != "fraction":
                            out.leave(s, "number-words-bare", ex)
                            continue
                        out.add(s, case(s, cid, inp, {"number": num(v / 100.0), "unit": "fraction"}, text,
                                        (start, end), note="percent-mode gold %s%% as a claimx fraction" % num(v)))
                        continue
                    out.add(s, case(s, cid, inp, {"number": num(v), "unit": "%"}, text, (start, end)))
                elif kind == "range":
                    iv = rt_interval(val or "")
                    if iv is None:
                        out.leave(s, "no-numeric-value", ex)
                        continue
                    lo, lo_strict, hi, hi_strict = iv
                    if lo is not None and hi is not None and lo != hi:
                        # two-sided: both bounds must be in-scope figures
                        parts = re.split(r"(?i)\s+(?:and|but|to|through)\s+|\s*[-–~]\s*|,\s*", rt_number_text(text))
                        scopes = [bare_category(rt_number_text(p), x) for p, x in zip(parts, (lo, hi))]
                        bad = [sc for sc in scopes if sc[0] == "out"] or \
                            ([("out", "number-words-bare")] if len(parts) != 2 else [])
                        if bad:
                            out.leave(s, bad[0][1], ex)
                            continue
                        out.add(s, case(s, cid, inp, {"low": num(lo), "high": num(hi), "unit": scopes[0][1]},
                                        text, (start, end)))
                        continue
                    v = lo if lo is not None else hi
                    figure = rt_number_text(re.sub(r"(?i)\s+(and|or)\s+(more|less|greater|equal)(\s+than|\s+to)?(\s+it)?$", "", text))
                    sc = bare_category(figure, v)
                    if sc[0] == "out":
                        out.leave(s, sc[1], ex)
                        continue
                    if lo is not None and hi is not None:
                        q = None
                    elif lo is not None:
                        q = ["more than"] if lo_strict else ["at least"]
                    else:
                        q = ["less than"] if hi_strict else ["at most", "up to"]
                    e = {"number": num(v), "unit": sc[1]}
                    if q:
                        e["qualifier"] = q
                    out.add(s, case(s, cid, inp, e, text, (start, end)))
                elif kind == "dimension":
                    unit = res_.get("unit")
                    if val is None:
                        out.leave(s, "no-numeric-value", ex)
                        continue
                    if unit not in RT_DIM_UNITS:
                        out.leave(s, "unit-not-in-claimx-list", ex)
                        continue
                    out.add(s, case(s, cid, inp, {"number": num(float(val)), "unit": RT_DIM_UNITS[unit]},
                                    text, (start, end)))
                elif kind == "currency":
                    unit = res_.get("unit")
                    if val is None:
                        out.leave(s, "no-numeric-value", ex)
                        continue
                    if unit not in RT_DOLLAR:
                        out.leave(s, "non-usd-currency" if "dollar" in (unit or "").lower() else "unit-not-in-claimx-list", ex)
                        continue
                    if re.search(r"(?i)cents?\b|\w\s+dollars?\s+(and\s+)?\w|\d\s*usd\s+\d|\$\s*\d+\s+and\s+\w+", text):
                        out.leave(s, "compound-or-rate-unit", ex)
                        continue
                    out.add(s, case(s, cid, inp, {"number": num(float(val)), "unit": "$"}, text, (start, end)))


# ---------------------------------------------------------------------------------------------
# quantulum3

Q_UNITS = {"percentage": "%", "dollar": "$", "second": "s", "millisecond": "ms", "minute": "min",
           "hour": "h", "bit": "bits", "kilobyte": "KB", "megabyte": "MB", "gigabyte": "GB",
           "terabyte": "TB", "watt": "W", "joule": "J"}


def convert_quantulum(src, out):
    s = "quantulum3"
    data = load_json(os.path.join(src, "quantulum3", "quantities.json"))
    for i, c in enumerate(data):
        text = c["req"]
        if not c["res"]:
            out.leave(s, "no-gold-value", repr(text))
            continue
        for j, r in enumerate(c["res"]):
            cid = "q-%03d-%d" % (i, j)
            surf = r["surface"]
            v = r["value"]
            unc = r.get("uncertainty")
            unit = r["unit"]
            ex = "%r in %r" % (surf, text)
            if unit == "dimensionless":
                if unc:
                    # a unitless range "7 to 10": both bounds must be in scope
                    parts = re.split(r"\s*(?:to|-|–|and)\s*", surf.strip())
                    sc = [bare_category(p, 0) for p in parts if p]
                    bad = [x for x in sc if x[0] == "out"]
                    if bad or len(sc) != 2:
                        out.leave(s, bad[0][1] if bad else "number-words-bare", ex)
                        continue
                    out.add(s, case(s, cid, text, {"low": num(v - unc), "high": num(v + unc), "unit": "none"}, surf))
                    continue
                sc = bare_category(surf, v)
                if sc[0] == "out":
                    out.leave(s, sc[1], ex)
                    continue
                out.add(s, case(s, cid, text, {"number": num(float(v)), "unit": sc[1]}, surf))
                continue
            if unit not in Q_UNITS:
                if unit.startswith("dollar per") or " per " in unit:
                    out.leave(s, "compound-or-rate-unit", ex)
                else:
                    out.leave(s, "unit-not-in-claimx-list", ex)
                continue
            if re.search(r"\d[ \u202f]\d{3}\b", surf):
                out.leave(s, "non-english-digit-grouping", ex)
                continue
            if re.match(r"^\(.*\)$", surf.strip()):
                out.leave(s, "accounting-negative", ex)
                continue
            if re.search(r"\^|\d[eE][+-]?\d|×10", surf):
                out.leave(s, "scientific-notation", ex)
                continue
            cu = Q_UNITS[unit]
            if unc and not re.search(r"±|\+/-", surf):
                e = {"low": num(v - unc), "high": num(v + unc), "unit": cu}
            else:
                e = {"number": num(float(v)), "unit": cu}
            out.add(s, case(s, cid, text, e, surf))


# ---------------------------------------------------------------------------------------------
# duckling

def convert_duckling(src, out):
    s = "duckling"
    data = load_json(os.path.join(src, "duckling", "numeral_en_cases.json"))
    for i, c in enumerate(data):
        text, v = c["text"], c["value"]
        ex = "%r -> %s" % (text, v)
        if re.fullmatch(r"(?i)\s*(-\s*)?point\s+\d+|\d+\s+point\s+\d+", text):
            out.leave(s, "number-words-bare", ex)
            continue
        if re.search(r"\(", text):
            out.leave(s, "number-words-bare", ex)   # "forty-five (45)": words and digits restating
            continue
        sc = bare_category(text, v)
        if sc[0] == "out":
            out.leave(s, sc[1], ex)
            continue
        out.add(s, case(s, "d-%03d" % i, text, {"number": num(float(v)), "unit": sc[1]}, text))


# ---------------------------------------------------------------------------------------------
# grobid-quantities

G_PERCENT_TEXT = re.compile(r"(?i)^\s*(%|percent|per\s?cent|percentage)\s*$")
G_UNITS = {"h": "h", "s": "s", "min": "min", "ms": "ms", "KB": "KB", "MB": "MB", "GB": "GB", "TB": "TB",
           "W": "W", "J": "J"}
SENT_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\[])")


def g_unit(u):
    """A grobid unit -> (canonical or None, category)."""
    if u is None:
        return "none", None
    name, text = u.get("unit"), u.get("text", "")
    if name == "%":
        return ("%", None) if G_PERCENT_TEXT.match(text) else (None, "unit-not-in-claimx-list")
    if name in G_UNITS:
        return G_UNITS[name], None
    return None, "unit-not-in-claimx-list"


def sentence_window(text, start, end):
    bounds = [0] + [m.end() for m in SENT_SPLIT.finditer(text)] + [len(text)]
    s0 = max(b for b in bounds if b <= start)
    e0 = min(b for b in bounds if b >= end)
    seg = text[s0:e0].rstrip()
    return s0, seg


def g_number(t):
    """The gold number text of grobid -> (form, value)."""
    return bare_category(t, 0), t


def convert_grobid(src, out):
    s = "grobid-quantities"
    path = os.path.join(src, "grobid-quantities", "quantities_evaluation.jsonl")
    with open(path, encoding="utf-8") as f:
        rows = [json.loads(line) for line in f if line.strip()]
    for i, row in enumerate(rows):
        text = row["text"]
        for j, m in enumerate(row["measures"]):
            cid = "g-%03d-%02d" % (i, j)
            start, end, surf = m["start"], m["end"], m["surface"]
            ex = "%s %r in ...%s..." % (m["type"], surf, text[max(0, start - 40):end + 20].replace("\n", " "))
            nums, units = m["nums"], m["units"]
            if not nums:
                out.leave(s, "year-or-date" if re.search(r"\d{4}|\d+/\d+/\d+", surf) else "no-numeric-value", ex)
                continue
            off, seg = sentence_window(text, start, end)
            span = (start - off, end - off)

            def figure(n):
                """(scope, value) of one gold number, with its unit applied later."""
                t = n["text"].strip()
                if not re.search(r"(?<![\d.])" + re.escape(t) + r"(?![\d])", surf) and re.fullmatch(r"[\d.,/]+", t):
                    return ("out", "corrupt-source-text"), None
                sc = bare_category(t, 0)
                try:
                    val = parse_digits(t) if not re.search(r"[A-Za-z]", t) else None
                except ValueError:
                    val = None
                if val is None:
                    fr = simple_word_fraction(t)
                    val = fr
                    if val is None and "atLeast" in n:
                        val = float(n["atLeast"])
                    if val is None and "atMost" in n:
                        val = float(n["atMost"])
                return sc, val

            def scope_with_unit(sc, val, unit_entry, t):
                cu, cat = g_unit(unit_entry)
                if cu is None:
                    return ("out", cat)
                if cu == "none":
                    return sc if sc[0] == "out" else ("in", sc[1])
                # a unit of claimx: digits or words both count; exotic digit forms do not
                if sc[0] == "out" and sc[1] in ("scientific-notation", "non-english-digit-grouping",
                                                "corrupt-source-text", "spoken-ratio"):
                    return sc
                if val is None:
                    return ("out", "no-numeric-value")
                return ("in", cu)

            kinds = set(k for n in nums for k in n if k != "text")
            if m["type"] == "list":
                for k, n in enumerate(nums):
                    ue = units[k] if len(units) == len(nums) else (units[0] if units else None)
                    sc, val = figure(n)
                    sc = scope_with_unit(sc, val, ue, n["text"])
                    exk = ex + " [#%d %s]" % (k, n["text"])
                    if sc[0] == "out":
                        out.leave(s, sc[1], exk)
                        continue
                    out.add(s, case(s, "%s-%d" % (cid, k), seg, {"number": num(val), "unit": sc[1]}, surf, span))
                continue
            ue = units[0] if units else None
            if len(nums) == 2 and "type" in kinds:   # base ± range: the figure is the base
                base = [n for n in nums if n.get("type") == "base"][0]
                sc, val = figure(base)
                sc = scope_with_unit(sc, val, ue, base["text"])
                if sc[0] == "out":
                    out.leave(s, sc[1], ex)
                    continue
                out.add(s, case(s, cid, seg, {"number": num(val), "unit": sc[1]}, surf, span,
                                note="mean ± deviation: the figure is the mean"))
                continue
            if len(nums) == 2:  # atLeast .. atMost
                lo_n = [n for n in nums if "atLeast" in n]
                hi_n = [n for n in nums if "atMost" in n]
                if not lo_n or not hi_n:
                    out.leave(s, "no-numeric-value", ex)
                    continue
                if re.fullmatch(r"\s*" + re.escape(lo_n[0]["text"].strip()) + r"\s+" + re.escape(hi_n[0]["text"].strip()) + r"\b.*", surf):
                    out.leave(s, "corrupt-source-text", ex)   # "7 8 %": the dash between the bounds is lost
                    continue
                (sc1, v1), (sc2, v2) = figure(lo_n[0]), figure(hi_n[0])
                sc1 = scope_with_unit(sc1, v1, ue, lo_n[0]["text"])
                sc2 = scope_with_unit(sc2, v2, ue, hi_n[0]["text"])
                bad = [x for x in (sc1, sc2) if x[0] == "out"]
                if bad:
                    out.leave(s, bad[0][1], ex)
                    continue
                if sc1[1] != sc2[1]:
                    # one bound bare decimal, the other integer with the unit on it: use the unit
                    cu = sc1[1] if sc1[1] != "none" else sc2[1]
                else:
                    cu = sc1[1]
                out.add(s, case(s, cid, seg, {"low": num(v1), "high": num(v2), "unit": cu}, surf, span))
                continue
            n = nums[0]
            sc, val = figure(n)
            sc = scope_with_unit(sc, val, ue, n["text"])
            if sc[0] == "out":
                out.leave(s, sc[1], ex)
                continue
            e = {"number": num(val), "unit": sc[1]}
            if "atLeast" in n:
                e["qualifier"] = LOWER
            elif "atMost" in n:
                e["qualifier"] = UPPER
            out.add(s, case(s, cid, seg, e, surf, span))


# ---------------------------------------------------------------------------------------------
# cqe-newsquant

CQE_UNITS = {"percentage": "%", "point": "points", "second": "s", "millisecond": "ms", "minute": "min",
             "hour": "h", "kilobyte": "KB", "megabyte": "MB", "gigabyte": "GB", "terabyte": "TB",
             "watt": "W", "joule": "J", "bit": "bits", "token": "tokens"}
CQE_DOLLAR_TEXT = re.compile(r"(?i)^\s*(\$|us\s?\$|\$\s?us|usd|dollars?|us dollars?)\s*$")


def written_forms(v):
    """Ways a CQE float may be written: 0.6 -> ['0.6'], 6.0 -> ['6'], 1100000.0 -> ['1,100,000', ...]."""
    forms = set()
    if float(v).is_integer():
        i = int(v)
        forms |= {str(i), "{:,}".format(i)}
    else:
        r = ("%.6f" % v).rstrip("0").rstrip(".")
        forms |= {r}
        if r.startswith("0."):
            forms.add(r[1:])
    return forms


def written_decimal(text, v):
    """True when the text writes the figure with a decimal point (so it is not a bare integer)."""
    for f in written_forms(v):
        if "." in f and re.search(r"(?<![\d.,])" + re.escape(f) + r"(?![\d])", text):
            return True
    return False


MAGS = {"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
        "trillion": 1e12, "tn": 1e12}


def written_value(text, x):
    """True when the text writes the figure x, in digits with an optional magnitude or as 'a million'."""
    for m in re.finditer(r"(?i)(\d[\d,]*(?:\.\d+)?|\.\d+)\s?(trillion|billion|million|thousand|bn|tn|mn|b|m|k)?\b", text):
        try:
            v = float(m.group(1).replace(",", ""))
        except ValueError:
            continue
        for cand in (v, v * MAGS.get((m.group(2) or "").lower(), 1.0)):
            if abs(cand - abs(x)) <= 0.005 * max(abs(x), 1e-9):
                return True
    for m in re.finditer(r"(?i)\b(a|one)\s+(thousand|million|billion|trillion)\b", text):
        if abs(MAGS[m.group(2).lower()] - x) <= 0.005 * abs(x):
            return True
    return False


def convert_cqe(src, out):
    s = "cqe-newsquant"
    data = load_json(os.path.join(src, "cqe-newsquant", "NewsQuant.json"))
    for i, sent in enumerate(data):
        text = sent["text"]
        if not sent["quantities"]:
            out.leave(s, "no-gold-value", repr(text[:100]))
            continue
        for j, q in enumerate(sent["quantities"]):
            cid = "c-%03d-%d" % (i, j)
            val, unit, nu, ch = q["value"].strip(), q["unit"], q["normalized_unit"], q["change"]
            ex = "%s %s %s (%s) | %s" % (ch, val, unit, nu, text[:110])
            rng = re.fullmatch(r"(-?[\d.]+(?:E-?\d+)?)\s*-\s*(-?[\d.]+(?:E-?\d+)?)", val)
            try:
                nums = [float(rng.group(1)), float(rng.group(2))] if rng else [float(val)]
            except ValueError:
                out.leave(s, "no-numeric-value", ex)
                continue
            # unit
            if nu == "dollar":
                if not CQE_DOLLAR_TEXT.match(unit):
                    out.leave(s, "compound-or-rate-unit" if re.search(r"(?i)per|a (year|week|month)", unit)
                              else "non-usd-currency", ex)
                    continue
                cu = "$"
            elif nu == "point" and not re.match(r"(?i)^\s*(points?|pts?)\s*$", unit):
                out.leave(s, "unit-not-in-claimx-list", ex)   # "164p" is pence, not points
                continue
            elif nu in CQE_UNITS:
                cu = CQE_UNITS[nu]
            elif nu == "-":
                cu = "none"
            elif "dollar" in nu and " per " not in nu:
                out.leave(s, "non-usd-currency", ex)
                continue
            elif " per " in nu:
                out.leave(s, "compound-or-rate-unit", ex)
                continue
            else:
                out.leave(s, "unit-not-in-claimx-list", ex)
                continue
            if re.search(r"[eE]-?\d", val) or re.search(r"×\s?10", text) and any(abs(x) < 1e-3 for x in nums):
                out.leave(s, "scientific-notation", ex)
                continue
            if cu == "none" and not all(written_decimal(text, x) for x in nums):
                out.leave(s, "year-or-date" if all(1900 <= x <= 2099 and x.is_integer() for x in nums)
                          else "bare-integer", ex)
                continue
            e = collections.OrderedDict()
            if rng:
                lo, hi = nums
                if re.search(r"(?i)\b(tens|hundreds|thousands|millions|billions|dozens)\s+of\b|\bdozens\b", text) \
                        and (hi / lo if lo else 0) in (10.0, 100.0, 1000.0) or (lo, hi) == (12, 120):
                    out.leave(s, "vague-magnitude-range", ex)
                    continue
                if re.search(r"(?i)\bfrom\s+(?:about\s+|up to\s+|the\s+)?(?:US\s?)?\$?\s?" +
                             "(?:" + "|".join(re.escape(f) for f in written_forms(lo)) + r")\b", text):
                    out.leave(s, "from-to-change-or-range", ex)
                    continue
                if lo > hi:
                    out.leave(s, "from-to-change-or-range", ex)
                    continue
                e["low"], e["high"] = num(lo), num(hi)
            else:
                e["number"] = num(nums[0])
            e["unit"] = cu
            if ch == "~":
                e["qualifier"] = ["about"]
            elif ch == ">":
                e["qualifier"] = LOWER
            elif ch == "<":
                e["qualifier"] = UPPER
            elif ch == "up":
                e["change"] = "increase"
            elif ch == "down":
                e["change"] = "decrease"
            if cu == "$" and not all(written_value(text, x) for x in nums):
                out.leave(s, "gold-inconsistent", ex)   # e.g. "$3 billion to $5 billion" coded 3000000-5000000
                continue
            out.add(s, case(s, cid, text, e, "%s %s" % (val, unit)))


# ---------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--src", default=os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "external")))
    ap.add_argument("--out", default=HERE)
    a = ap.parse_args()
    if not os.path.isdir(a.src):
        sys.exit("convert.py: no such folder: %s (pass --src)" % a.src)
    out = Collector()
    convert_recognizers(a.src, out)
    convert_quantulum(a.src, out)
    convert_duckling(a.src, out)
    convert_grobid(a.src, out)
    convert_cqe(a.src, out)
    summary = collections.OrderedDict()
    summary["_comment"] = ("Written by convert.py: per suite, gold_items (every gold value read, plus every input "
                           "the suite gives no value for), the in-scope cases written to <suite>.jsonl, and the items "
                           "left out by scope reason (see convert.py), with a few examples each.")
    for suite, cases in out.cases.items():
        with open(os.path.join(a.out, suite + ".jsonl"), "w", encoding="utf-8", newline="\n") as f:
            for c in cases:
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
        left = out.left[suite]
        entry = collections.OrderedDict()
        entry["gold_items"] = out.read[suite]
        entry["in_scope"] = len(cases)
        entry["left_out"] = sum(left.values())
        entry["left_out_by_reason"] = collections.OrderedDict(sorted(left.items(), key=lambda kv: (-kv[1], kv[0])))
        entry["examples"] = collections.OrderedDict(
            (k, out.examples.get(suite, {}).get(k, [])) for k in entry["left_out_by_reason"])
        summary[suite] = entry
    with open(os.path.join(a.out, "left-out.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(summary, f, ensure_ascii=False, indent=2)
        f.write("\n")
    for suite, e in summary.items():
        if suite.startswith("_"):
            continue
        print("%-26s gold %4d  in scope %4d  left out %4d  %s" % (
            suite, e["gold_items"], e["in_scope"], e["left_out"], dict(e["left_out_by_reason"])))


if __name__ == "__main__":
    main()
