#!/usr/bin/env python3
"""Writes the reversal test set of docs/benchmarks.md: fictitious people in families, facts stated one way only.

Every fact is stated child -> parent (mother, father) or person -> attribute (gender, born_in), never parent -> child.
The model trains on all of them (train.txt); test.txt holds the mother and father facts, so that `relata evaluate`
asks each one forward, (child, mother, ?) -> mother, and in the direction never stated, (?, mother, m) -> child
(filtered by her other known children). valid.txt is a seeded 5% sample of the training facts, used only for early
stopping and for fitting the calibration. Deterministic given --seed.
"""
import argparse
import os
import random

SYLLABLES = ["al", "bre", "cor", "dun", "el", "fa", "gor", "hal", "is", "jo", "ka", "lin", "mor", "nes", "ol",
             "pra", "quin", "ros", "sel", "tor", "ul", "ven", "wyn", "xa", "yor", "zel"]


def name(rng, used):
    while True:
        first = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        last = "".join(rng.choice(SYLLABLES) for _ in range(3)).capitalize()
        n = f"{first}_{last}"
        if n not in used:
            used.add(n)
            return n


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--people", type=int, default=2000)
    p.add_argument("--cities", type=int, default=60)
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    rng = random.Random(a.seed)
    used = set()
    cities = [f"city_{name(rng, used)}" for _ in range(a.cities)]
    people = []  # (name, gender)
    train = []
    parent_facts = []

    def person(gender):
        n = name(rng, used)
        people.append(n)
        train.append((n, "gender", gender))
        train.append((n, "born_in", rng.choice(cities)))
        return n

    # founders pair up; each couple has 1-5 children, who may found the next generation's couples
    singles = {"female": [], "male": []}
    while len(people) < a.people:
        if not singles["female"] or not singles["male"] or rng.random() < 0.3:
            for g in ("female", "male"):
                singles[g].append(person(g))
            continue
        mother = singles["female"].pop(rng.randrange(len(singles["female"])))
        father = singles["male"].pop(rng.randrange(len(singles["male"])))
        for _ in range(rng.randint(1, 5)):
            if len(people) >= a.people:
                break
            g = rng.choice(("female", "male"))
            child = person(g)
            parent_facts.append((child, "mother", mother))
            parent_facts.append((child, "father", father))
            singles[g].append(child)
    train.extend(parent_facts)
    rng.shuffle(train)
    valid = rng.sample(train, max(1, len(train) // 20))
    os.makedirs(a.out, exist_ok=True)
    for split, rows in (("train", train), ("valid", valid), ("test", parent_facts)):
        with open(os.path.join(a.out, f"{split}.txt"), "w", encoding="utf-8", newline="\n") as f:
            f.writelines(f"{h}\t{r}\t{t}\n" for h, r, t in rows)
    print(f"{len(people)} people, {len(cities)} cities, {len(train)} facts stated one way, "
          f"{len(parent_facts)} parent facts asked both ways -> {a.out}")


if __name__ == "__main__":
    main()
