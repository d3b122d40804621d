#!/usr/bin/env python3
"""Writes deterministic test files for the import benchmark (docs/benchmarks-import.md), to stdout.

  gen-knowledge.py nt TRIPLES    Wikidata-style N-Triples: people with English and German labels, a description,
                                 gender (P21), birth date (P569), mother (P25), father (P22), spouse (P26) and, for
                                 one in five, child (P40) stated from the parent's side; about 9 triples a person.
  gen-knowledge.py ged PEOPLE    A GEDCOM 5.5.1 tree in UTF-8: families of a husband, a wife and their children over
                                 generations, with names shared by many people (as in a real royal tree), sex,
                                 birth and death dates and titles.

The same arguments always give the same bytes (a fixed seed), so runs compare.
"""
import random
import sys

GIVEN_F = ["Mary", "Anne", "Elizabeth", "Victoria", "Louise", "Charlotte", "Margaret", "Alice", "Helena", "Sophia",
           "Catherine", "Maria", "Amelia", "Augusta", "Caroline", "Frederica", "Adelaide", "Marie", "Olga", "Tatiana"]
GIVEN_M = ["George", "Edward", "William", "Henry", "Charles", "Frederick", "Albert", "Louis", "Alexander", "Nicholas",
           "Peter", "Paul", "John", "James", "Richard", "Arthur", "Leopold", "Ernest", "Alfred", "Philip"]
SURNAMES = ["Windsor", "Hanover", "Stuart", "Tudor", "Romanov", "Habsburg", "Bourbon", "Orange", "Wettin", "Glücksburg",
            "Wittelsbach", "Hohenzollern", "Savoy", "Braganza", "Oldenburg", "Bernadotte", "Battenberg", "Teck"]
WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
DESCRIPTION = "http://schema.org/description"
DATETIME = "http://www.w3.org/2001/XMLSchema#dateTime"


def people(rng, count):
    """(id, female, given, surname, born, mother, father, spouse) with parents from earlier generations."""
    result = []
    for i in range(count):
        female = i % 2 == 0
        given = rng.choice(GIVEN_F if female else GIVEN_M)
        surname = rng.choice(SURNAMES)
        born = 1500 + (i * 400) // max(count, 1) + rng.randrange(0, 20)
        mother = father = spouse = None
        if i >= 200:
            base = (i // 2) * 2 - 200 - rng.randrange(0, 60) * 2
            mother, father = max(base, 0), max(base, 0) + 1
        if i % 2 == 1:
            spouse = i - 1
        result.append((i, female, given, surname, born, mother, father, spouse))
    return result


def ntriples(total):
    rng = random.Random(20261208)
    out = sys.stdout
    written = 0
    person = 0
    while written < total:
        batch = people(rng, 2000)
        for (i, female, given, surname, born, mother, father, spouse) in batch:
            pid = person + i
            q = f"<{WD}Q{pid + 1}>"
            lines = [
                f'{q} <{LABEL}> "{given} {surname}"@en .',
                f'{q} <{LABEL}> "{given} von {surname}"@de .',
                f'{q} <{DESCRIPTION}> "born {born}, of the house of {surname}"@en .',
                f'{q} <{WDT}P21> <{WD}{"Q6581072" if female else "Q6581097"}> .',
                f'{q} <{WDT}P569> "{born}-01-01T00:00:00Z"^^<{DATETIME}> .',
            ]
            if mother is not None:
                lines.append(f'{q} <{WDT}P25> <{WD}Q{person + mother + 1}> .')
                lines.append(f'{q} <{WDT}P22> <{WD}Q{person + father + 1}> .')
                if pid % 5 == 0:
                    lines.append(f'<{WD}Q{person + mother + 1}> <{WDT}P40> {q} .')
            if spouse is not None:
                lines.append(f'{q} <{WDT}P26> <{WD}Q{person + spouse + 1}> .')
            for line in lines:
                if written >= total:
                    return
                out.write(line + "\n")
                written += 1
        person += len(batch)


def gedcom(count):
    rng = random.Random(20261208)
    out = sys.stdout
    out.write("0 HEAD\n1 SOUR relata-bench\n1 GEDC\n2 VERS 5.5.1\n2 FORM LINEAGE-LINKED\n1 CHAR UTF-8\n")
    everyone = people(rng, count)
    families = {}
    for (i, female, given, surname, born, mother, father, spouse) in everyone:
        if mother is not None:
            families.setdefault((father, mother), []).append(i)
    for (i, female, given, surname, born, mother, father, spouse) in everyone:
        out.write(f"0 @I{i}@ INDI\n1 NAME {given} /{surname}/\n1 SEX {'F' if female else 'M'}\n")
        if i % 7 == 0:
            out.write(f"1 TITL {'Princess' if female else 'Prince'} of {surname}\n")
        out.write(f"1 BIRT\n2 DATE {rng.randrange(1, 28)} JAN {born}\n1 DEAT\n2 DATE {born + rng.randrange(20, 80)}\n")
    for n, ((father, mother), children) in enumerate(sorted(families.items())):
        out.write(f"0 @F{n}@ FAM\n1 HUSB @I{father}@\n1 WIFE @I{mother}@\n")
        for child in children:
            out.write(f"1 CHIL @I{child}@\n")
    out.write("0 TRLR\n")


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("nt", "ged"):
        sys.exit(__doc__)
    (ntriples if sys.argv[1] == "nt" else gedcom)(int(sys.argv[2]))
