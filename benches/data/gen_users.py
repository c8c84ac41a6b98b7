#!/usr/bin/env python3
"""Generate a synthetic NDJSON export of users for the anonymize benchmarks.

Usage:
  python3 benches/data/gen_users.py --records 1000000            # -> target/bench-data/users-1000000.ndjson
  python3 benches/data/gen_users.py --bytes 1000000000 --out F    # ~1 GB (stops at the first record past N bytes)

One JSON object per line, ~400 bytes each:
  {"id", "name", "email", "phone", "birthDate", "iban",
   "address": {"street", "city", "zip"}, "notes": "1-3 sentences"}
In about half of the records the notes mention the user's email, phone, a card number or the
IBAN (the values a pii scan has to find in free text); the rest is harmless prose.

Nothing here is real personal data, by construction:
  * emails use the reserved domains of RFC 2606 (example.com/.org/.net);
  * phones are Ofcom's drama ranges (+44 20 7946 0000-0999, +44 7700 900000-900999) and the
    US fictional 555-0100..0199 block;
  * cards are the well-known PSP test numbers (Luhn-valid, never issued);
  * IBANs use the fictitious bank code TEST (GB) / 00000000 (DE), with valid mod-97 check
    digits so that recognizers that verify them still fire.
Deterministic: the same --seed and size give a byte-identical file. Standard library only;
lines are built with string formatting (every generated string is plain text without quotes,
backslashes or control characters, so no JSON escaping is needed) because json.dumps per
record would make the generator slower than some of the tools it feeds.
"""
import argparse
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

FIRST = [
    "James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
    "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
    "Charles", "Karen", "Daniel", "Nancy", "Matthew", "Lisa", "Anthony", "Betty", "Mark", "Sandra",
    "Oliver", "Amelia", "Noah", "Isla", "Leo", "Ava", "Lukas", "Emma", "Jonas", "Mia", "Felix",
    "Hannah", "Zoë", "José", "Søren", "Chloé", "Björn", "Łukasz", "Núria", "François", "Ingrid",
    "Mateo", "Lucía", "Giulia", "Marco", "Aisha", "Omar", "Priya", "Arjun", "Mei", "Hiroshi",
]
LAST = [
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Wilson", "Anderson", "Taylor", "Moore", "Jackson", "Martin",
    "Lee", "Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall", "Young", "King",
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann",
    "Dubois", "Lefèvre", "Rossi", "Russo", "Fernández", "González", "Kowalski", "Nowak", "Jensen",
    "Nielsen", "Andersson", "O'Brien", "Murphy", "Kelly", "Patel", "Singh", "Khan", "Tanaka", "Chen",
]
# Email local parts are ASCII; one transliteration table keeps them readable.
ASCII = str.maketrans({"ë": "e", "é": "e", "ø": "o", "ö": "o", "Ł": "L", "ú": "u", "ç": "c",
                       "í": "i", "ü": "u", "è": "e", "á": "a", "'": ""})
STREETS = ["High Street", "Station Road", "Main Street", "Park Avenue", "Church Lane", "Mill Road",
           "Hauptstraße", "Bahnhofstraße", "Rue de la Paix", "Via Roma", "Calle Mayor", "Elm Street",
           "Oak Drive", "Maple Avenue", "Cedar Close", "Victoria Road", "Kings Road", "Queen Street"]
CITIES = ["London", "Manchester", "Leeds", "Berlin", "München", "Hamburg", "Paris", "Lyon", "Roma",
          "Milano", "Madrid", "Sevilla", "Springfield", "Riverton", "Fairview", "Kraków", "Århus"]
DOMAINS = ["example.com", "example.org", "example.net", "mail.example.com", "users.example.org"]
CARDS = ["4111 1111 1111 1111", "4012 8888 8888 1881", "5555 5555 5555 4444", "5105 1051 0510 5100",
         "3782 822463 10005", "6011 1111 1111 1117", "4242 4242 4242 4242", "2223 0031 2200 3222"]
