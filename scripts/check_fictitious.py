#!/usr/bin/env python3
"""Posts fictitious child -> mother facts to a running relata, trains a model, and asks the model alone both ways.

Checks that the model that serves knows every stated fact, in the direction stated (whose mother?) and in
the direction never stated (whose mother is she?), at relata's default confidence (0.5). Prints the recall per
direction as one JSON line. Usage: check_fictitious.py [--port 8080] [--facts 150] [--children 3]
"""
import argparse
import json
import random
import time
import urllib.request


def call(port, method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(f"http://localhost:{port}{path}", data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=600) as response:
        return json.loads(response.read() or b"null")


def name(rng):
    syllables = ["ka", "lo", "mi", "ren", "sa", "tor", "vi", "wen", "zu", "bel", "dor", "fin"]
    return "".join(rng.choice(syllables) for _ in range(3)).capitalize() + " " + \
        "".join(rng.choice(syllables) for _ in range(3)).capitalize()


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--facts", type=int, default=150)
    p.add_argument("--children", type=int, default=3)
    p.add_argument("--seed", type=int, default=5)
    a = p.parse_args()
    rng = random.Random(a.seed)
    used = set()
    facts = []
    while len(facts) < a.facts:
        mother = name(rng)
        if mother in used:
            continue
        used.add(mother)
        for _ in range(a.children):
            child = name(rng)
            if child not in used and len(facts) < a.facts:
                used.add(child)
                facts.append({"subject": child, "relation": "mother", "object": mother})
    print(json.dumps(call(a.port, "POST", "/v1/facts", facts)))
    job = call(a.port, "POST", "/v1/training-jobs", {})
    while True:
        state = call(a.port, "GET", f"/v1/training-jobs/{job['id']}")
        if state["status"] in ("succeeded", "failed", "cancelled"):
            break
        time.sleep(2)
    forward = inverse = 0
    for fact in facts:
        ask = {"entity": fact["subject"], "relation": "mother", "direction": "forward", "evidence": ["inferred"]}
        if fact["object"] in [x["entity"]["label"] for x in call(a.port, "POST", "/v1/queries", ask)["answers"]]:
            forward += 1
        ask = {"entity": fact["object"], "relation": "mother", "direction": "inverse", "evidence": ["inferred"], "limit": 20}
        if fact["subject"] in [x["entity"]["label"] for x in call(a.port, "POST", "/v1/queries", ask)["answers"]]:
            inverse += 1
    print(json.dumps({"job": state["status"], "model": state.get("modelVersion"), "facts": len(facts),
                      "forwardRecall": forward / len(facts), "inverseRecall": inverse / len(facts)}))


if __name__ == "__main__":
    main()
