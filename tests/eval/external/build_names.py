#!/usr/bin/env python3
"""Build the free-text evaluation sets of the `names` feature (PERSON_NAME, LOCATION,
STREET_ADDRESS); see SOURCES.md. Same case format as build.py.

  names-presidio-synth.jsonl  presidio-research's data/synth_dataset_v2.json (1500 English
                              sentences from its templates, filled with FakeNameGenerator
                              values; MIT) at PRESIDIO_RESEARCH_COMMIT. PERSON -> PERSON_NAME,
                              GPE -> LOCATION, STREET_ADDRESS kept; scope: those three types.
                              Set "presidio-synth". Not written by us.
  names-presidio-synth-v1.jsonl  presidio-research's older data/synth_dataset.txt (300 English
                              sentences, 2021, an earlier generator: other values and partly
                              other templates; MIT) at SYNTH_V1_COMMIT. PERSON -> PERSON_NAME;
                              it labels whole addresses LOCATION: a LOCATION span with a digit
                              (`Grundingen 6, OSLO 0250`) -> STREET_ADDRESS, the others ->
                              LOCATION. Set "presidio-synth-v1": held out, no rule was chosen
                              from its errors (the names rules were tuned on presidio-synth).
  names-generated.jsonl       GENERATED here: Faker (FAKER) names, cities and streets in our own
                              templates for en, de, fr, es, it, nl, pl (seed 13). Set
                              "names-generated"; scored apart and labelled as generated.

Usage: target/eval-venv/bin/python tests/eval/external/build_names.py [--check]
         [--presidio-research-repo GIT_DIR]
"""
import argparse
import hashlib
import importlib.metadata
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PRESIDIO_RESEARCH_COMMIT = "7622dec1e5f7d25dc60b57c28c39f4c4af197018"
FAKER = "40.63.0"
TYPES = ["PERSON_NAME", "LOCATION", "STREET_ADDRESS"]
MAP = {"PERSON": "PERSON_NAME", "GPE": "LOCATION", "STREET_ADDRESS": "STREET_ADDRESS"}


VENDORED = os.path.join(HERE, "sources", "presidio-research")
SYNTH = "data/synth_dataset_v2.json"
# The older dataset was removed from the repository before PRESIDIO_RESEARCH_COMMIT: read it at
# the last commit that has it.
SYNTH_V1 = "data/synth_dataset.txt"
SYNTH_V1_COMMIT = "617fc0aafff208ef7a3503f6d1df0b8bca8ce607"


def git_blob_id(data):
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def synth_bytes(repo, path=SYNTH, commit=PRESIDIO_RESEARCH_COMMIT):
    """A presidio-research dataset at its pinned commit: from a clone when `repo` is given, else
    the committed copy in sources/presidio-research/ (MIT, its LICENSE beside it), refused
    unless its git blob id is the one the commit lists (MANIFEST)."""
    want = dict(reversed(line.split()) for line in open(os.path.join(VENDORED, "MANIFEST"), encoding="utf-8"))
    if repo:
        raw = subprocess.run(["git", "--git-dir", repo, "show", f"{commit}:{path}"],
                             check=True, capture_output=True).stdout
    else:
        raw = open(os.path.join(VENDORED, path), "rb").read()
    if git_blob_id(raw) != want.get(path):
        sys.exit(f"build_names.py: {path} is not the file of presidio-research {commit[:7]}")
    return raw


def presidio_synth_v1(repo):
    raw = synth_bytes(repo, SYNTH_V1, SYNTH_V1_COMMIT)
    out = []
    for n, row in enumerate(json.loads(raw), 1):
        text = row["full_text"]
        spans = []
        for s in row["spans"]:
            value = s["entity_value"]
            if s["entity_type"] == "PERSON":
                t = "PERSON_NAME"
            elif s["entity_type"] == "LOCATION":
                t = "STREET_ADDRESS" if any(c.isdigit() for c in value) else "LOCATION"
            else:
                continue
            assert text[s["start_position"]:s["end_position"]] == value, n
            spans.append({"type": t, "start": s["start_position"], "end": s["end_position"]})
        spans.sort(key=lambda s: (s["start"], s["end"]))
        out.append({"id": f"synth1-{n:04d}", "lang": "en", "kind": "positive" if spans else "negative",
                    "text": text, "spans": spans, "set": "presidio-synth-v1", "scope": TYPES,
                    "origin": {"file": SYNTH_V1, "commit": SYNTH_V1_COMMIT, "row": n,
                               "template": (row.get("metadata") or {}).get("Template#")}})
    return out


def presidio_synth(repo):
    raw = synth_bytes(repo)
    out = []
    for n, row in enumerate(json.loads(raw), 1):
        text = row["full_text"]
        spans = []
        for s in row["spans"]:
            t = MAP.get(s["entity_type"])
            if t:
                # the dataset's offsets are code points (Python str indices)
                assert text[s["start_position"]:s["end_position"]] == s["entity_value"], n
                spans.append({"type": t, "start": s["start_position"], "end": s["end_position"]})
        spans.sort(key=lambda s: (s["start"], s["end"]))
        out.append({"id": f"synth-{n:04d}", "lang": "en", "kind": "positive" if spans else "negative",
                    "text": text, "spans": spans, "set": "presidio-synth", "scope": TYPES,
                    "origin": {"file": "data/synth_dataset_v2.json", "row": n,
                               "template_id": row.get("template_id")}})
    return out


