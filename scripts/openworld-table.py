#!/usr/bin/env python3
"""Prints the open-world table of docs/benchmarks.md from docs/bench/*-openworld.json: per set and direction."""
import json
import os
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "bench")
names = sys.argv[1:] or ["kinship", "umls", "nations", "reversal", "demo", "wn18rr", "fb15k-237"]


def cells(o):
    return (f"{o['queries']:,} | {o['noAnswerShare']:.2f} | {o['ece']:.3f} | {o['brier']:.3f} | {o['precisionAt05']:.3f} "
            f"| {o['recallAt05']:.3f} | {o['confidentWrongPer100NoAnswer']:.2f}")


print("| set | direction | queries | no-answer share | ECE | Brier | precision@0.5 | recall@0.5 | confident wrong / 100 no-answer "
      "| MRR | epochs | load average at end |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
for name in names:
    path = os.path.join(root, name + "-openworld.json")
    if not os.path.exists(path):
        continue
    r = json.load(open(path, encoding="utf-8"))
    o = r["openWorld"]
    print(f"| {name} | both | {cells(o)} | {r['both']['mrr']:.3f} | {r['epochs']} | {r['loadAverageAtEnd']} |")
    for direction in ("forward", "inverse"):
        print(f"| | {direction} | {cells(o[direction])} | {r[direction]['mrr']:.3f} | | |")
