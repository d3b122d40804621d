#!/usr/bin/env python3
"""Checks a running relata against a GEDCOM file it imported, with kin computed here from the file alone.

  scripts/check-family.py FILE.ged SOURCE [--port 8080]

Reads the file's INDI and FAM records itself (UTF-8; names as relata labels them: slashes removed, spaces collapsed),
computes for every person the mother, father, children, siblings (a shared parent), grandparents, aunts and uncles
(a parent's sibling), and asks relata for each by key (SOURCE:XREF) over HTTP, stated and derived evidence only.
Prints one JSON line: {"people", "questions", "agree", "differ", "examples": [...]} and exits 1 if any differ.
"""
import argparse
import json
import re
import sys
import urllib.request
from collections import defaultdict


def read_gedcom(path):
    people, families, record = {}, [], None
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        for raw in f:
            m = re.match(r"\s*(\d+)\s+(?:(@[^@]+@)\s+)?(\S+)\s?(.*)$", raw.rstrip("\r\n"))
            if not m:
                continue
            level, xref, tag, value = int(m.group(1)), m.group(2), m.group(3), m.group(4).strip()
            if level == 0:
                record = None
                if tag == "INDI" and xref:
                    record = people.setdefault(xref.strip("@"), {"name": None})
                elif tag == "FAM" and xref:
                    record = {"husb": None, "wife": None, "chil": []}
                    families.append(record)
                continue
            if record is None or level != 1:
                continue
            if tag == "NAME" and record.get("name", "") is None:
                record["name"] = " ".join(value.replace("/", " ").replace("_", " ").split())
            elif tag in ("HUSB", "WIFE") and value.startswith("@"):
                record[tag.lower()] = value.strip("@")
            elif tag == "CHIL" and value.startswith("@"):
                record["chil"].append(value.strip("@"))
    return people, families


def kin(people, families):
    mother, father = {}, {}
    for fam in families:
        for child in fam["chil"]:
            if fam["wife"]:
                mother[child] = fam["wife"]
            if fam["husb"]:
                father[child] = fam["husb"]
    children = defaultdict(set)
    for child, parent in list(mother.items()) + list(father.items()):
        children[parent].add(child)
    result = {}
    for p in people:
        parents = {x for x in (mother.get(p), father.get(p)) if x}
        siblings = {s for parent in parents for s in children[parent]} - {p}
        grandparents = {g for parent in parents for g in (mother.get(parent), father.get(parent)) if g}
        piblings = {s for parent in parents
                    for gp in (mother.get(parent), father.get(parent)) if gp for s in children[gp]} - parents
        result[p] = {"mother": {mother[p]} if p in mother else set(), "father": {father[p]} if p in father else set(),
                     "child": set(children[p]), "sibling": siblings, "grandparent": grandparents,
                     "aunt or uncle": piblings}
    return result


RELATIONS = {"mother": ["mother"], "father": ["father"], "child": ["child"], "sibling": ["sibling"],
             "grandparent": ["grandparent"], "aunt or uncle": ["aunt", "uncle"]}


def ask(port, key, phrase):
    body = json.dumps({"entity": key, "relation": phrase, "evidence": ["stated", "derived"], "limit": 1000,
                       "minConfidence": 0}).encode()
    request = urllib.request.Request(f"http://localhost:{port}/v1/queries", data=body,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request) as response:
        answers = json.load(response)["answers"]
    return {a["entity"]["key"] for a in answers if a["evidence"] in ("stated", "derived")}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("source")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    people, families = read_gedcom(args.file)
    expected = kin(people, families)
    agree, differ, examples = 0, 0, []
    for p, relations in expected.items():
        for relation, xrefs in relations.items():
            want = {f"{args.source}:{x}" for x in xrefs}
            got = set()
            for phrase in RELATIONS[relation]:
                got |= ask(args.port, f"{args.source}:{p}", phrase)
            if got == want:
                agree += 1
            else:
                differ += 1
                if len(examples) < 10:
                    examples.append({"person": f"{args.source}:{p}", "name": people[p]["name"], "relation": relation,
                                     "expected": sorted(want), "answered": sorted(got)})
    print(json.dumps({"people": len(people), "questions": agree + differ, "agree": agree, "differ": differ,
                      "examples": examples}, ensure_ascii=False))
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
