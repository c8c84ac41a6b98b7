#!/usr/bin/env python3
"""Presidio's scan throughput on the inputs of benches/pii.rs and benches/node/pii.mjs.

Usage: target/eval-venv/bin/python benches/presidio_scan.py [--budget SECONDS]
(bash tests/eval/setup.sh creates the venv; benches/pii-all.sh does both.)

Presidio runs exactly as in the quality evaluation: tests/eval/presidio.py builds the
pattern recognizers (imported from there, not duplicated here; no spaCy, no NLP engine,
every recognizer on every text, AnalyzerEngine's score threshold and de-duplication).

  * corpus: every text of tests/eval/corpus.jsonl analyzed on its own (one call per sample,
    as a service scans fields); best of --repeat passes after a warm-up pass.
  * mixed: the ~1 MB text of benches/pii.rs, analyzed as one text, once. If the full text
    would not finish within --budget seconds (Presidio gets slower than linear on it: the
    de-duplication compares every pair of results), the largest prefix of whole repetitions
    of the unit that fits is measured instead, and the line says which slice.
Prints numbers; asserts nothing about speed.
"""
import argparse
import hashlib
import json
import math
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "eval"))
import presidio  # noqa: E402  (tests/eval/presidio.py: make_recognizers, analyze)

# Copied from `mixed()` in benches/pii.rs and kept identical (also in benches/node/pii.mjs);
# the SHA-256 printed below must equal the native one.
UNIT = (
    "Dear customer, thank you for your order 2024-118 of 12 March. Please contact "
    "bob.smith@example.com or call +44 20 7946 0958 (office hours 9-17). Your card "
    "4111 1111 1111 1111 was charged $19.99; refunds go to IBAN GB82 WEST 1234 5698 7654 32. "
    "The server 192.168.10.20 logged version 1.2.3 at 14:30:00. Born 12.03.1985, "
    "NHS 943 476 5919. See https://example.com/help?id=42 for details. Café, naïve, 你好 😀.\n"
)
# `rep` in benches/pii.rs: 1_000_000 / UTF-8 length of the unit, repetitions.
REPS = 1_000_000 // len(UNIT.encode())


def corpus(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["text"] for line in f if line.strip()]


def bench_corpus(recs, texts, repeat):
    for t in texts:  # warm-up pass (regex compilation, caches)
        presidio.analyze(recs, t)
    found = sum(len(presidio.analyze(recs, t)) for t in texts)
    best = None
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        for t in texts:
            presidio.analyze(recs, t)
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    return found, best


def bench_mixed(recs, budget):
    """(repetitions measured, seconds, findings, note on growth)."""
    spent = 0.0
    k, last = max(1, REPS // 64), None
    growth = 1.0
    while True:
        text = UNIT * k
        t0 = time.perf_counter()
        n = len(presidio.analyze(recs, text))
        dt = time.perf_counter() - t0
        spent += dt
        if last is not None:
            # Observed exponent: time ~ size^growth between the last two slices.
            growth = max(1.0, math.log(dt / last[1]) / math.log(k / last[0]))
        last = (k, dt, n)
        if k == REPS:
            return last + (growth,)
        nxt = min(REPS, k * 4)
        predicted = dt * (nxt / k) ** growth
        if spent + predicted > budget:
            return last + (growth,)
        k = nxt


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(ROOT, "tests", "eval", "corpus.jsonl"))
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--budget", type=float, default=60.0, help="seconds for the mixed text")
    a = ap.parse_args()
    recs = presidio.make_recognizers()
    import importlib.metadata as md

    print(f"Presidio {md.version('presidio-analyzer')} ({len(recs)} pattern recognizers, "
          f"no NLP engine, as tests/eval/presidio.py), Python {sys.version.split()[0]}")
    mixed = UNIT * REPS
    mixed_bytes = len(mixed.encode())
    print(f"mixed text: {mixed_bytes} bytes, sha256 {hashlib.sha256(mixed.encode()).hexdigest()}")

    texts = corpus(a.corpus)
    nbytes = sum(len(t.encode()) for t in texts)
    found, best = bench_corpus(recs, texts, a.repeat)
    print(f"corpus: {len(texts)} samples, {nbytes} bytes, {found} findings")
    mb = nbytes / 1e6
    print(f"{'corpus per sample, all':<28} {mb:>5.1f} MB: {mb / best:>8.3f} MB/s, "
          f"{len(texts) / best:.0f} samples/s")

    k, dt, n, growth = bench_mixed(recs, a.budget)
    sliced = len((UNIT * k).encode())
    note = "" if k == REPS else (
        f" (slice: first {k} of {REPS} repetitions of the unit, {sliced / mixed_bytes:.1%} of the text; "
        f"the full text would exceed the {a.budget:.0f} s budget, time grows ~size^{growth:.2f})")
    print(f"{'mixed, all recognizers':<28} {sliced / 1e6:>5.2f} MB: {sliced / dt / 1e6:>8.3f} MB/s, "
          f"{n} findings in {dt:.1f} s{note}")


if __name__ == "__main__":
    main()
