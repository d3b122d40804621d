#!/usr/bin/env python3
"""Writes the demo families (src/main/resources/demo/families.tsv) as a link-prediction benchmark folder.

train.txt, valid.txt and test.txt hold 80 / 10 / 10 % of the facts, split with a fixed seed, so that `relata evaluate
--dataset DIR` measures link prediction and the open-world figures on the same families a new user asks about.
Deterministic given --seed.
"""
import argparse
import os
import random


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--facts", default=os.path.join(os.path.dirname(__file__), "..", "src", "main", "resources", "demo",
                                                   "families.tsv"))
    p.add_argument("--seed", type=int, default=11)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    with open(a.facts, encoding="utf-8") as f:
        facts = [line.rstrip("\n") for line in f if line.count("\t") == 2]
    rng = random.Random(a.seed)
    rng.shuffle(facts)
    n = len(facts)
    valid, test = n // 10, n // 10
    os.makedirs(a.out, exist_ok=True)
    for name, rows in (("valid.txt", facts[:valid]), ("test.txt", facts[valid:valid + test]), ("train.txt", facts[valid + test:])):
        with open(os.path.join(a.out, name), "w", encoding="utf-8") as f:
            f.writelines(row + "\n" for row in rows)
    print(f"{n} facts: {n - valid - test} train, {valid} valid, {test} test under {a.out}")


if __name__ == "__main__":
    main()
