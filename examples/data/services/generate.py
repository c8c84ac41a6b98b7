#!/usr/bin/env python3
"""Generate the sample export of three services (stdlib only, seeded).

    python3 examples/data/services/generate.py      # rewrites the three files

* users.json    — the account service: a JSON array of 25 users
* orders.ndjson — the shop: 60 orders, one JSON object per line
* tickets.csv   — the help desk: 30 support tickets, CSV with a header row

The services refer to each other through personal data, as real exports do:
an order's `customer_email` and a ticket's `reporter` are the email of a
user, and free text (`notes`, `comment`, `body`) repeats the user's phone,
card, IBAN or a second email. `examples/anonymize.sh` checks that the
anonymized files still join on the pseudonyms.

Deliberate spelling differences (real exports have them): every 7th order
writes `customer_email` in upper case, every 11th pads it with spaces, and
every 5th ticket writes `reporter` with a capitalized local part. The email
pseudonym is derived from the trimmed, lower-cased address, so these still
get the user's pseudonym.

Only reserved or published test values are used:

* emails at example.com / example.org / example.net (RFC 2606);
* phones from Ofcom's drama ranges (020 7946 0000–0999 London,
  07700 900000–900999 mobile) and the North American 555-0100–0199
  fictional range, in international and national layouts;
* the card networks' published test numbers (all pass Luhn, checked below);
* IBANs in the "WEST" example bank of the ECBS IBAN standard (GB) and
  bank code 12345678 (DE), with computed ISO 7064 mod 97-10 check digits;
* IPv4 documentation ranges (RFC 5737); names, streets and towns invented.

Person names appear only in name fields, never in free text: free-text
scanning finds checksum- and pattern-based PII (emails, phones, cards,
IBANs, IPs, …), not names.
"""

import csv
import io
import json
import os
import random

SEED = 20261122
HERE = os.path.dirname(os.path.abspath(__file__))

GIVEN = ["Maren", "Tobiah", "Ilse", "Corvin", "Adaeze", "Lorcan", "Sunniva", "Pim", "Ottoline", "Rafferty",
         "Ysolde", "Benedikt", "Calla", "Dorian", "Elowen", "Faustin", "Greer", "Hallam", "Ines", "Jory",
         "Kestrel", "Linnea", "Mattis", "Nerys", "Orrin"]
FAMILY = ["Quillfeather", "Brannock", "Vandermolen", "Ashgrove", "Okonkwo-Hale", "Tremaine", "Lindqvist",
          "Harcastle", "Pemberley", "Dunmore", "Castellane", "Whitlock", "Ferrante", "Mirelli", "Stroud",
          "Achterberg", "Fenwicke", "Rosslyn", "Delacourt", "Marchbank", "Oyelaran", "Kittredge", "Sallow",
          "Beaumaris", "Thistlewood"]
STREETS = ["Larkspur Lane", "Quarry Row", "Fennel Street", "Old Mill Road", "Heron Walk", "Copperbeech Close",
           "Tannery Yard", "Saltmarsh Way"]
TOWNS = [("Ambleford", "AB1 2CD", "GB"), ("Little Wexcombe", "WX9 4QT", "GB"), ("Springfield", "20001", "US"),
         ("Fairview", "20500", "US"), ("Musterstadt", "12345", "DE")]
DOMAINS = ["example.com", "example.org", "example.net"]
# Published test card numbers (Visa, Mastercard, Amex, Discover, Diners, JCB).
CARDS = ["4111111111111111", "4012888888881881", "4242424242424242", "4000056655665556", "5555555555554444",
         "5105105105105100", "2223003122003222", "378282246310005", "371449635398431", "6011111111111117",
         "6011000990139424", "30569309025904", "3530111333300000", "3566002020360505"]
PRODUCTS = [("Walnut desk lamp", 4900), ("Linen tea towels (3)", 1850), ("Enamel camping mug", 1200),
            ("Wool throw, moss", 8900), ("Brass bottle opener", 950), ("Stoneware bowl set", 5400),
            ("Cedar plant stand", 3900), ("Hand-bound notebook", 1600)]


def luhn_ok(digits):
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def iban(country, bban):
    """An IBAN with correct ISO 7064 mod 97-10 check digits."""
    moved = bban + country + "00"
    number = int("".join(str(int(c, 36)) for c in moved))
    return f"{country}{98 - number % 97:02d}{bban}"


