#!/usr/bin/env python3
"""Quality gate for the PII recognizers (stdlib only; runs in the test command).

Scans every text of two corpora with the fieldguard CLI (`scan --lines`), scores them with
score.py (exact span match), and compares with Microsoft Presidio's predictions on the same
texts, committed in tests/eval/baseline/ so that the gate needs no network and no Python
packages. The corpora: tests/eval/corpus.jsonl (seed 20261122, the one the recognizers were
tuned on) and a held-out corpus that generate.py writes with seed 7 (same templates, other
values; it guards against fitting the values, not the templates). Fails (exit 1), on either
corpus, when

  * fieldguard's F1 on a type Presidio also covers is below Presidio's, or
  * fieldguard's precision on the hard-negative samples (no PII, only look-alikes such as
    Luhn-failing 16-digit numbers, versions, hashes) is below HARD_NEGATIVE_PRECISION, or
  * fieldguard's micro F1 over all its types is below MICRO_F1.

The baselines are Presidio's output, not numbers: regenerate them after changing the generator
with `bash tests/eval/run.sh` (installs presidio-analyzer into target/eval-venv) and
`cp target/eval/presidio.jsonl tests/eval/baseline/presidio.jsonl`, and for the held-out one
`python3 tests/eval/generate.py --seed 7 --out /tmp/heldout.jsonl && target/eval-venv/bin/python
tests/eval/presidio.py --corpus /tmp/heldout.jsonl --out tests/eval/baseline/presidio-seed7.jsonl`.

Usage: gate.py [--fieldguard target/debug/fieldguard]
"""
import argparse
import ast
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import score  # noqa: E402

HARD_NEGATIVE_PRECISION = 0.99
MICRO_F1 = 0.95


def presidio_types():
    """The fieldguard types Presidio's recognizers map to (presidio.py ENTITY_MAP), read
    without importing presidio.py (which needs presidio-analyzer)."""
    tree = ast.parse(open(os.path.join(HERE, "presidio.py"), encoding="utf-8").read())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "ENTITY_MAP" for t in node.targets):
            return sorted(set(ast.literal_eval(node.value).values()))
    sys.exit("gate: ENTITY_MAP not found in presidio.py")


HELD_OUT_SEED = 7


def scan_corpus(fieldguard, corpus, tmp):
    """fieldguard's predictions on `corpus`, via the CLI as a user would run it."""
    texts = os.path.join(tmp, "corpus.txt")
    with open(texts, "w", encoding="utf-8") as f:
        for s in corpus:
            assert "\n" not in s["text"], s["id"]
            f.write(s["text"] + "\n")
    scan = os.path.join(tmp, "scan.ndjson")
    with open(texts, "rb") as stdin, open(scan, "wb") as stdout:
        subprocess.run([fieldguard, "scan", "--lines"], stdin=stdin, stdout=stdout, check=True)
    preds = os.path.join(tmp, "fieldguard.jsonl")
    score.from_fieldguard(scan, corpus, preds)
    return score.load_preds(preds)


def gate(name, corpus, fg_preds, presidio_preds, shared):
    """Print the comparison; return the list of failures."""
    fg_all = score.score(corpus, fg_preds)
    fg_shared = score.score(corpus, fg_preds, set(shared))
    pr_shared = score.score(corpus, presidio_preds, set(shared))
    failures = []
    print(f"## {name}\n")
    print("| type | fieldguard F1 | Presidio F1 |")
    print("|---|---:|---:|")
    for t in shared:
        f = fg_shared["types"].get(t, {}).get("f1") or 0.0
        p = pr_shared["types"].get(t, {}).get("f1") or 0.0
        print(f"| {t} | {f:.3f} | {p:.3f} |")
        if f < p:
            failures.append(f"{name}: {t}: F1 {f:.3f} is below Presidio's {p:.3f}")
    micro = fg_all["types"]["(micro)"]["f1"] or 0.0
    hn = fg_all["hard_negative_precision"] or 0.0
    print(f"\nfieldguard micro F1, all types: {micro:.3f} (gate {MICRO_F1})")
    print(f"fieldguard hard-negative precision: {hn:.3f} (gate {HARD_NEGATIVE_PRECISION}); "
          f"Presidio: {pr_shared['hard_negative_precision']:.3f} on its types\n")
    if micro < MICRO_F1:
        failures.append(f"{name}: micro F1 {micro:.3f} < {MICRO_F1}")
    if hn < HARD_NEGATIVE_PRECISION:
        failures.append(f"{name}: hard-negative precision {hn:.3f} < {HARD_NEGATIVE_PRECISION}; "
                        f"false positives by look-alike: {fg_all['fp_by_distractor']}")
    return failures


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fieldguard", default="target/debug/fieldguard")
    args = ap.parse_args()
    shared = presidio_types()
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        held_out = os.path.join(tmp, "held-out.jsonl")
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), "--seed", str(HELD_OUT_SEED),
                        "--out", held_out], check=True, stdout=subprocess.DEVNULL)
        for name, corpus_path, baseline in [
            ("tuning corpus (tests/eval/corpus.jsonl)", os.path.join(HERE, "corpus.jsonl"), "presidio.jsonl"),
            (f"held-out corpus (seed {HELD_OUT_SEED})", held_out, f"presidio-seed{HELD_OUT_SEED}.jsonl"),
        ]:
            corpus = score.load_corpus(corpus_path)
            fg_preds = scan_corpus(args.fieldguard, corpus, tmp)
            presidio_preds = score.load_preds(os.path.join(HERE, "baseline", baseline))
            failures += gate(name, corpus, fg_preds, presidio_preds, shared)
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("OK: at or above Presidio on every shared type, on both corpora")
    return 0


if __name__ == "__main__":
    sys.exit(main())
