#!/usr/bin/env python3
"""Query latency of a running relata, forward vs inverse, through the whole HTTP stack.

Asks structured model-only queries ({"evidence":["inferred"]}) for facts of a TSV file: for (h, r, t) the forward query
(h, r, forward) and the inverse query (t, r, inverse). Reports p50/p99 latency and throughput per direction at each
concurrency, as one JSON object on the last line.
"""
import argparse
import http.client
import json
import random
import statistics
import sys
import threading
import time


def ask(conn, body):
    start = time.perf_counter()
    conn.request("POST", "/v1/queries", body=json.dumps(body), headers={"Content-Type": "application/json"})
    response = conn.getresponse()
    payload = response.read()
    elapsed = time.perf_counter() - start
    if response.status != 200:
        raise RuntimeError(f"{response.status}: {payload[:200]!r}")
    return elapsed


def run(host, port, bodies, concurrency):
    latencies = []
    lock = threading.Lock()
    work = list(bodies)
    failures = []

    def worker():
        conn = http.client.HTTPConnection(host, port, timeout=60)
        while True:
            with lock:
                if not work:
                    break
                body = work.pop()
            try:
                elapsed = ask(conn, body)
                with lock:
                    latencies.append(elapsed)
            except Exception as e:  # noqa: BLE001 - report, keep measuring
                with lock:
                    failures.append(str(e))
                conn = http.client.HTTPConnection(host, port, timeout=60)
        conn.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    latencies.sort()
    def pct(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else None
    return {
        "queries": len(latencies),
        "failures": len(failures),
        "p50Ms": round(pct(0.50), 2) if latencies else None,
        "p99Ms": round(pct(0.99), 2) if latencies else None,
        "meanMs": round(statistics.mean(latencies) * 1000, 2) if latencies else None,
        "throughputPerSecond": round(len(latencies) / wall, 1),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--facts", required=True, help="TSV of facts the model was trained on")
    parser.add_argument("--queries", type=int, default=2000, help="queries per direction and concurrency")
    parser.add_argument("--concurrency", default="1,8")
    parser.add_argument("--limit", type=int, default=10)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    with open(args.facts, encoding="utf-8") as f:
        facts = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    random.Random(args.seed).shuffle(facts)
    sample = facts[: args.queries]
    forward = [{"entity": h, "relation": r, "direction": "forward", "evidence": ["inferred"], "limit": args.limit}
               for h, r, _ in sample]
    inverse = [{"entity": t, "relation": r, "direction": "inverse", "evidence": ["inferred"], "limit": args.limit}
               for _, r, t in sample]

    warm = forward[:100] + inverse[:100]
    run("127.0.0.1", args.port, warm, 4)

    results = {}
    for concurrency in [int(c) for c in args.concurrency.split(",")]:
        for name, bodies in (("forward", forward), ("inverse", inverse)):
            results[f"{name}@{concurrency}"] = run("127.0.0.1", args.port, bodies, concurrency)
            print(name, concurrency, results[f"{name}@{concurrency}"], file=sys.stderr)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
