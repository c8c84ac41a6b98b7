#!/usr/bin/env python3
"""Presidio where it applies: analyzer + anonymizer over the free-text `notes` of the users export.

Usage: target/eval-venv/bin/python benches/presidio_anonymize.py INPUT [--records 5000] [--out OUT]
(bash benches/setup-venv.sh installs the pinned presidio-analyzer and presidio-anonymizer.)

Presidio is run exactly as in the quality evaluation: tests/eval/presidio.py builds the pattern
recognizers and analyzes a text (imported from there, not duplicated: no spaCy, no NLP engine,
every recognizer on every text, AnalyzerEngine's threshold and de-duplication). Its results go to
presidio-anonymizer's AnonymizerEngine with the `replace` operator (`<EMAIL_ADDRESS>`), the
closest Presidio has to a per-type policy without keys.

Only the first --records records are processed (Presidio runs at ~0.1 MB/s, a 1M-record run
would take hours): each line is parsed, its `notes` analyzed and anonymized, and the record
written back as JSON. The other fields are not touched — Presidio has no notion of a record
or field policy, a script would have to add that. Prints records/s, MB/s (bytes of the whole
records processed, the same measure as for fieldguard, and of the notes alone), peak RSS and
the time extrapolated linearly to 1,000,000 records.
"""
import argparse
import importlib.metadata as md
import itertools
import json
import os
import resource
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "eval"))
import presidio  # noqa: E402  (tests/eval/presidio.py: make_recognizers, analyze)

from presidio_anonymizer import AnonymizerEngine  # noqa: E402
from presidio_anonymizer.entities import OperatorConfig  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("--records", type=int, default=5000, help="size of the slice (first N records)")
    ap.add_argument("--out", default=os.devnull)
    ap.add_argument("--extrapolate", type=int, default=1_000_000, help="records to extrapolate to")
    a = ap.parse_args()

    recs = presidio.make_recognizers()
    engine = AnonymizerEngine()
    operators = {"DEFAULT": OperatorConfig("replace")}
    with open(a.input, encoding="utf-8") as f:
        lines = [line for line in itertools.islice(f, a.records) if line.strip()]
    # Warm-up on a few records (regex compilation, tldextract's suffix list) outside the timing.
    for line in lines[:20]:
        text = json.loads(line)["notes"]
        engine.anonymize(text, presidio.analyze(recs, text), operators)

    nbytes = sum(len(line.encode()) for line in lines)
    notes_bytes = 0
    found = 0
    t0 = time.perf_counter()
    with open(a.out, "w", encoding="utf-8") as out:
        for line in lines:
            r = json.loads(line)
            text = r.get("notes")
            if isinstance(text, str):
                notes_bytes += len(text.encode())
                results = presidio.analyze(recs, text)
                found += len(results)
                r["notes"] = engine.anonymize(text, results, operators).text
            out.write(json.dumps(r, ensure_ascii=False))
            out.write("\n")
    dt = time.perf_counter() - t0

    n = len(lines)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    est = a.extrapolate / (n / dt)
    print(f"presidio {md.version('presidio-analyzer')}/{md.version('presidio-anonymizer')} "
          f"({len(recs)} pattern recognizers, replace), notes of the first {n} records: "
          f"{found} findings in {dt:.1f} s: {n / dt:.0f} records/s, {nbytes / 1e6 / dt:.3f} MB/s "
          f"of records ({notes_bytes / 1e6 / dt:.3f} MB/s of notes), peak RSS {rss_mb:.0f} MiB, "
          f"extrapolated {a.extrapolate} records: {est:.0f} s ({est / 3600:.1f} h)")


if __name__ == "__main__":
    sys.exit(main())
