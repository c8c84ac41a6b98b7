#!/usr/bin/env python3
"""Run Microsoft Presidio's pattern recognizers over the corpus (baseline for fieldguard).

Usage: target/eval-venv/bin/python tests/eval/presidio.py [--corpus C] [--out PRED.jsonl] [--stats STATS.json]
       [--repeat N]   (N timing passes, default 2; 0 = write the predictions only)

How Presidio is run, and why:
  * No spaCy model can be downloaded here, so no NLP engine (and no AnalyzerEngine, whose
    constructor loads one) is created. Each predefined pattern-based recognizer is
    instantiated directly and called as recognizer.analyze(text, entities, nlp_artifacts=None).
    Consequences: no context enhancement (LemmaContextAwareEnhancer needs lemmas from the
    NLP artifacts, so context words such as "SSN" or "IBAN" near a value do not raise its
    score), no SpacyRecognizer (PERSON, LOCATION, DATE_TIME/NRP from NER).
  * Every recognizer runs on every sample whatever its language (AnalyzerEngine would only run
    the recognizers registered for the request's language; fieldguard is language-agnostic).
  * Score threshold: the AnalyzerEngine default, default_score_threshold=0, resolved as
    AnalyzerEngine does (a recognizer's own score_thresholds for the entity, else its "default",
    else 0); results with score 0 (failed checksum) are already dropped by the recognizers.
    Then EntityRecognizer.remove_duplicates, as AnalyzerEngine.analyze does.
  * EmailRecognizer's tldextract uses its bundled public-suffix snapshot (no network).
  * PhoneRecognizer keeps its default supported_regions (national numbers of other countries
    are only found in +CC international form) and leniency=1 (VALID).
Throughput: total UTF-8 bytes of all sample texts / wall time of one full pass over the corpus
with all recognizers, after one warm-up pass (best of --repeat passes).
"""
import argparse
import importlib.metadata
import json
import os
import sys
import time

import tldextract
import tldextract.tldextract

from presidio_analyzer import EntityRecognizer
from presidio_analyzer import predefined_recognizers as pr

# EmailRecognizer validates the domain with tldextract, which would fetch the public suffix
# list from the network; use the snapshot bundled with tldextract instead (offline, same rules).
tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)

HERE = os.path.dirname(os.path.abspath(__file__))

# Presidio class name -> (our entity type for each Presidio entity it emits)
RECOGNIZERS = [
    "CreditCardRecognizer", "EmailRecognizer", "IbanRecognizer", "IpRecognizer", "PhoneRecognizer",
    "UrlRecognizer", "UsSsnRecognizer", "CryptoRecognizer", "MacAddressRecognizer", "NhsRecognizer",
    "EsNifRecognizer", "EsNieRecognizer", "ItFiscalCodeRecognizer", "PlPeselRecognizer", "DeTaxIdRecognizer",
]
ENTITY_MAP = {
    "CREDIT_CARD": "CREDIT_CARD", "EMAIL_ADDRESS": "EMAIL_ADDRESS", "IBAN_CODE": "IBAN_CODE",
    "IP_ADDRESS": "IP_ADDRESS", "PHONE_NUMBER": "PHONE_NUMBER", "URL": "URL", "US_SSN": "US_SSN",
    "CRYPTO": "CRYPTO", "MAC_ADDRESS": "MAC_ADDRESS", "UK_NHS": "UK_NHS", "ES_NIF": "ES_NIF",
    "ES_NIE": "ES_NIF", "IT_FISCAL_CODE": "IT_FISCAL_CODE", "PL_PESEL": "PL_PESEL", "DE_TAX_ID": "DE_TAX_ID",
}


def make_recognizers():
    recs = []
    for name in RECOGNIZERS:
        cls = getattr(pr, name, None)
        if cls is None:
            print(f"presidio: {name} not available in this version, skipped", file=sys.stderr)
            continue
        recs.append(cls())
    return recs


def threshold(rec, entity):
    t = rec.score_thresholds
    if entity in t:
        return t[entity]
    return t.get("default", 0.0)


def analyze(recs, text):
    results = []
    for rec in recs:
        for res in rec.analyze(text, rec.supported_entities, nlp_artifacts=None):
            if res.score >= threshold(rec, res.entity_type):
                res.recognition_metadata = dict(res.recognition_metadata or {}, _rec=rec.name)
                results.append(res)
    return EntityRecognizer.remove_duplicates(results)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=os.path.join(HERE, "corpus.jsonl"))
    ap.add_argument("--out", default="target/eval/presidio.jsonl")
    ap.add_argument("--stats", default="target/eval/presidio-stats.json")
    ap.add_argument("--repeat", type=int, default=2)
    a = ap.parse_args()
    samples = [json.loads(line) for line in open(a.corpus, encoding="utf-8")]
    recs = make_recognizers()
    entities = sorted({e for r in recs for e in r.supported_entities})
    unmapped = [e for e in entities if e not in ENTITY_MAP]
    preds = []
    for s in samples:  # warm-up pass, also the one whose predictions are written
        seen = set()
        for res in analyze(recs, s["text"]):
            typ = ENTITY_MAP.get(res.entity_type)
            if typ is None or (typ, res.start, res.end) in seen:
                continue
            seen.add((typ, res.start, res.end))
            preds.append({"id": s["id"], "type": typ, "start": res.start, "end": res.end,
                          "score": round(res.score, 3), "recognizer": res.recognition_metadata.get("_rec")})
    nbytes = sum(len(s["text"].encode()) for s in samples)
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    with open(a.out, "w", encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    if a.repeat == 0:  # predictions only (the external sets' baselines), no timing passes
        return
    best = None
    for _ in range(a.repeat):
        t0 = time.perf_counter()
        for s in samples:
            analyze(recs, s["text"])
        dt = time.perf_counter() - t0
        best = dt if best is None else min(best, dt)
    per_rec = {}
    for rec in recs:  # where the time goes: one pass per recognizer
        t0 = time.perf_counter()
        for s in samples:
            rec.analyze(s["text"], rec.supported_entities, nlp_artifacts=None)
        per_rec[rec.name] = round(time.perf_counter() - t0, 4)
    stats = {
        "presidio_analyzer": importlib.metadata.version("presidio-analyzer"),
        "phonenumbers": importlib.metadata.version("phonenumbers"),
        "recognizers": [r.name for r in recs], "entities": entities, "unmapped_entities": unmapped,
        "samples": len(samples), "bytes": nbytes, "seconds": round(best, 4),
        "mb_per_s": round(nbytes / best / 1e6, 4), "samples_per_s": round(len(samples) / best, 1),
        "score_threshold": "AnalyzerEngine default (0), per-recognizer score_thresholds if set",
        "context_enhancement": False, "seconds_by_recognizer": per_rec,
    }
    os.makedirs(os.path.dirname(os.path.abspath(a.stats)), exist_ok=True)
    with open(a.stats, "w") as f:
        json.dump(stats, f, indent=1)
    print(json.dumps(stats), file=sys.stderr)


if __name__ == "__main__":
    main()
