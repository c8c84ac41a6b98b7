#!/usr/bin/env python3
"""Generate users whose free-text notes (and tickets in a second file) mention their own field
values, for measuring known values (src/policy/known.rs) in `fieldguard anonymize`.

Usage: python3 benches/data/gen_known.py --records 20000 --out DIR [--seed 13]
Writes DIR/users.ndjson ({"id", "name", "email", "phone", "notes"}), DIR/tickets.csv
(id,user,body: a ticket of every 4th user, naming the user without any field of theirs in
the ticket), DIR/policy.json (name and email pseudonymized, the rest scanned) and
DIR/mentions.json (per file and line, the values the free text mentions: kind full/first/
last/email and the text), read by benches/known_values.py.
Names: 60 given names x 60 family names (some with diacritics); emails on RFC 2606 domains.
Deterministic for a seed. Standard library only.
"""
import argparse, csv, json, os, random

FIRST = ["James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
         "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
         "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Oliver",
         "Amelia", "Noah", "Isla", "Lukas", "Emma", "Jonas", "Felix", "Hannah", "Zoë", "José",
         "Søren", "Chloé", "Björn", "Łukasz", "Núria", "François", "Ingrid", "Mateo", "Lucía",
         "Giulia", "Marco", "Aisha", "Omar", "Priya", "Arjun", "Hiroshi", "Tobiah", "Maren",
         "Sunniva", "Corvin", "Ysolde", "Evander", "Liesel"]
LAST = ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
        "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Taylor", "Moore",
        "Jackson", "Martin", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Müller",
        "Schmidt", "Schneider", "Fischer", "Weber", "Dubois", "Lefèvre", "Moreau", "Rossi",
        "Russo", "Ferrari", "Esposito", "Bianchi", "Kowalski", "Nowak", "Wiśniewski", "de Vries",
        "Jansen", "van Dijk", "Bakker", "Visser", "Fernández", "Sánchez", "Pérez", "Gómez",
        "Quillfeather", "Brannock", "Lindqvist", "Ashgrove", "Castellane", "Thornbury",
        "Okafor", "Nakamura", "Haddad", "Kaur"]
DOMAINS = ["example.com", "example.org", "example.net"]
TEMPLATES = [
    ("full", "Called {v} about the delivery; will call back tomorrow."),
    ("first", "{v} asked for an invoice copy."),
    ("last", "Spoke to Mr {v}, who wants a refund."),
    ("email", "Customer wrote from {v} again."),
    ("full", "Note from support: {v} requested account deletion."),
    ("first", "Reminder: send {v} the new contract."),
]

def ascii_local(s):
    table = str.maketrans("äöüßéèëçñáíóúøłńśćżźÿåœ", "aousEeecnaiouolnsczzyao")
    return "".join(c for c in s.lower().translate(table).replace(" ", "") if c.isalnum())

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--records", type=int, default=20000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=13)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    mentions = {"users.ndjson": {}, "tickets.csv": {}}
    users = []
    with open(os.path.join(a.out, "users.ndjson"), "w", encoding="utf-8") as f:
        for i in range(a.records):
            first, last = rnd.choice(FIRST), rnd.choice(LAST)
            full = f"{first} {last}"
            email = f"{ascii_local(first)}.{ascii_local(last)}{i}@{rnd.choice(DOMAINS)}"
            vals = {"full": full, "first": first, "last": last, "email": email}
            sentences, ment = [], []
            for _ in range(rnd.choice([0, 1, 1, 2])):
                kind, t = rnd.choice(TEMPLATES)
                sentences.append(t.format(v=vals[kind]))
                ment.append([kind, vals[kind]])
            if not sentences:
                sentences.append("No open issues.")
            phone = f"+44 20 7946 {rnd.randrange(1000):04d}"
            rec = {"id": f"u{i}", "name": full, "email": email, "phone": phone, "notes": " ".join(sentences)}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
            if ment:
                mentions["users.ndjson"][str(i)] = ment
            users.append(vals)
    with open(os.path.join(a.out, "tickets.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "user", "body"])
        row = 0
        for i in range(0, a.records, 4):
            v = users[i]
            kind = rnd.choice(["full", "first", "last", "email"])
            w.writerow([f"t{i}", f"u{i}", f"Ticket opened for {v[kind]}: cannot log in."])
            mentions["tickets.csv"][str(row)] = [[kind, v[kind]]]
            row += 1
    policy = {"version": 1, "recordId": "id",
              "fields": {"id": {"scan": False}, "user": {"scan": False},
                         "name": {"anonymize": {"op": "pseudonymize"}, "entity": "PERSON_NAME"},
                         "email": {"anonymize": {"op": "pseudonymize"}, "entity": "EMAIL_ADDRESS"}},
              "pii": {"defaultOperator": {"op": "pseudonymize"}}}
    json.dump(policy, open(os.path.join(a.out, "policy.json"), "w"), indent=1)
    json.dump(mentions, open(os.path.join(a.out, "mentions.json"), "w"), ensure_ascii=False)

main()