def grouped(s, n=4):
    return " ".join(s[i:i + n] for i in range(0, len(s), n))


def card_layout(number, style):
    if style == 0:
        return number
    if len(number) == 15:  # Amex 4-6-5
        parts = [number[:4], number[4:10], number[10:]]
    elif len(number) == 14:  # Diners 4-6-4
        parts = [number[:4], number[4:10], number[10:]]
    else:
        parts = [number[i:i + 4] for i in range(0, len(number), 4)]
    return (" " if style == 1 else "-").join(parts)


def phone(rng, i, national):
    """A fictional UK landline, UK mobile or US number, in either layout."""
    kind = i % 3
    if kind == 0:
        sub = f"{rng.randrange(1000):03d}"
        return f"020 7946 0{sub}" if national else f"+44 20 7946 0{sub}"
    if kind == 1:
        sub = f"{rng.randrange(1000):03d}"
        return f"07700 900{sub}" if national else f"+44 7700 900{sub}"
    sub = rng.randrange(100, 200)
    return f"(202) 555-0{sub}" if national else f"+1 202-555-0{sub}"


def make_users(rng):
    users = []
    used_phones = set()
    for i in range(25):
        given, family = GIVEN[i], FAMILY[i]
        domain = DOMAINS[i % 3]
        local = f"{given.lower()}.{family.lower().replace('-', '')}"
        while True:
            ph = phone(rng, i, national=i % 4 == 3)
            if ph not in used_phones:
                used_phones.add(ph)
                break
        alt = phone(rng, i + 1, national=i % 2 == 0)
        if rng.random() < 0.5:
            account = iban("GB", "WEST123456" + f"{rng.randrange(10**8):08d}")
        else:
            account = iban("DE", "12345678" + f"{rng.randrange(10**10):010d}")
        cards = []
        for j in range(1 + (i % 3 == 0)):
            number = CARDS[(i * 2 + j) % len(CARDS)]
            cards.append({"label": ["personal", "work"][j], "number": card_layout(number, (i + j) % 3),
                          "expiry": f"{rng.randrange(1, 13):02d}/{rng.randrange(27, 32)}"})
        town, postcode, country = TOWNS[i % len(TOWNS)]
        second_email = f"{given[0].lower()}{family[:3].lower()}{rng.randrange(10, 99)}@{DOMAINS[(i + 1) % 3]}"
        note_kind = i % 5
        card_text = card_layout(CARDS[(i * 2) % len(CARDS)], 1)
        notes = [
            f"Asked us to use {second_email} for invoices; still logs in with the main address.",
            f"Prefers a call on {alt} in the afternoon.",
            f"Disputed a charge on card {card_text}; resolved, no refund.",
            f"Refunds go to {grouped(account)} (checked by phone).",
            f"Moved house; new contact number {alt}, old one {ph} no longer in use.",
        ][note_kind]
        users.append({
            "id": f"usr_{1001 + i}",
            "name": f"{given} {family}",
            "email": f"{local}@{domain}",
            "phone": ph,
            "birthDate": f"{rng.randrange(1950, 2004)}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
            "iban": grouped(account) if i % 2 else account,
            "address": {"street": f"{rng.randrange(1, 120)} {STREETS[i % len(STREETS)]}", "city": town,
                        "postcode": postcode, "country": country},
            "cards": cards,
            "password_hash": "$argon2id$v=19$m=65536,t=3,p=4$" + "".join(rng.choice("ABCDEFGHabcdefgh0123456789")
                                                                       for _ in range(22)),
            "marketingOptIn": i % 4 != 1,
            "tier": ["basic", "plus", "pro"][i % 3],
            "createdAt": f"2023-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}T{rng.randrange(24):02d}:"
                         f"{rng.randrange(60):02d}:00Z",
            "notes": notes,
        })
    return users


