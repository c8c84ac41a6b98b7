#!/usr/bin/env python3
"""Generate tests/vectors/pii-names.json: scanPii cases of the `names` feature (PERSON_NAME,
LOCATION, STREET_ADDRESS). Each expected span is given as a substring of the text (and which
occurrence), and its offsets are computed here in UTF-16 code units, independently of
fieldguard; the scores are the evidence sums documented in src/pii/recognize/names/mod.rs
(each case's name spells the sum out).

Usage: python3 tests/vectors/generators/pii_names.py [--check]
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "pii-names.json")

P, L, A = "PERSON_NAME", "LOCATION", "STREET_ADDRESS"
REC = {P: "person.gazetteer", L: "location.gazetteer", A: "street_address.layout"}

# (name, text, options or None, [(type, substring, occurrence, score, recognizer or None)])
CASES = [
    ("name: given + surname mid-sentence (85)",
     "I met John Smith yesterday.", None, [(P, "John Smith", 0, 85)]),
    ("name: greeting at a line start (a mid-sentence given name 55 + 40)",
     "Hi Maria,\nthanks for the file.", None, [(P, "Maria", 0, 95)]),
    ("name: German title before a surname (25+40)",
     "Sehr geehrte Frau Schneider, danke.", None, [(P, "Schneider", 0, 65)]),
    ("name: Polish cue phrase, non-ASCII letters, emoji before (UTF-16 offsets)",
     "😀 nazywam się Zbigniew Wójcik", None, [(P, "Zbigniew Wójcik", 0, 100)]),
    ("name: sign-off line (sentence-initial given name 45 + 40; also a word, no malus with a lead)",
     "Best,\nTom", None, [(P, "Tom", 0, 85)]),
    ("name: particle inside (van); given + unknown capitalized word (70)",
     "Ludwig van Beethoven wrote it", None, [(P, "Ludwig van Beethoven", 0, 70)]),
    ("name: common words at sentence starts are no names (Will, May: 45-30)",
     "Will you come? May I ask?", None, []),
    ("name: Will + a frequent surname is a name (85, common word at a sentence start -30)",
     "Will Smith acted", None, [(P, "Will Smith", 0, 55)]),
    ("name: minScore 60 drops the weak one",
     "Will Smith acted", {"minScore": 60}, []),
    ("location: big city after a preposition and a residence phrase (60+25+10)",
     "She lives in Berlin now.", None, [(L, "Berlin", 0, 95)]),
    ("location: two-word city", "flights from New York", None, [(L, "New York", 0, 85)]),
    ("location vs name: Paris Hilton is a name (given + surname 85; the place 60-15-25-10)",
     "Paris Hilton arrived", None, [(P, "Paris Hilton", 0, 85)]),
    ("location: Paris after a preposition (60+25, no given-name malus)",
     "a week in Paris", None, [(L, "Paris", 0, 85)]),
    ("address: German compound street, number, postcode and city (90)",
     "Hauptstraße 5, 10115 Berlin", None, [(A, "Hauptstraße 5, 10115 Berlin", 0, 90)]),
    ("address: French number-first with postcode",
     "au 12 rue de la Paix, 75002 Paris", None, [(A, "12 rue de la Paix, 75002 Paris", 0, 90)]),
    ("address: Spanish type-first (75)", "en Calle Mayor 3", None, [(A, "Calle Mayor 3", 0, 75)]),
    ("address: Italian type-first (75)", "in Via Roma 10", None, [(A, "Via Roma 10", 0, 75)]),
    ("address: US number-first with suffix and direction (75)",
     "at 1600 Pennsylvania Ave NW", None, [(A, "1600 Pennsylvania Ave NW", 0, 75)]),
    ("address: Polish ul. (75)", "przy ul. Marszałkowska 1", None,
     [(A, "ul. Marszałkowska 1", 0, 75)]),
    ("address: Dutch compound with 1234 AB postcode (90)",
     "op Kalverstraat 92, 1012 PH Amsterdam", None,
     [(A, "Kalverstraat 92, 1012 PH Amsterdam", 0, 90)]),
    ("address: US city, state, ZIP tail (90)",
     "742 Evergreen Terrace, Springfield, IL 62704", None,
     [(A, "742 Evergreen Terrace, Springfield, IL 62704", 0, 90)]),
    ("only LOCATION requested (60+25+10)",
     "John Smith lives in Berlin.", {"entities": ["LOCATION"]}, [(L, "Berlin", 0, 95)]),
    ("name: letters inside a base64/hex run are no words",
     "token aGVsbG8gTWFyaWE9Maria2x and 0xMaria12", None, []),
    # Mechanisms added for issue 13.
    ("name: an initial without a dot inside (85 + 15 for the initial)",
     "We hired Tomasz K Lewandowski last week.", None, [(P, "Tomasz K Lewandowski", 0, 100)]),
    ("name: the possessive is left out of the span (85)",
     "I borrowed Anna Kowalski's bike.", None, [(P, "Anna Kowalski", 0, 85)]),
    ("name: two capitalized words in no list, mid-sentence (60)",
     "Yesterday we met Zorvath Quellinski at lunch.", None, [(P, "Zorvath Quellinski", 0, 60)]),
    ("name: capitalized English words are no name (Entertainment Weekly)",
     "The Entertainment Weekly list came out.", None, []),
    ("name: a lone given name before a capitalized word is a company (45-20)",
     "Russell Investments is based here.", None, []),
    ("name: the title is not part of the span, a surname that is a word (25+40)",
     "For my take on Mrs. Baker, see below.", None, [(P, "Baker", 0, 65)]),
    ("name: relation word before (55+40)",
     "Please add my son Kacper to the account.", None, [(P, "Kacper", 0, 95)]),
    ("name: reported speech cue, a word in no list (40+40)",
     "\"We are ready,\" says Okonkwo.", None, [(P, "Okonkwo", 0, 80)]),
    ("name: speaker labels; one is a given name (45+35), so the one in no list is a speaker (75)",
     "Zorvath: Where is it? Kacper: Right here.", None,
     [(P, "Zorvath", 0, 75), (P, "Kacper", 0, 80)]),
    ("name: a lone sentence-initial given name that is also a word, in a sentence (50-10)",
     "Maria is here.", None, []),
    ("name: a lone given name as the whole text (45)", "Ana", None, []),
    ("name: a sentence-initial given name before a lower-case word (50)",
     "Kacper is here.", None, [(P, "Kacper", 0, 50)]),
    ("name: a later mention of a found full name's surname (60)",
     "Tomasz Lewandowski wrote it; later Lewandowski signed.", None,
     [(P, "Tomasz Lewandowski", 0, 85), (P, "Lewandowski", 1, 60)]),
    ("name: a text without capitals, given name + surname (85-10)",
     "please ask olga nowak about the invoice", None, [(P, "olga nowak", 0, 75)]),
    ("location: no city line after the last group of a card number (IBAN is no place)",
     "card 4111-1111-1111-1111, IBAN follows", None,
     [("CREDIT_CARD", "4111-1111-1111-1111", 0, 100, "credit_card.luhn")]),
    ("name: I'm is no name; the cue makes the name after it (85+40)",
     "I'm Tomasz Nowak.", None, [(P, "Tomasz Nowak", 0, 100)]),
    ("name: hex pairs in a text without capitals are no words (fe:54:…)",
     "fe:54:00:76:07:0a", None, [("MAC_ADDRESS", "fe:54:00:76:07:0a", 0, 80, "mac.address")]),
    ("name: one spoken to at a sentence start (a given name before a comma and a lower-case word, 50)",
     "Kacper, can you call me?", None, [(P, "Kacper", 0, 50)]),
    ("name: an initial in a text without capitals (85+15-10)",
     "we hired tomasz k. nowak last week", None, [(P, "tomasz k. nowak", 0, 90)]),
    ("name: an initial before an English word is not part of a name",
     "Maria A Dog", None, []),
    ("location: a place no list has, after a residence phrase (25+40)",
     "He grew up in Vellmarsk.", None, [(L, "Vellmarsk", 0, 65)]),
    ("location: a place-like ending after a preposition (25+20+25)",
     "Our office in Brantonville is closed.", None, [(L, "Brantonville", 0, 70)]),
    ("location: a place-like first word (Port) after a travel phrase (25+40+25)",
     "They moved to Port Kessaly last year.", None, [(L, "Port Kessaly", 0, 90)]),
    ("location: all capitals after a residence phrase (25+40+10)",
     "We are in OSTRAVEK this week.", None, [(L, "OSTRAVEK", 0, 75)]),
    ("location: a country that is also a census surname keeps its score (60)",
     "Poland is lovely.", None, [(L, "Poland", 0, 60)]),
    ("location: a city line after a unit number (25, +25) before a country (+30), and the country (60)",
     "Suite 5, Vellmarsk, Norway", None, [(L, "Vellmarsk", 0, 80), (L, "Norway", 0, 60)]),
    ("location: a place phrase before a word with a colon (25+40)",
     "Her home city Vellmarsk: small and quiet.", None, [(L, "Vellmarsk", 0, 65)]),
    ("location: a text without capitals, a word in no list after a residence phrase (25+40-10)",
     "my friend lives in vellmarsk now", None, [(L, "vellmarsk", 0, 55)]),
    ("name: a greeting before an English word is no name (Dear Customer)",
     "Dear Customer,\nthanks for your order.", None, []),
    ("location: no place in a title of an act",
     "Title VII of the Civil Rights Act applies.", None, []),
    # Address lines, years and lists (issue 13, third round).
    ("location: a city line after a unit number, lines split by a symbol run; a small city that is also a surname (45+15, no surname malus on a city line)",
     "Apt. 050\n??? Broomfield", None, [(L, "Broomfield", 0, 60)]),
    ("location: a year after an English word is no house number (no city line)",
     "During 1971, Vellmarsk invested heavily.", None, []),
    ("location: a number after an article is no postcode",
     "Zoolander is a 2021 Vellmarsk film.", None, []),
    ("location: a postcode after a place no list has, after a strong preposition (25+20+30)",
     "Looking to support Factset in Bjert 6091 in its mission.", None, [(L, "Bjert", 0, 75)]),
    ("location: a university is named after its place (a place phrase: 25+40)",
     "She studied at the University of Vellmarsk.", None, [(L, "Vellmarsk", 0, 65)]),
    ("name: a pair of surnames before a verb of people, one a small town (55 each)",
     "Is there a better song? Marrero and Murphy were engineers.", None,
     [(P, "Marrero", 0, 55), (P, "Murphy", 0, 55)]),
    ("name: a list of surnames after a colon (55 each)",
     "Our 3 founders: Kónya, Becker and Vasquez.", None,
     [(P, "Kónya", 0, 55), (P, "Becker", 0, 55), (P, "Vasquez", 0, 55)]),
    ("name: a list of surnames after 'at' is a firm",
     "He spent a year at Hawkins, Richardson and Santana as an intern.", None, []),
    ("name: a pair with a firm word is a firm",
     "Marrero and Partners were hired.", None, []),
    ("name: English words give a list no strength",
     "Capitalized words like Wisdom and Discipline are often mistaken with names.", None, []),
    ("name: a list with a given name found (55) and a plural verb: its other items (55)",
     "Hawkins, Tomasz and Zorvath are designers.", None,
     [(P, "Hawkins", 0, 55), (P, "Tomasz", 0, 55), (P, "Zorvath", 0, 55)]),
    ("name: the same list before a singular verb is a firm (the given name alone: 55)",
     "Hawkins, Tomasz and Zorvath is a design agency.", None, [(P, "Tomasz", 0, 55)]),
    ("name: an item followed by a number is no name (given names 55 each)",
     "I met Kacper, Tomasz and Vellmarsk 2 today.", None,
     [(P, "Kacper", 0, 55), (P, "Tomasz", 0, 55)]),
    ("name: 'is from' after a lone word in no list is a verb of people (40+30); the city after 'from' (60+25)",
     "Tomomi is from Osaka.", None, [(P, "Tomomi", 0, 70), (L, "Osaka", 0, 85)]),
    ("address: a street name of any language, its number, a comma, the city and a postcode after it (85)",
     "Send it to Þverbraut 71, Blönduós 541 please.", None, [(A, "Þverbraut 71, Blönduós 541", 0, 85)]),
    ("address: two words before the number, a city in capitals (85)",
     "Meet me at Östra Förstadsgatan 43, KNIVSTA 74192", None,
     [(A, "Östra Förstadsgatan 43, KNIVSTA 74192", 0, 85)]),
    ("address: the postcode-first layout without a street word (85)",
     "Parmova 24, 4211 Mavčiče", None, [(A, "Parmova 24, 4211 Mavčiče", 0, 85)]),
    ("address: a street with its type and a city-postcode tail (90)",
     "How do I change my address to 23 Settlement Road, WINNINDOO 3858 for post mail?", None,
     [(A, "23 Settlement Road, WINNINDOO 3858", 0, 90)]),
    ("address: a Polish postcode after the city (90)",
     "The address is ul. Zuchów 65, Dąbrowa Górnicza 41-303", None,
     [(A, "ul. Zuchów 65, Dąbrowa Górnicza 41-303", 0, 90)]),
    ("address: English words are no street or city (Chapter 5, Office 2019)",
     "See Chapter 5, Office 2019 for details.", None, []),
]


def utf16(s):
    return len(s.encode("utf-16-le")) // 2


def find(text, sub, occ):
    at = -1
    for _ in range(occ + 1):
        at = text.find(sub, at + 1)
        if at < 0:
            sys.exit(f"{sub!r} (occurrence {occ}) not in {text!r}")
    return at


# A field's name types its whole value (src/pii/recognize/names/field.rs): a policy with an
# empty pii section scans every field and replaces each finding by its type tag. Expected
# records and reports are written from the documented rule: the field names below are whole
# words of the lists in src/pii/recognize/context.rs (names_field), the values have the shape
# of their kind; file_name, company_name and "n/a" are left alone.
FIELD_RECORD = {
    "full_name": "Karsten Wieloch-Bolnbach",
    "address": {"street": "Schlosserallee 7", "city": "Werdau", "zip": "08412"},
    "woonplaats": "de Lutte",
    "file_name": "report.pdf",
    "company_name": "Acme",
    "city": "n/a",
}
FIELD_TYPED = [("full_name", "PERSON_NAME"), ("address.street", "STREET_ADDRESS"),
               ("address.city", "LOCATION"), ("address.zip", "STREET_ADDRESS"),
               ("woonplaats", "LOCATION")]


def field_policy_cases():
    import copy
    out = copy.deepcopy(FIELD_RECORD)
    fields = []
    for path, t in FIELD_TYPED:
        node = out
        *parents, leaf = path.split(".")
        for k in parents:
            node = node[k]
        node[leaf] = f"<{t}>"
        fields.append({"field": path, "changes": ["anonymized"], "violations": [],
                       "found": [{"entityType": t, "count": 1}]})
    return [{
        "name": "field names type whole values: name, street, city, zip, woonplaats (not file_name, company_name, n/a)",
        "op": "policy",
        "policy": {"version": 1, "pii": {}},
        "record": FIELD_RECORD,
        "expect": {"record": out, "report": {"fields": fields}},
    }]


# Known values from typed fields (src/policy/known.rs): the whole values that their field names
# type are searched for in the record's free text, and each mention gets the field's replacement
# (here the default operator, the type tag); name parts count on their own (`Tobiah`). Expected
# from the documented rule: every mention below is one of those values, at word boundaries.
TYPED_RECORD = {
    "name": "Tobiah Brannock",
    "city": "Werdau",
    "zip": "08412",
    "notes": "Tobiah called; his zip is 08412, Werdau. Brannock said so.",
}


def typed_known_cases():
    out = {"name": "<PERSON_NAME>", "city": "<LOCATION>", "zip": "<STREET_ADDRESS>",
           "notes": "<PERSON_NAME> called; his zip is <STREET_ADDRESS>, <LOCATION>. <PERSON_NAME> said so."}
    fields = [{"field": "name", "changes": ["anonymized"], "violations": [],
               "found": [{"entityType": "PERSON_NAME", "count": 1}]},
              {"field": "city", "changes": ["anonymized"], "violations": [],
               "found": [{"entityType": "LOCATION", "count": 1}]},
              {"field": "zip", "changes": ["anonymized"], "violations": [],
               "found": [{"entityType": "STREET_ADDRESS", "count": 1}]},
              {"field": "notes", "changes": ["anonymized", "known-value"], "violations": [],
               "found": [{"entityType": "PERSON_NAME", "count": 2},  # the report's type order
                         {"entityType": "STREET_ADDRESS", "count": 1},
                         {"entityType": "LOCATION", "count": 1}]}]
    return [{
        "name": "known values from typed fields: name, city and zip mentioned in the notes get the fields' replacements",
        "op": "policy",
        "policy": {"version": 1, "pii": {}},
        "record": TYPED_RECORD,
        "expect": {"record": out, "report": {"fields": fields}},
    }]


def build():
    cases = []
    for name, text, opts, spans in CASES:
        expect = []
        for sp in spans:
            t, sub, occ, score = sp[:4]
            rec = sp[4] if len(sp) > 4 else REC[t]
            at = find(text, sub, occ)
            start = utf16(text[:at])
            expect.append({"entityType": t, "start": start, "end": start + utf16(sub),
                           "score": score, "recognizer": rec})
        expect.sort(key=lambda e: (e["start"], -e["end"]))
        args = [text] + ([opts] if opts else [])
        cases.append({"name": name, "op": "call", "fn": "scanPii", "args": args, "expect": expect})
    cases.extend(field_policy_cases())
    cases.extend(typed_known_cases())
    doc = {
        "description": "scanPii with the `names` feature (CLI, Rust `--features names`, the pkg/names "
                       "wasm entry): PERSON_NAME, LOCATION, STREET_ADDRESS from the gazetteer and "
                       "evidence (src/pii/recognize/names/mod.rs table). Generated by "
                       "tests/vectors/generators/pii_names.py: offsets are UTF-16 code units "
                       "computed in Python from substrings; scores are the documented evidence sums.",
        "requires": "names",
        "cases": cases,
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def main():
    data = build()
    if "--check" in sys.argv:
        if open(OUT, encoding="utf-8").read() != data:
            sys.exit("pii-names.json is stale: run tests/vectors/generators/pii_names.py")
        return
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(data)
    print(f"wrote {OUT}: {len(CASES)} cases")


if __name__ == "__main__":
    main()
