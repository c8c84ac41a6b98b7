#!/usr/bin/env python3
"""Score PII predictions against tests/eval/corpus.jsonl (stdlib only).

Predictions: JSONL, one finding per line, {"id", "type", "start", "end"} with code point
offsets into the sample's text (extra keys are ignored).

Matching is EXACT: a prediction is a true positive iff a gold span of the same sample has the
same type, start and end (each gold span can be matched once; duplicate predictions are
counted once). Every other prediction is a false positive, every unmatched gold span a false
negative. P = TP/(TP+FP), R = TP/(TP+FN), F1 their harmonic mean; "-" when undefined.
Enclosing quote marks are not part of a span: before matching, gold spans and predictions of
every system alike lose leading and trailing quote characters (" ' ` “ ” ‘ ’ « » „). Presidio's
quoted-URL pattern returns the quotes and its test rows expect them; in JSON, CSV and code they
are syntax, which an anonymizer must keep, so neither convention is penalized.
Column "R~" is a lenient recall: a gold span counts as found if any prediction of the same
type overlaps it (shows span-convention mismatches, e.g. a URL reported with its trailing dot).

PII characters left in clear, per type: of the code points inside the gold spans of that type,
the share not covered by any prediction of the sample (of any type, in or out of the case's
scope: `anonymize` replaces every finding, whatever its type). It is what the default operators
(replace, pseudonymize, hash, encrypt: the whole span) leave readable; a `mask` that keeps the
last digits keeps those on purpose and is not counted here.

Hard-negative precision = fraction of hard-negative samples (no gold span; they contain
look-alikes such as Luhn-failing 16-digit numbers, versions, hashes) on which the system
reported nothing at all, of any type.

Cases with a "scope" (the external sets, tests/eval/external/) judge only the types listed
there: gold spans and predictions of other types are ignored on them, and a case without gold
spans is a negative of each type in its scope; per type, "neg" counts those negatives and
"neg_flagged" the ones on which a prediction of that type was made.

With --types, only those types count (gold spans and predictions of other types are ignored,
also for the hard-negative measure) - used to compare systems on the types they share.

Usage:
  score.py --system presidio=target/eval/presidio.jsonl [--system fieldguard=fg.jsonl]
           [--types T1,T2] [--title ...] [--json out.json]
  score.py --from-fieldguard scan.ndjson --out fg.jsonl
      converts `fieldguard scan --format ndjson-lines` output produced on the corpus texts
      written one per line (line N = N-th sample, 1-based; see texts) into predictions.
  score.py --texts corpus.txt    writes the corpus texts one per line (the scan input).
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load_corpus(path):
    return [json.loads(line) for line in open(path, encoding="utf-8")]


def load_preds(path):
    out = collections.defaultdict(set)
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            p = json.loads(line)
            try:
                out[p["id"]].add((p["type"], int(p["start"]), int(p["end"])))
            except KeyError as e:
                sys.exit(f"{path}:{n}: missing key {e}")
    return out


QUOTES = frozenset("\"'`\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e")


def unquoted(text, span):
    """`span` (type, start, end) without enclosing quote characters (see the module docs)."""
    t, a, b = span
    while a < b and text[a] in QUOTES:
        a += 1
    while b > a and text[b - 1] in QUOTES:
        b -= 1
    return (t, a, b)


def score(corpus, preds, types=None):
    keep = (lambda t: t in types) if types else (lambda t: True)
    tp, fp, fn, lenient, neg, neg_flagged = (collections.Counter() for _ in range(6))
    gold_n = collections.Counter()
    gold_chars, clear_chars = collections.Counter(), collections.Counter()
    hn_total = hn_clean = 0
    fp_by_distractor = collections.Counter()
    ids = {s["id"] for s in corpus}
    unknown = [i for i in preds if i not in ids]
    for s in corpus:
        scope = set(s["scope"]) if "scope" in s else None
        judged = (lambda t: keep(t) and t in scope) if scope is not None else keep
        text = s["text"]
        gold = {unquoted(text, (g["type"], g["start"], g["end"])) for g in s["spans"] if judged(g["type"])}
        pred = {unquoted(text, p) for p in preds.get(s["id"], ()) if judged(p[0])}
        if scope is not None and not gold:  # a negative of each type it judges
            for t in scope:
                if keep(t):
                    neg[t] += 1
                    neg_flagged[t] += any(p[0] == t for p in pred)
        covered = preds.get(s["id"], ())
        for g in gold:
            gold_n[g[0]] += 1
            gold_chars[g[0]] += g[2] - g[1]
            clear_chars[g[0]] += sum(1 for i in range(g[1], g[2]) if not any(q[1] <= i < q[2] for q in covered))
            if g in pred:
                tp[g[0]] += 1
            else:
                fn[g[0]] += 1
            if any(p[0] == g[0] and p[1] < g[2] and g[1] < p[2] for p in pred):
                lenient[g[0]] += 1
        for p in pred - gold:
            fp[p[0]] += 1
        if s.get("kind") == "hard_negative" or not s["spans"]:
            hn_total += 1
            if not pred:
                hn_clean += 1
            for p in pred:
                for d in s.get("distractors", ()):
                    if p[1] < d["end"] and d["start"] < p[2]:
                        fp_by_distractor[d["kind"]] += 1
    all_types = sorted(set(gold_n) | set(fp) | set(neg), key=lambda t: t)
    rows = {}
    for t in all_types + ["(micro)"]:
        if t == "(micro)":
            a, b, c, l, n = sum(tp.values()), sum(fp.values()), sum(fn.values()), sum(lenient.values()), sum(gold_n.values())
            gc, cc = sum(gold_chars.values()), sum(clear_chars.values())
        else:
            a, b, c, l, n = tp[t], fp[t], fn[t], lenient[t], gold_n[t]
            gc, cc = gold_chars[t], clear_chars[t]
        p = a / (a + b) if a + b else None
        r = a / (a + c) if a + c else None
        f = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
        ng = sum(neg.values()) if t == "(micro)" else neg[t]
        nf = sum(neg_flagged.values()) if t == "(micro)" else neg_flagged[t]
        rows[t] = {"gold": n, "tp": a, "fp": b, "fn": c, "p": p, "r": r, "f1": f, "r_lenient": l / n if n else None,
                   "neg": ng, "neg_flagged": nf, "neg_rate": nf / ng if ng else None,
                   "gold_chars": gc, "clear_chars": cc, "clear": cc / gc if gc else None}
    return {"types": rows, "hard_negatives": hn_total, "hard_negatives_clean": hn_clean,
            "hard_negative_precision": hn_clean / hn_total if hn_total else None,
            "fp_by_distractor": dict(sorted(fp_by_distractor.items())), "unknown_ids": len(unknown)}


def fmt(x):
    return "-" if x is None else "%.3f" % x


def pct(x):
    return "-" if x is None else f"{100 * x:.1f} %"


def table(name, res):
    lines = [f"| {name} | gold | TP | FP | FN | P | R | F1 | R~ | left in clear |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for t, r in res["types"].items():
        label = f"**{t}**" if t == "(micro)" else t
        lines.append(f"| {label} | {r['gold']} | {r['tp']} | {r['fp']} | {r['fn']} | {fmt(r['p'])} | {fmt(r['r'])} "
                     f"| {fmt(r['f1'])} | {fmt(r['r_lenient'])} | {pct(r['clear'])} |")
    lines.append("")
    lines.append(f"Hard-negative precision ({name}): {fmt(res['hard_negative_precision'])} "
                 f"({res['hard_negatives_clean']}/{res['hard_negatives']} hard-negative samples without any finding)")
    if res["fp_by_distractor"]:
        lines.append("False positives on hard negatives by look-alike kind: " +
                     ", ".join(f"{k} {v}" for k, v in res["fp_by_distractor"].items()))
    if res["unknown_ids"]:
        lines.append(f"WARNING: {res['unknown_ids']} prediction ids are not in the corpus")
    return "\n".join(lines)


def compare_table(results):
    names = list(results)
    head = "| type | " + " | ".join(f"{n} P | {n} R | {n} F1" for n in names) + " |"
    lines = [head, "|---|" + "---:|" * (3 * len(names))]
    types = []
    for r in results.values():
        types += [t for t in r["types"] if t not in types and t != "(micro)"]
    for t in sorted(types) + ["(micro)"]:
        cells = []
        for n in names:
            r = results[n]["types"].get(t)
            cells += [fmt(r["p"]), fmt(r["r"]), fmt(r["f1"])] if r else ["-"] * 3
        lines.append(f"| {'**(micro)**' if t == '(micro)' else t} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("Hard-negative precision: " + ", ".join(
        f"{n} {fmt(results[n]['hard_negative_precision'])}" for n in names))
    return "\n".join(lines)


def corpus_stats(corpus):
    kinds = collections.Counter(s["kind"] for s in corpus)
    langs = collections.Counter(s["lang"] for s in corpus)
    types = collections.Counter(sp["type"] for s in corpus for sp in s["spans"])
    dis = collections.Counter(d["kind"] for s in corpus for d in s.get("distractors", ()))
    nbytes = sum(len(s["text"].encode()) for s in corpus)
    nonascii = sum(1 for s in corpus if len(s["text"].encode()) != len(s["text"]))
    out = [f"- samples: {len(corpus)} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}); "
           f"text: {nbytes} UTF-8 bytes; {nonascii} samples contain non-ASCII (accents, emoji)",
           "- languages: " + ", ".join(f"{k} {v}" for k, v in sorted(langs.items())),
           "- gold spans per type: " + ", ".join(f"{k} {v}" for k, v in sorted(types.items())),
           "- hard-negative look-alikes: " + ", ".join(f"{k} {v}" for k, v in sorted(dis.items()))]
    return "\n".join(out)


def from_fieldguard(scan_path, corpus, out_path):
    """fieldguard `scan --format ndjson-lines` on the texts file -> prediction JSONL."""
    n = 0
    with open(out_path, "w", encoding="utf-8") as out, open(scan_path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            o = json.loads(line)
            s = corpus[int(o["line"]) - 1]
            start, end = int(o["charStart"]), int(o["charEnd"])
            # cross-check the byte offsets against the code point offsets
            if "start" in o and len(s["text"][:start].encode()) != int(o["start"]):
                print(f"warning: line {o['line']}: byte/char offsets disagree", file=sys.stderr)
            out.write(json.dumps({"id": s["id"], "type": o["type"], "start": start, "end": end,
                                  "score": o.get("score"), "recognizer": o.get("recognizer")}) + "\n")
            n += 1
    print(f"converted {n} fieldguard findings", file=sys.stderr)


def scan_cli(exe, cases, tmp, text=lambda c: c["text"]):
    """fieldguard's predictions on `cases`, through the CLI as a user runs it (`scan --lines`,
    one text per line; `text` gives each case's line, which must not hold a line break)."""
    texts = os.path.join(tmp, "texts.txt")
    with open(texts, "w", encoding="utf-8") as f:
        for c in cases:
            line = text(c)
            assert "\n" not in line, c["id"]
            f.write(line + "\n")
    scan = os.path.join(tmp, "scan.ndjson")
    with open(texts, "rb") as stdin, open(scan, "wb") as stdout:
        subprocess.run([exe, "scan", "--lines"], stdin=stdin, stdout=stdout, check=True)
    preds = os.path.join(tmp, "fieldguard.jsonl")
    from_fieldguard(scan, cases, preds)
    return load_preds(preds)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(HERE, "corpus.jsonl"))
    ap.add_argument("--system", action="append", default=[], help="NAME=PRED.jsonl")
    ap.add_argument("--types", help="comma-separated types to restrict to")
    ap.add_argument("--title")
    ap.add_argument("--json")
    ap.add_argument("--from-fieldguard")
    ap.add_argument("--out")
    ap.add_argument("--texts")
    ap.add_argument("--stats", action="store_true", help="print corpus statistics (markdown)")
    ap.add_argument("--compare", action="store_true", help="also print a side-by-side table")
    a = ap.parse_args()
    corpus = load_corpus(a.corpus)
    if a.texts:
        with open(a.texts, "w", encoding="utf-8", newline="\n") as f:
            for s in corpus:
                f.write(s["text"] + "\n")
        return
    if a.stats:
        print(corpus_stats(corpus))
        return
    if a.from_fieldguard:
        from_fieldguard(a.from_fieldguard, corpus, a.out or "fieldguard.jsonl")
        return
    types = set(a.types.split(",")) if a.types else None
    results = {}
    if a.title:
        print(f"### {a.title}\n")
    for spec in a.system:
        name, path = spec.split("=", 1)
        results[name] = score(corpus, load_preds(path), types)
        print(table(name, results[name]))
        print()
    if a.compare and len(results) > 1:
        print(compare_table(results))
        print()
    if a.json:
        with open(a.json, "w") as f:
            json.dump(results, f, indent=1)


if __name__ == "__main__":
    main()