# Harmless filler so that records without PII still carry free text.
FILLER = [
    "Prefers to be contacted in the morning, ideally before the weekly team meeting.",
    "Customer since the spring promotion, renewed the annual plan without any changes.",
    "Asked about the loyalty programme and the new same-day delivery options in town.",
    "Reported a late delivery last winter; resolved with a voucher and an apology.",
    "No open tickets at the moment; last satisfaction survey was mostly positive.",
    "Interested in the premium tier, follow up next quarter with the updated pricing.",
    "Requested paper invoices instead of electronic ones for the accounting department.",
    "Moved house last year, the address was updated by the support team on request.",
    "Likes the mobile app but found the checkout confusing on smaller screens.",
    "Subscribed to the newsletter in German and English, unsubscribed from offers.",
]
# Sentences that mention one of the record's own values ({e} email, {p} phone, {c} card, {i} IBAN).
PII = [
    "Please reach me at {e} if the parcel is delayed.",
    "Call back on {p} after 5pm, not before.",
    "Refund the last order to the card {c} as agreed.",
    "Direct debit from IBAN {i} starting next month.",
    "Changed contact email to {e} and phone to {p}.",
    "Card ending {c4} was declined twice; customer will retry.",
    "Send the contract to {e}, reference number in the subject line.",
    "Wire the deposit to {i}; confirmation goes to {e}.",
]


def iban(country, bban):
    """An IBAN with valid ISO 13616 check digits for the given BBAN."""
    digits = "".join(str(int(ch, 36)) for ch in bban + country + "00")
    check = 98 - int(digits) % 97
    return f"{country}{check:02d}{bban}"


def grouped(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def records(rng, count=None, max_bytes=None):
    """Yield NDJSON lines (str, with newline) until count records or max_bytes bytes."""
    n = 0
    total = 0
    choice, randint, random_ = rng.choice, rng.randint, rng.random
    while True:
        if count is not None and n >= count:
            return
        if max_bytes is not None and total >= max_bytes:
            return
        n += 1
        first, last = choice(FIRST), choice(LAST)
        name = f"{first} {last}"
        local = f"{first}.{last}".translate(ASCII).lower()
        email = f"{local}{randint(1, 999)}@{choice(DOMAINS)}"
        r = random_()
        if r < 0.45:
            phone = f"+44 20 7946 0{randint(0, 999):03d}"
        elif r < 0.8:
            phone = f"+44 7700 900{randint(0, 999):03d}"
        else:
            phone = f"+1 202-555-01{randint(0, 99):02d}"
        birth = f"{randint(1940, 2006)}-{randint(1, 12):02d}-{randint(1, 28):02d}"
        if random_() < 0.6:
            ib = grouped(iban("GB", f"TEST{randint(0, 999999):06d}{randint(0, 99999999):08d}"))
        else:
            ib = grouped(iban("DE", f"00000000{randint(0, 9999999999):010d}"))
        card = choice(CARDS)
        sentences = []
        k = randint(1, 3)
        with_pii = random_() < 0.5
        for j in range(k):
            if with_pii and j == 0:
                sentences.append(choice(PII).format(e=email, p=phone, c=card, c4=card[-4:], i=ib))
            else:
                sentences.append(choice(FILLER))
        if with_pii and k > 1:
            rng.shuffle(sentences)
        notes = " ".join(sentences)
        street = f"{randint(1, 250)} {choice(STREETS)}"
        line = (
            f'{{"id":"u{n:08d}","name":"{name}","email":"{email}","phone":"{phone}",'
            f'"birthDate":"{birth}","iban":"{ib}","address":{{"street":"{street}",'
            f'"city":"{choice(CITIES)}","zip":"{randint(10000, 99999)}"}},"notes":"{notes}"}}\n'
        )
        total += len(line.encode()) if max_bytes is not None else 0
        yield line


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    size = ap.add_mutually_exclusive_group()
    size.add_argument("--records", type=int, help="number of records (default 1000000)")
    size.add_argument("--bytes", type=int, help="generate until the file has at least this many bytes")
    ap.add_argument("--out", help="output path (default target/bench-data/users-<size>.ndjson)")
    ap.add_argument("--seed", type=int, default=5)
    a = ap.parse_args()
    if a.records is None and a.bytes is None:
        a.records = 1_000_000
    if a.out is None:
        tag = f"{a.records}" if a.records is not None else f"{a.bytes}b"
        a.out = os.path.join(ROOT, "target", "bench-data", f"users-{tag}.ndjson")
    os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
    rng = random.Random(a.seed)
    tmp = a.out + ".tmp"
    n = 0
    nbytes = 0
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        buf = []
        for line in records(rng, a.records, a.bytes):
            buf.append(line)
            if len(buf) == 10_000:
                chunk = "".join(buf)
                f.write(chunk)
                n += len(buf)
                buf = []
        if buf:
            f.write("".join(buf))
            n += len(buf)
    os.replace(tmp, a.out)  # a half-written file is never mistaken for a finished one
    nbytes = os.path.getsize(a.out)
    print(f"{a.out}: {n} records, {nbytes} bytes ({nbytes / max(n, 1):.0f} bytes/record)", file=sys.stderr)


if __name__ == "__main__":
    main()
