#!/usr/bin/env python3
"""What `fieldguard anonymize` leaves in clear in a typical user export written by Faker.

Usage (the eval venv has Faker, pinned in tests/eval/setup.sh):

    target/eval-venv/bin/python benches/export_leaks.py [--fieldguard target/release/fieldguard]
        [--records-per-locale 1000] [--policy FILE] [--json OUT]

Faker's providers (MIT) write the data, not this project: per-locale names, phone numbers in
their local layouts (`217-977-6317x066`, `+49(0)1777 63170`, `+33 (0)3 87 17 77 63`), street
addresses, postcodes, 12-19 digit card numbers, IBANs, national IDs. For each of the 7 locales
the pseudonyms cover, N records like an export of a user table:

    {"id", "name", "email", "phone", "birthDate", "iban", "card", "nationalId",
     "address": {"street", "city", "zip"}, "notes": free text mentioning some of them}

The notes are built from a few sentence templates per language that mention the record's own
values (in the sense of a support ticket: "Hi, I'm {name} from {city}, call me on {phone}").

The export goes through `fieldguard anonymize` with the default policy (no --policy: every
field is scanned, nothing named), or --policy FILE. A value is *left in clear* when its exact
text still appears in the output record (in any field): the user-facing question "did this
value reach the test copy?". Reported per field for the structured fields, and per mentioned
kind for the notes, with the share of characters that stayed readable.

Faker's values are not all valid: its phone numbers often break their country's numbering
plan and some national IDs have no check digit; those are reported separately (valid per
phonenumbers / python-stdnum, or not), since a recognizer that checks validity is right to
leave an invalid "phone number" alone. Prints tables; asserts nothing.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOCALES = ["en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL"]
LANG = {l: l[:2] for l in LOCALES}
# Ticket-like sentences per language; {kind} is replaced by the record's value of that kind.
NOTES = {
    "en": ["Hi, I'm {name} from {city}, call me on {phone}.",
           "Please send the invoice to {email}.",
           "Refund to card {card} please.",
           "New address: {street}, {zip} {city}.",
           "Best regards, {name}"],
    "de": ["Hallo, ich heiße {name} und wohne in {city}. Telefon: {phone}",
           "Bitte die Rechnung an {email} schicken.",
           "Erstattung auf die Karte {card}.",
           "Neue Adresse: {street}, {zip} {city}.",
           "Viele Grüße, {name}"],
    "fr": ["Bonjour, je m'appelle {name}, j'habite à {city}. Tél. {phone}",
           "Merci d'envoyer la facture à {email}.",
           "Remboursement sur la carte {card}.",
           "Nouvelle adresse : {street}, {zip} {city}.",
           "Cordialement, {name}"],
    "es": ["Hola, me llamo {name} y vivo en {city}. Teléfono: {phone}",
           "Envíen la factura a {email}, por favor.",
           "Reembolso a la tarjeta {card}.",
           "Nueva dirección: {street}, {zip} {city}.",
           "Saludos, {name}"],
    "it": ["Ciao, mi chiamo {name} e abito a {city}. Telefono: {phone}",
           "Inviate la fattura a {email}, grazie.",
           "Rimborso sulla carta {card}.",
           "Nuovo indirizzo: {street}, {zip} {city}.",
           "Cordiali saluti, {name}"],
    "nl": ["Hallo, ik heet {name} en woon in {city}. Telefoon: {phone}",
           "Stuur de factuur naar {email} alstublieft.",
           "Terugbetaling op kaart {card}.",
           "Nieuw adres: {street}, {zip} {city}.",
           "Met vriendelijke groet, {name}"],
    "pl": ["Dzień dobry, nazywam się {name}, mieszkam w {city}. Telefon: {phone}",
           "Proszę wysłać fakturę na {email}.",
           "Zwrot na kartę {card}.",
           "Nowy adres: {street}, {zip} {city}.",
           "Pozdrawiam, {name}"],
}
FIELDS = ["name", "email", "phone", "birthDate", "iban", "card", "nationalId",
          "address.street", "address.city", "address.zip"]


def national_id(f, loc):
    for attr in ("ssn", "nir", "codice_fiscale", "nif", "pesel"):
        if hasattr(f, attr):
            try:
                return str(getattr(f, attr)())
            except Exception:  # some locales' providers need arguments
                continue
    return None


def generate(n, seed):
    from faker import Faker
    rows = []  # (record, {field: value}, [(kind, value) mentioned in notes], locale)
    rng = random.Random(seed)
    for loc in LOCALES:
        f = Faker(loc)
        f.seed_instance(seed)
        for i in range(n):
            v = {"name": f.name(), "email": f.email(), "phone": f.phone_number(),
                 "birthDate": f.date_of_birth().isoformat(), "iban": f.iban(),
                 "card": f.credit_card_number(), "nationalId": national_id(f, loc),
                 "address.street": f.street_address(), "address.city": f.city(),
                 "address.zip": f.postcode()}
            templates = rng.sample(NOTES[LANG[loc]], 2)
            mentions = []
            parts = []
            for t in templates:
                s = t
                for kind, key in (("name", "name"), ("city", "address.city"), ("phone", "phone"),
                                  ("email", "email"), ("card", "card"),
                                  ("street", "address.street"), ("zip", "address.zip")):
                    if "{" + kind + "}" in s:
                        s = s.replace("{" + kind + "}", v[key])
                        mentions.append((kind, v[key]))
                parts.append(s)
            rec = {"id": f"{loc}-{i}", "name": v["name"], "email": v["email"], "phone": v["phone"],
                   "birthDate": v["birthDate"], "iban": v["iban"], "card": v["card"],
                   "nationalId": v["nationalId"],
                   "address": {"street": v["address.street"], "city": v["address.city"],
                               "zip": v["address.zip"]},
                   "notes": " ".join(parts)}
            rows.append((rec, v, mentions, loc))
    return rows


def validity(kind, value, loc):
    """True/False when a library can say whether Faker's value is valid, else None."""
    try:
        if kind == "phone":
            import phonenumbers
            p = phonenumbers.parse(value, loc[-2:])
            return phonenumbers.is_valid_number(p)
        if kind == "iban":
            from stdnum import iban
            return iban.is_valid(value)
        if kind == "card":
            from stdnum import luhn
            return luhn.is_valid(value)
    except Exception:
        return False
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fieldguard", default=os.path.join(ROOT, "target/release/fieldguard"))
    ap.add_argument("--records-per-locale", type=int, default=1000)
    ap.add_argument("--policy")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--json")
    a = ap.parse_args()
    rows = generate(a.records_per_locale, a.seed)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "users.ndjson")
        with open(src, "w", encoding="utf-8") as fh:
            for rec, *_ in rows:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        out = os.path.join(tmp, "out")
        os.mkdir(out)
        cmd = [a.fieldguard, "anonymize", src, "--out", out, "--threads", "1"]
        if a.policy:
            cmd += ["--policy", a.policy]
        p = subprocess.run(cmd, capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(f"export_leaks.py: fieldguard anonymize failed ({p.returncode}): {p.stderr}")
        outs = [l for l in open(os.path.join(out, "users.ndjson"), encoding="utf-8")]
    if len(outs) != len(rows):
        sys.exit(f"export_leaks.py: {len(rows)} records in, {len(outs)} out")
    # tally[(where, kind, valid)] = [values, in clear, chars, chars in clear]
    tally = {}

    def add(where, kind, value, text, valid):
        if not value:
            return
        hit = value in text
        for key in {(where, kind, "all"), (where, kind, valid)}:
            t = tally.setdefault(key, [0, 0, 0, 0])
            t[0] += 1
            t[1] += hit
            t[2] += len(value)
            t[3] += len(value) if hit else 0

    for (rec, v, mentions, loc), line in zip(rows, outs):
        o = json.loads(line)
        whole = line  # the value anywhere in the output record (fields or notes)
        for field in FIELDS:
            kind = field
            val = validity(field.split(".")[-1], v[field], loc) if field in ("phone", "iban", "card") else None
            add("field", kind, v[field], whole, {True: "valid", False: "invalid", None: "all"}[val])
        for kind, value in mentions:
            val = validity(kind, value, loc) if kind in ("phone", "card") else None
            add("notes", kind, value, o.get("notes", ""), {True: "valid", False: "invalid", None: "all"}[val])
    policy = a.policy or "default policy (no --policy)"
    print(f"## Faker export, {a.records_per_locale} records x {len(LOCALES)} locales, "
          f"fieldguard anonymize, {policy}\n")
    print("| where | value | values | left in clear | chars left in clear | valid only: left in clear |")
    print("|---|---|---:|---:|---:|---:|")
    report = {}
    for (where, kind, sub), (n, hit, ch, chit) in sorted(tally.items()):
        if sub != "all":
            continue
        vt = tally.get((where, kind, "valid"))
        valid = f"{100.0 * vt[1] / vt[0]:.1f} % of {vt[0]}" if vt else "-"
        print(f"| {where} | {kind} | {n} | {100.0 * hit / n:.1f} % | {100.0 * chit / max(ch, 1):.1f} % | {valid} |")
        report[f"{where}.{kind}"] = {"values": n, "in_clear": hit, "chars": ch, "chars_in_clear": chit,
                                    "valid": vt and {"values": vt[0], "in_clear": vt[1]}}
    if a.json:
        with open(a.json, "w") as fh:
            json.dump(report, fh, indent=1)


if __name__ == "__main__":
    main()
