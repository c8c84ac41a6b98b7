#!/usr/bin/env python3
"""Share of the field values mentioned in free text that `fieldguard anonymize` left in clear.

Usage: python3 benches/known_values.py DATA_DIR OUT_DIR
DATA_DIR is what benches/data/gen_known.py wrote (mentions.json names, per file and record,
the values its free text mentions); OUT_DIR the anonymized users.ndjson and tickets.csv.
A mention is in clear when its text still appears at word boundaries in the output's free
text (notes / body) of the same record. Prints per kind (full name, given name, family name,
email) and per file: mentions, in clear, share.
"""
import csv, json, os, re, sys

data, out = sys.argv[1:3]
mentions = json.load(open(os.path.join(data, "mentions.json"), encoding="utf-8"))
texts = {"users.ndjson": [json.loads(l)["notes"] for l in open(os.path.join(out, "users.ndjson"), encoding="utf-8")]}
with open(os.path.join(out, "tickets.csv"), encoding="utf-8", newline="") as f:
    texts["tickets.csv"] = [r["body"] for r in csv.DictReader(f)]
tally = {}
for name, per in mentions.items():
    for row, ment in per.items():
        text = texts[name][int(row)]
        for kind, value in ment:
            hit = re.search(r"(?<![\w])" + re.escape(value) + r"(?![\w])", text) is not None
            for key in ((name, kind), ("all", kind), ("all", "names" if kind != "email" else "email")):
                t = tally.setdefault(key, [0, 0])
                t[0] += 1
                t[1] += hit
for (name, kind), (n, clear) in sorted(tally.items()):
    print(f"{name:13} {kind:6} mentions {n:6}  in clear {clear:6}  {100.0 * clear / n:5.1f} %")
