#!/usr/bin/env python3
"""Generates tests/vectors/pii-scan-phone.json (run from the repository root):

    python3 tests/vectors/generators/pii_scan_phone.py

Phone number cases of scanPii (issue 13): national layouts judged by the
per-region metadata, parenthesized area codes, the `+CC(0)` trunk notation,
extensions inside the span, the `+` left out, short numbers of small
countries, and look-alikes that are rejected.

Offsets are UTF-16 code units, computed here from the expected substring
(never copied from fieldguard's output). Scores are the documented base
score of the recognizer plus the context bonus (+20 for a phone word within
the window), from the table in src/pii/recognize/mod.rs and the rules in
src/pii/recognize/phone.rs:

    phone.international  75 valid for the code's region / 50 `+` left out (11+ digits)
    phone.nanp           70 `(NPA) NXX-XXXX` / 55 `-` or `.` / 45 spaces
    phone.national       55 dialled (trunk prefix, or `0` of a region without one)
                         / 50 parenthesized area code / 45 valid as written in
                         ES, IT, PL / 30 valid in some other region
    phone.digits         30 one block of digits valid in some region

Each number's validity was checked with libphonenumber (phonenumbers 9.0.43,
`is_valid_number`), not with fieldguard; the comment beside a case says how.
"""
import json
import os

OUT = os.path.join(os.path.dirname(__file__), "..", "pii-scan-phone.json")


def u16(s):
    return len(s.encode("utf-16-le")) // 2


cases = []


