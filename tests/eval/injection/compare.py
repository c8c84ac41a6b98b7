#!/usr/bin/env python3
"""Injection detection on the external sets, fieldguard beside libinjection.

    compare.py --fieldguard target/debug/fieldguard [--out FILE] [--misses DIR]

Reads tests/data/injection/external/*.jsonl (built by build.py, provenance in
SOURCES.md) and the project's own corpus (tests/data/injection/, which the
rules were tuned on: its dev half while writing them, its test half held out).
fieldguard runs through `fieldguard detect --ndjson` with default options; a
payload counts as detected when a finding has one of the payload's accepted
categories (the "any finding" column counts a finding of any category: a
command-list payload reported as code-eval), a benign value as flagged when
it has any finding. libinjection
runs through its Python binding (libinjection-python, pinned in
tests/eval/setup.sh): `is_sql_injection` for SQL payloads, `is_xss` for XSS
payloads, and either for benign values.
"""
import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
EXT = ROOT / "tests" / "data" / "injection" / "external"
OWN = ROOT / "tests" / "data" / "injection"
CATEGORIES = ["sql", "xss", "command", "path-traversal", "template", "code-eval"]
ATTACK_SETS = [
    ("patt", "PayloadsAllTheThings intruder lists"),
    ("libinjection", "libinjection data/ (its own SQLi/XSS test inputs)"),
    ("blns", "Big List of Naughty Strings, attack sections"),
]
BENIGN_SETS = [
    ("benign-real", "real text: Debian changelogs, copyright files, man pages, Python docstrings and doctests, multilingual names and addresses"),
    ("libinjection-benign", "libinjection data/false_positives.txt"),
    ("blns-benign", "Big List of Naughty Strings, non-attack sections"),
]


def load(name):
    """A set's rows: `NAME.jsonl`, or its parts `NAME.1.jsonl`, `NAME.2.jsonl`, …"""
    paths = [EXT / f"{name}.jsonl"]
    if not paths[0].exists():
        paths = sorted(EXT.glob(f"{name}.[0-9]*.jsonl"), key=lambda p: int(p.name.split(".")[-2]))
    if not paths:
        sys.exit(f"no set {name} in {EXT}")
    return [json.loads(l) for p in paths for l in p.read_text(encoding="utf-8").split("\n") if l]


def own(name, category):
    rows = []
    for split in ("dev", "test"):
        p = OWN / f"{name}-{split}.txt"
        for line in p.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#|"):
                rows.append({"value": line, "accept": [category] if category else [], "split": split})
    return rows


def fieldguard(binary, values):
    payload = "".join(json.dumps(v) + "\n" for v in values)
    out = subprocess.run(
        [binary, "detect", "--ndjson"], input=payload.encode(), capture_output=True, timeout=900
    )
    if out.returncode != 0:
        sys.exit(f"fieldguard detect --ndjson failed: {out.stderr.decode(errors='replace')}")
    lines = out.stdout.decode().splitlines()
    assert len(lines) == len(values), (len(lines), len(values))
    return [json.loads(l) for l in lines]


def libinjection():
    try:
        import libinjection as li  # noqa: PLC0415
    except ImportError:
        return None
    return li


def pct(hit, total):
    return f"{100.0 * hit / total:.1f} % ({hit}/{total})" if total else "—"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fieldguard", required=True)
    ap.add_argument("--out", help="also write the report (markdown) here")
    ap.add_argument("--misses", help="write each set's misses and false positives to DIR")
    a = ap.parse_args()
    li = libinjection()
    if li is None:
        sys.exit("libinjection-python is not installed (bash tests/eval/setup.sh installs it)")

    report = [
        "| set | category | fieldguard (its category) | fieldguard (any finding) | libinjection |",
        "|---|---|---:|---:|---:|",
    ]
    misses = defaultdict(list)
    sets = [(n, d, load(n)) for n, d in ATTACK_SETS]
    sets.append(("own-test", "this project's corpus, held-out test half (rules tuned on the dev half)",
                 [r for c in CATEGORIES for r in own(c, c) if r["split"] == "test"]))
    for name, _desc, rows in sets:
        found = fieldguard(a.fieldguard, [r["value"] for r in rows])
        per = defaultdict(lambda: [0, 0, 0, 0])  # fieldguard hits, libinjection hits, total, any finding
        for r, f in zip(rows, found):
            cat = r["accept"][0]
            cats = {x["category"] for x in f}
            hit = bool(cats & set(r["accept"]))
            c = per[cat]
            c[2] += 1
            c[0] += hit
            c[3] += bool(f)
            if cat == "sql":
                c[1] += bool(li.is_sql_injection(r["value"])["is_sqli"])
            elif cat == "xss":
                c[1] += bool(li.is_xss(r["value"])["is_xss"])
            if not hit:
                misses[name].append(f"{cat}\t{r.get('origin', r.get('split'))}\t{r['value']!r}")
        for cat in CATEGORIES:
            if cat in per:
                fg, lh, total, anyf = per[cat]
                other = pct(lh, total) if cat in ("sql", "xss") else "—"
                report.append(f"| {name} | {cat} | {pct(fg, total)} | {pct(anyf, total)} | {other} |")
    report += ["", "| benign set | values | fieldguard flags | libinjection flags |", "|---|---:|---:|---:|"]
    benign = [(n, d, load(n)) for n, d in BENIGN_SETS]
    benign.append(("own-benign-test", "this project's benign corpus, test half", [r for r in own("benign", None) if r["split"] == "test"]))
    for name, _desc, rows in benign:
        found = fieldguard(a.fieldguard, [r["value"] for r in rows])
        fg = lh = 0
        for r, f in zip(rows, found):
            fg += bool(f)
            lh += bool(li.is_sql_injection(r["value"])["is_sqli"] or li.is_xss(r["value"])["is_xss"])
            if f:
                rules = ",".join(sorted({x["rule"] for x in f}))
                misses[name].append(f"{rules}\t{r.get('origin', r.get('split'))}\t{r['value']!r}")
        report.append(f"| {name} | {len(rows)} | {pct(fg, len(rows))} | {pct(lh, len(rows))} |")
    text = "\n".join(report) + "\n"
    print(text)
    if a.out:
        Path(a.out).parent.mkdir(parents=True, exist_ok=True)
        Path(a.out).write_text(text, encoding="utf-8")
    if a.misses:
        d = Path(a.misses)
        d.mkdir(parents=True, exist_ok=True)
        for name, lines in misses.items():
            (d / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
