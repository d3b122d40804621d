#!/usr/bin/env python3
"""Prints the markdown rows of docs/benchmarks.md from the JSON results under docs/bench/ (one row per run)."""
import glob
import json
import os
import statistics
import sys

root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "bench")
names = sys.argv[1:] or sorted(os.path.basename(f)[:-5] for f in glob.glob(os.path.join(root, "*.json")))


def median_epoch_seconds(name):
    """The median of the per-epoch times in the run's log (the mean is skewed by other load on a shared machine)."""
    seconds = []
    with open(os.path.join(root, name + ".log"), encoding="utf-8") as log:
        for line in log:
            if line.startswith("epoch "):
                seconds.append(float(line.split()[4].rstrip("s")))
    return statistics.median(seconds) if seconds else float("nan")


def m(d):
    return f"{d['mrr']:.3f} / {d['hits1']:.3f} / {d['hits3']:.3f} / {d['hits10']:.3f}"


print("| run | valid MRR | forward MRR / H@1 / H@3 / H@10 | inverse | both | ECE | epochs | s/epoch median (mean) | wall |")
print("|---|---:|---|---|---|---:|---:|---:|---:|")
for name in names:
    r = json.load(open(os.path.join(root, name + ".json"), encoding="utf-8"))
    print(f"| {name} | {r['validationMrr']:.3f} | {m(r['forward'])} | {m(r['inverse'])} | {m(r['both'])} | {r['ece']:.3f} "
          f"| {r['epochs']} | {median_epoch_seconds(name):.2f} ({r['secondsPerEpoch']:.2f}) | {r['wallSeconds']} s |")
