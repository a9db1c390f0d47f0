#!/usr/bin/env python3
"""Counts slot disagreements of matched claims by kind (slot missed, spurious or wrong), with the reference
scorer's own matching.  python3 testdata/eval/error_kinds.py PAPERS GOLD PRED  (run from the repo, ../shared beside it)"""
import sys, collections
sys.path.insert(0, __import__('os').path.join(__import__('os').path.dirname(__file__), '..', '..', '..', 'shared', 'tools'))
import claimscore as cs
papers = cs.load_papers(sys.argv[1]); gold = cs.load_claims(sys.argv[2]); pred = cs.load_claims(sys.argv[3])
gold = [g for g in gold if g.get('paper') in papers]
pairs = cs.match(papers, gold, pred)
kinds = collections.Counter()
for item in pairs[0] if isinstance(pairs, tuple) else pairs:
    g, p = item[0], item[1]
    for s in cs.SLOTS:
        if not cs.same_slot(g.get(s), p.get(s)):
            k = 'missed' if p.get(s) is None else 'spurious' if g.get(s) is None else 'wrong'
            kinds[f"{s} {k}"] += 1
    for s in ('change', 'qualifier', 'kind'):
        gv = g.get(s) if s != 'qualifier' else (g.get('value') or {}).get('qualifier')
        pv = p.get(s) if s != 'qualifier' else (p.get('value') or {}).get('qualifier')
        if gv != pv: kinds[f"{s} wrong"] += 1
for k, c in kinds.most_common(): print(c, k)