# Our templates (hence "generated"): {P} person, {C} city, {S} street address.
TEMPLATES = {
    "en": ["Yesterday I spoke with {P} about the invoice.", "Please forward this to {P}.",
           "{P} moved to {C} last year.", "Send the parcel to {S}.",
           "Our office in {C} is closed today.", "The meeting with {P} is at {S}."],
    "de": ["Gestern habe ich mit {P} telefoniert.", "Bitte leiten Sie das an {P} weiter.",
           "{P} ist letztes Jahr nach {C} gezogen.", "Die Lieferadresse ist {S}.",
           "Unser Büro in {C} ist heute geschlossen.", "Der Termin mit {P} ist in der {S}."],
    "fr": ["Hier j'ai parlé avec {P} de la facture.", "Merci de transmettre à {P}.",
           "{P} a déménagé à {C} l'an dernier.", "Envoyez le colis au {S}.",
           "Notre bureau de {C} est fermé aujourd'hui.", "Le rendez-vous avec {P} est au {S}."],
    "es": ["Ayer hablé con {P} sobre la factura.", "Por favor, reenvíe esto a {P}.",
           "{P} se mudó a {C} el año pasado.", "Envíe el paquete a {S}.",
           "Nuestra oficina en {C} está cerrada hoy.", "La reunión con {P} es en {S}."],
    "it": ["Ieri ho parlato con {P} della fattura.", "Per favore inoltra questo a {P}.",
           "{P} si è trasferito a {C} l'anno scorso.", "Spedisci il pacco a {S}.",
           "Il nostro ufficio di {C} oggi è chiuso.", "L'incontro con {P} è in {S}."],
    "nl": ["Gisteren sprak ik met {P} over de factuur.", "Stuur dit door naar {P}.",
           "{P} is vorig jaar naar {C} verhuisd.", "Stuur het pakket naar {S}.",
           "Ons kantoor in {C} is vandaag gesloten.", "De afspraak met {P} is op {S}."],
    "pl": ["Wczoraj rozmawiałem z {P} o fakturze.", "Proszę przekazać to {P}.",
           "{P} przeprowadził się do {C} w zeszłym roku.", "Wyślij paczkę na adres {S}.",
           "Nasze biuro w {C} jest dziś zamknięte.", "Spotkanie z {P} jest przy {S}."],
}
LOCALES = {"en": "en_US", "de": "de_DE", "fr": "fr_FR", "es": "es_ES", "it": "it_IT",
           "nl": "nl_NL", "pl": "pl_PL"}


def street(fk, lang):
    # Faker's street_address() per locale (one line: house number and street).
    return fk.street_address().replace("\n", " ")


def generated():
    if importlib.metadata.version("faker") != FAKER:
        sys.exit(f"faker {FAKER} required")
    from faker import Faker
    out = []
    rng = random.Random(13)
    for lang, templates in TEMPLATES.items():
        fk = Faker(LOCALES[lang])
        fk.seed_instance(13)
        for k in range(60):
            tpl = templates[k % len(templates)]
            text, spans, pos = "", [], 0
            i = 0
            while i < len(tpl):
                if tpl[i] == "{" and tpl[i + 2] == "}":
                    slot = tpl[i + 1]
                    v = {"P": lambda: f"{fk.first_name()} {fk.last_name()}",
                         "C": fk.city, "S": lambda: street(fk, lang)}[slot]()
                    t = {"P": "PERSON_NAME", "C": "LOCATION", "S": "STREET_ADDRESS"}[slot]
                    spans.append({"type": t, "start": len(text), "end": len(text) + len(v)})
                    text += v
                    i += 3
                else:
                    text += tpl[i]
                    i += 1
            out.append({"id": f"gen-{lang}-{k:03d}", "lang": lang, "kind": "positive", "text": text,
                        "spans": spans, "set": "names-generated", "scope": TYPES,
                        "origin": {"generator": f"faker {FAKER} {LOCALES[lang]} seed 13",
                                   "template": templates.index(tpl)}})
    rng.random()
    return out


def dump(rows):
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows)


def main():
    # Faker's per-locale providers draw from collections whose order follows str hashing, so
    # the same seed gives other values under another PYTHONHASHSEED: pin it (re-exec once).
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, "PYTHONHASHSEED": "0"})
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--presidio-research-repo", default=None,
                    help="read the dataset from this git dir of microsoft/presidio-research instead of sources/")
    a = ap.parse_args()
    files = {"names-presidio-synth.jsonl": dump(presidio_synth(a.presidio_research_repo)),
             "names-presidio-synth-v1.jsonl": dump(presidio_synth_v1(a.presidio_research_repo)),
             "names-generated.jsonl": dump(generated())}
    bad = False
    for name, data in files.items():
        p = os.path.join(HERE, name)
        if a.check:
            if not os.path.exists(p) or open(p, encoding="utf-8").read() != data:
                print(f"{name}: stale", file=sys.stderr)
                bad = True
        else:
            open(p, "w", encoding="utf-8").write(data)
            print(f"wrote {name}: {data.count(chr(10))} cases, {len(data.encode())} bytes")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