def pos(name, text, number, score, recognizer, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = text.index(number, i + 1)
    start = u16(text[:i])
    cases.append({"name": "phone: " + name, "op": "call", "fn": "scanPii", "args": [text],
                  "expect": [{"entityType": "PHONE_NUMBER", "start": start, "end": start + u16(number),
                              "score": score, "recognizer": recognizer}]})


def neg(name, text):
    cases.append({"name": "phone negative: " + name, "op": "call", "fn": "scanPii", "args": [text],
                  "expect": []})


# Parenthesized area codes (valid: DE 3681 49158, GB 118 496 0323, BR 11 2345 6789, HU 1 234 5678).
pos("parenthesized area code with trunk prefix (03681) 49158, DE, dialled = 55", "Praxis (03681) 49158",
    "(03681) 49158", 55, "phone.national")
pos("parenthesized area code (0118) 4960323, GB, dialled 55 + 'Tel.' 20", "Tel. (0118) 4960323 bitte",
    "(0118) 4960323", 75, "phone.national")
pos("parenthesized area code without trunk (11) 2345-6789, BR: parentheses = 50", "Escritório (11) 2345-6789",
    "(11) 2345-6789", 50, "phone.national")
pos("two blocks in the parentheses (06 1) 234 5678, HU trunk 06 = 55", "iroda (06 1) 234 5678",
    "(06 1) 234 5678", 55, "phone.national")

# The trunk prefix in parentheses after +CC: the span is the whole written number.
pos("+49(0) 30 1234567: trunk in parentheses right after the code, DE valid = 75", "Zentrale +49(0) 30 1234567",
    "+49(0) 30 1234567", 75, "phone.international")
pos("+44(0)161 4960896 with 'call' = 75 + 20", "call +44(0)161 4960896 now",
    "+44(0)161 4960896", 95, "phone.international")

# One block of digits after a phone word (valid: DE 30 1234567 / 30 12345678, NL and FR 6 12345678).
pos("10 digits after 'Tel.' (DE 030 1234567) = 30 + 20", "Tel. 0301234567", "0301234567", 50, "phone.digits")
pos("11 digits after 'Telefon' = 30 + 20", "Telefon 03012345678", "03012345678", 50, "phone.digits")
pos("10 digits after 'téléphone' = 30 + 20", "téléphone 0612345678", "0612345678", 50, "phone.digits")
pos("'tel:' label glued to the digits = 30 + 20", "tel:0301234567", "0301234567", 50, "phone.digits")
pos("Dutch 'telefoon' is a phone word = 30 + 20", "telefoon 0612345678", "0612345678", 50, "phone.digits")
neg("the same 10 digits without a phone word (30 < 50)", "Kundennummer 0301234567")
neg("one block of 13 digits is an identifier, even after 'Tel.'", "Tel. 4930123456780")

# Short numbers of small countries (SH +290 22158, FK +500 31234, AC +247 62889: 5-digit numbers).
pos("+290 22158 (Saint Helena, 5 digits) = 75", "St Helena +290 22158", "+290 22158", 75, "phone.international")
pos("+500 31234 (Falklands) = 75", "Stanley office +500 31234.", "+500 31234", 75, "phone.international")
pos("5 digits after 'Tel.', valid in Ascension = 30 + 20", "Tel. 62889", "62889", 50, "phone.digits")
neg("4 digits are not a phone number, even after 'Tel.'", "Tel. 2024")

# Extensions are inside the span (nothing of the number stays in clear).
pos("NANP dotted with glued extension 603.442.3667x1276 = 55", "reach 603.442.3667x1276 today",
    "603.442.3667x1276", 55, "phone.nanp")
pos("+1 202 555 0147 ext. 12 = 75", "HQ +1 202 555 0147 ext. 12, ask", "+1 202 555 0147 ext. 12", 75,
    "phone.international")
pos("020 7946 0958 x123 with 'call' = 55 + 20", "call 020 7946 0958 x123", "020 7946 0958 x123", 75,
    "phone.national")
pos("'ext 12' without a dot = 55", "London 020 7946 0958 ext 12", "020 7946 0958 ext 12", 55, "phone.national")
pos("'Durchwahl 12' is an extension and a phone word = 55 + 20", "Zentrale 030 1234567 Durchwahl 12",
    "030 1234567 Durchwahl 12", 75, "phone.national")
pos("a 7-digit 'extension' is not one: the number alone = 75", "HQ +1 202 555 0147 ext. 1234567",
    "+1 202 555 0147", 75, "phone.international")
neg("an extension marker without a number", "box x1276 and ext 12")
neg("1920x1080 is a resolution (1920 is no phone number)", "screen 1920x1080")

# National trunk prefixes other than 0 are their own block (RU 8 800 123 45 67, US 1 800 234 5678).
pos("RU 8 (800) 123-45-67, trunk 8 then the area code in parentheses = 55", "бесплатно 8 (800) 123-45-67",
    "8 (800) 123-45-67", 55, "phone.national")
pos("US 1-800-234-5678, trunk 1 = 55", "toll free 1-800-234-5678", "1-800-234-5678", 55, "phone.national")
neg("822 573 1256: no NANP area code, and a trunk 8 glued to the area code is not one", "Referenz 822 573 1256")

# Valid as written in a home region without trunk prefix: needs a phone word (PL 22 504 20 57, ES 919 712 302).
pos("PL 22 504 20 57 with 'Telefon' = 45 + 20", "Telefon 22 504 20 57", "22 504 20 57", 65, "phone.national")
pos("ES 919 712 302 with 'teléfono' = 45 + 20", "teléfono 919 712 302", "919 712 302", 65, "phone.national")
neg("ES 919 712 302 without a phone word (45 < 50)", "expediente 919 712 302")

# The `+` left out: a calling code as the first block, 11+ digits (IN +91 4155550132 is valid).
pos("91-415-555-0132: calling code 91 and a valid Indian number = 50", "the other one is 91-415-555-0132",
    "91-415-555-0132", 50, "phone.international")
neg("238 333 9217: +238 3339217 is valid (Cape Verde) but 10 digits are read as national", "ref 238 333 9217")

# 12 digits in 4-4-4 blocks: judged by the metadata, not by the block layout (DE 800 17591759 is valid).
pos("DE 0800 1759 1759, trunk 0, valid = 55", "Service 0800 1759 1759", "0800 1759 1759", 55, "phone.national")
neg("0100 4711 0815: no region's plan has these digits", "Vorgang 0100 4711 0815")

# Layouts of other things.
neg("a date with a leading 0 (03-12-1985) is no phone number", "on 03-12-1985 we")
neg("the decimals of an amount (€68,060.02)", "importe: €68,060.02.")
neg("a block of an invalid IBAN after a block mixing letters and digits",
    "Referenz IT09 G475 0420 7019 IAUW K4FN AQC")
neg("dotted thousands (1.234.567), even after 'call'", "call 1.234.567")
neg("00 is the international access prefix, not a national number", "Tel. 0000 4351")

doc = {
    "description": (
        "fieldguard::pii::recognize (scanPii), phone numbers (issue 13): national layouts judged by "
        "libphonenumber's per-region metadata, parenthesized area codes, +CC(0) trunk notation, extensions "
        "inside the span, the + left out, short numbers of small countries, rejected look-alikes. Generated by "
        "tests/vectors/generators/pii_scan_phone.py: offsets are UTF-16 code units computed from the expected "
        "substring; scores are the documented base score plus the context bonus (src/pii/recognize/mod.rs); "
        "validity of each number checked with libphonenumber (phonenumbers 9.0.43)."
    ),
    "cases": cases,
}
with open(OUT, "w", encoding="utf-8", newline="\n") as f:
    json.dump(doc, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(f"wrote {os.path.relpath(OUT)}: {len(cases)} cases")
