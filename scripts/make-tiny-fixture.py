#!/usr/bin/env python3
"""Writes the small family graph the tests train on (src/test/resources/kg/tiny): deterministic, a few hundred facts.

Families of fictitious people with mother/father (child -> parent), son/daughter (parent -> child), gender, spouse and
sibling facts; a seeded 80/10/10 split, so that most held-out facts can be inferred from their converse in train.
"""
import os
import random
import sys

rng = random.Random(3)
facts = set()
people = []
n = 0


def person(gender):
    global n
    n += 1
    p = f"{'f' if gender == 'female' else 'm'}{n:03d}"
    people.append(p)
    facts.add((p, "gender", gender))
    return p


for family in range(12):
    mother, father = person("female"), person("male")
    facts.add((mother, "spouse", father))
    facts.add((father, "spouse", mother))
    children = [person(rng.choice(("female", "male"))) for _ in range(rng.randint(2, 4))]
    for c in children:
        facts.add((c, "mother", mother))
        facts.add((c, "father", father))
        for parent in (mother, father):
            facts.add((parent, "daughter" if c.startswith("f") else "son", c))
        for s in children:
            if s != c:
                facts.add((c, "sibling", s))
rows = sorted(facts)
rng.shuffle(rows)
k = len(rows) // 10
out = sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/kg/tiny"
os.makedirs(out, exist_ok=True)
for split, part in (("test", rows[:k]), ("valid", rows[k:2 * k]), ("train", rows[2 * k:])):
    with open(os.path.join(out, f"{split}.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.writelines(f"{h}\t{r}\t{t}\n" for h, r, t in part)
print(f"{len(people)} people, {len(rows)} facts -> {out}")