def make_orders(rng, users):
    orders = []
    for k in range(60):
        u = users[(k * 7 + 3) % len(users)]
        email = u["email"]
        if k % 7 == 0:
            email = email.upper()
        elif k % 11 == 0:
            email = f"  {email} "
        product, price = PRODUCTS[k % len(PRODUCTS)]
        qty = 1 + k % 3
        payment = {"method": "card", "card_number": card_layout(u["cards"][0]["number"].replace(" ", "").replace("-", ""), 0)}
        if k % 4 == 1:
            payment = {"method": "bank-transfer", "iban": u["iban"]}
        comment = [
            "",
            f"Leave with the neighbour; if nobody answers ring {u['phone']}.",
            f"Gift, please send the receipt to {'recipient' + str(k) + '@example.net' if k % 12 == 2 else u['email']}, not the buyer.",
            f"Paid twice by mistake, refund to IBAN {grouped(u['iban'].replace(' ', ''))}.",
            f"Customer called from {phone(rng, k, national=True)} about the delivery date.",
            f"Fraud check: card {card_layout(CARDS[k % len(CARDS)], 2)} was declined, order placed from 198.51.100.{k + 10}.",
        ][k % 6]
        orders.append({
            "id": f"ord_{5001 + k}",
            "customer_email": email,
            "created_at": f"2024-{1 + k % 12:02d}-{1 + k % 28:02d}T{8 + k % 12:02d}:{(k * 13) % 60:02d}:00Z",
            "items": [{"sku": f"SKU-{100 + k % len(PRODUCTS)}", "name": product, "qty": qty,
                       "unit_price_cents": price}],
            "total_cents": qty * price,
            "currency": "GBP" if u["address"]["country"] == "GB" else ("USD" if u["address"]["country"] == "US" else "EUR"),
            "shipping": {"name": u["name"], "phone": u["phone"], "city": u["address"]["city"],
                         "postcode": u["address"]["postcode"]},
            "payment": payment,
            "status": ["paid", "shipped", "delivered", "refunded"][k % 4],
            "comment": comment,
        })
    return orders


def make_tickets(rng, users):
    rows = []
    subjects = ["Cannot log in", "Refund not received", "Change of phone number", "Wrong item delivered",
                "Update bank details", "Card charged twice"]
    for t in range(30):
        u = users[(t * 5 + 1) % len(users)]
        reporter = u["email"]
        if t % 5 == 0:
            reporter = reporter[0].upper() + reporter[1:]
        body = [
            f"Hi, I get 'wrong password' since yesterday. My login is {u['email']}, phone {u['phone']}.",
            f"The refund for my order still has not arrived. Account: {u['iban']}. Thanks",
            f"Please replace my number with {phone(rng, t + 1, national=False)}; the old one ({u['phone']}) is gone.",
            f"Got a lamp instead of mugs.\nPhotos sent from {u['email']}, reply there or call {u['phone']}.",
            f"New IBAN {iban('GB', 'WEST123456' + f'{rng.randrange(10**8):08d}')} from next month, "
            f"old one {grouped(u['iban'].replace(' ', ''))} closes.",
            f"Card {card_layout(u['cards'][0]['number'].replace(' ', '').replace('-', ''), 1)} was charged twice, "
            f"see the statement; logged in from 203.0.113.{20 + t}.",
        ][t % 6]
        rows.append({
            "id": f"tkt_{7001 + t}",
            "reporter": reporter,
            "subject": subjects[t % 6],
            "body": body,
            "status": ["open", "pending", "closed"][t % 3],
            "created_at": f"2024-{1 + t % 12:02d}-{2 + t % 27:02d}T{9 + t % 9:02d}:{(t * 17) % 60:02d}:00Z",
        })
    return rows


def main():
    rng = random.Random(SEED)
    assert all(luhn_ok(c) for c in CARDS), "a test card fails Luhn"
    users = make_users(rng)
    orders = make_orders(rng, users)
    tickets = make_tickets(rng, users)
    with open(os.path.join(HERE, "users.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(users, f, indent=2, ensure_ascii=False)
        f.write("\n")
    with open(os.path.join(HERE, "orders.ndjson"), "w", encoding="utf-8", newline="\n") as f:
        for o in orders:
            f.write(json.dumps(o, ensure_ascii=False, separators=(",", ":")) + "\n")
    out = io.StringIO()
    w = csv.DictWriter(out, fieldnames=list(tickets[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(tickets)
    with open(os.path.join(HERE, "tickets.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())
    print(f"{len(users)} users, {len(orders)} orders, {len(tickets)} tickets")


if __name__ == "__main__":
    main()
