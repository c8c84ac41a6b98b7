#!/usr/bin/env bash
# The README's main command: anonymize the sample export of three services
# (examples/data/services: users.json, orders.ndjson, tickets.csv) with one
# policy and a throwaway keyring, then check what the README promises:
#   * joins survive: every order's customer_email and every ticket's reporter
#     is the pseudonym of the same user's email (joined on the original data),
#     and each order ships to the user's pseudonymized name and phone;
#   * nothing leaks: no original email, phone, IBAN or card number appears
#     anywhere in the output (separators ignored for IBANs and cards);
#   * formats are kept: valid emails on the same domain, IBANs with valid
#     mod-97 check digits, cards that pass Luhn in the same layout, phones in
#     the same layout;
#   * it is deterministic: a second run with the same keyring gives
#     byte-identical files, and nothing but the three outputs is written.
# Exits non-zero when a check fails. Needs python3 (stdlib only) for the checks.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build --quiet --release --features cli
fg=target/release/fieldguard
data=examples/data/services
inputs=("$data/users.json" "$data/orders.ndjson" "$data/tickets.csv")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/out" "$work/again"

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; }

step "$fg" keygen --out "$work/keyring.json"
step "$fg" anonymize --policy "$data/policy.json" --keyring "$work/keyring.json" "${inputs[@]}" --out "$work/out"

printf '\nBefore and after (the sample is invented; real data would never be printed):\n'
python3 - "$data" "$work/out" <<'PY'
import csv, json, os, sys
src, out = sys.argv[1:]
def first(d, name, pick):
    with open(os.path.join(d, name), encoding="utf-8", newline="") as f:
        if name.endswith(".json"):
            rows = json.load(f)
        elif name.endswith(".ndjson"):
            rows = [json.loads(l) for l in f if l.strip()]
        else:
            rows = list(csv.DictReader(f))
    return next(r for r in rows if pick(r))
def show(name, rid, fields):
    a = first(src, name, lambda r: r["id"] == rid)
    b = first(out, name, lambda r: r["id"] == rid)
    print(f"\n  {name} {rid}")
    for path in fields:
        va, vb = a, b
        for k in path.split("."):
            va = va[int(k)] if isinstance(va, list) else va.get(k) if isinstance(va, dict) else None
            vb = vb[int(k)] if isinstance(vb, list) else vb.get(k) if isinstance(vb, dict) else None
        print(f"    {path:<16} {json.dumps(va, ensure_ascii=False)}")
        print(f"    {'':<16} -> {json.dumps(vb, ensure_ascii=False) if vb is not None else '(removed)'}")
show("users.json", "usr_1002", ["name", "email", "phone", "birthDate", "iban", "cards.0.number",
                                "address.street", "address.postcode", "password_hash", "notes"])
show("orders.ndjson", "ord_5005", ["customer_email", "shipping.name", "shipping.phone", "comment"])
show("tickets.csv", "tkt_7001", ["reporter", "body"])
PY

printf '\nA second run with the same keyring:\n'
"$fg" anonymize --quiet --policy "$data/policy.json" --keyring "$work/keyring.json" "${inputs[@]}" --out "$work/again"
same=0
for f in "${inputs[@]}"; do
  name=$(basename "$f")
  if cmp -s "$work/out/$name" "$work/again/$name"; then
    same=$((same + 1))
  else
    echo "  FAIL: $name differs between two runs with the same keyring"
  fi
done
printf '  %d of %d files byte-identical\n' "$same" "${#inputs[@]}"

printf '\nChecks:\n'
status=0
python3 - "$data" "$work/out" <<'PY' || status=1
# Checks the anonymized files in argv[2] against the originals in argv[1].
# Failures name the record and the check, never a value.
import csv, json, os, re, sys

src, out = sys.argv[1], sys.argv[2]
FILES = ("users.json", "orders.ndjson", "tickets.csv")

def load(d, name):
    p = os.path.join(d, name)
    with open(p, encoding="utf-8", newline="") as f:
        if name.endswith(".json"):
            return json.load(f)
        if name.endswith(".ndjson"):
            return [json.loads(line) for line in f if line.strip()]
        return list(csv.DictReader(f))

def raw(d, name):
    with open(os.path.join(d, name), encoding="utf-8") as f:
        return f.read()

failures = []
def check(ok, what):
    if not ok:
        failures.append(what)

def norm_email(e):
    return e.strip().lower()

def luhn(digits):
    if not digits.isdigit():
        return False
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = int(c) * (2 if i % 2 else 1)
        total += d - 9 if d > 9 else d
    return len(digits) >= 12 and total % 10 == 0

def iban_ok(s):
    s = s.replace(" ", "")
    if not re.fullmatch(r"[A-Z]{2}\d\d[A-Z0-9]{10,30}", s):
        return False
    return int("".join(str(int(c, 36)) for c in s[4:] + s[:4])) % 97 == 1

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
EMAIL_FULL = re.compile(r"[a-z0-9._%+-]+@[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}")
IBAN = re.compile(r"\b[A-Z]{2}\d\d(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b")
# 13-19 digits, plain or as 4-4-4-4(-n) / Amex 4-6-5 / Diners 4-6-4, not inside
# a word, a phone number (+…) or a grouped IBAN (CCdd …).
CARD = re.compile(r"(?<![\w+])(?<![A-Z]{2}\d\d )(?:\d{13,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?|\d{4}[ -]\d{6}[ -]\d{4,5})(?!\w)")
PHONE = re.compile(r"(?:\+\d{1,3} |\()?\d{2,5}\)?[ -]\d{3,4}[ -]?\d{3,4}")
SKELETON = lambda s: re.sub(r"\d", "9", s)

inp = {n: load(src, n) for n in FILES}
res = {n: load(out, n) for n in FILES}
users_in, users_out = inp["users.json"], {u["id"]: u for u in res["users.json"]}
pseudo = {}
for u in users_in:
    o = users_out.get(u["id"])
    check(o is not None, f"user {u['id']} missing from the output")
    if o:
        pseudo[norm_email(u["email"])] = o["email"]

# 1. Joins: order customer_email and ticket reporter = the user's pseudonym.
joined = 0
for name, field in (("orders.ndjson", "customer_email"), ("tickets.csv", "reporter")):
    out_by_id = {r["id"]: r for r in res[name]}
    check(len(out_by_id) == len(inp[name]), f"{name}: {len(out_by_id)} records out, {len(inp[name])} in")
    for r in inp[name]:
        want = pseudo.get(norm_email(r[field]))
        got = out_by_id.get(r["id"], {}).get(field)
        check(want is not None and got == want, f"{name} {r['id']}: {field} does not match the user's pseudonym")
        joined += want is not None and got == want

# The shop also copies the customer's name and phone into each order.
by_email = {norm_email(u["email"]): u for u in users_in}
shipped = 0
orders_out = {r["id"]: r for r in res["orders.ndjson"]}
for r in inp["orders.ndjson"]:
    u = by_email.get(norm_email(r["customer_email"]))
    o, uo = orders_out.get(r["id"], {}), users_out.get(u["id"], {}) if u else {}
    ok = bool(u) and o.get("shipping", {}).get("name") == uo.get("name") and o["shipping"].get("phone") == uo.get("phone")
    check(ok, f"orders.ndjson {r['id']}: shipping name/phone do not match the user's pseudonyms")
    shipped += ok

# 2. Leaks: no original email, phone, IBAN or card string anywhere in the output.
raw_in = "\n".join(raw(src, n) for n in FILES)
raw_out = "\n".join(raw(out, n) for n in FILES)
compact_out = re.sub(r"[ -]", "", raw_out)
secrets = {"email": set(), "phone": set(), "iban": set(), "card": set()}
secrets["email"] = {e.lower() for e in EMAIL.findall(raw_in)}
for u in users_in:
    secrets["phone"].add(u["phone"])
    secrets["iban"].add(u["iban"].replace(" ", ""))
    secrets["card"].update(c["number"].replace(" ", "").replace("-", "") for c in u["cards"])
secrets["phone"].update(PHONE.findall(raw_in))
secrets["iban"].update(m.replace(" ", "") for m in IBAN.findall(raw_in) if iban_ok(m))
secrets["card"].update(d for d in (re.sub(r"[ -]", "", m) for m in CARD.findall(raw_in)) if luhn(d))
leaks = 0
for kind, values in secrets.items():
    for v in values:
        hay = raw_out.lower() if kind == "email" else (compact_out if kind in ("iban", "card") else raw_out)
        if v in hay:
            leaks += 1
            check(False, f"an original {kind} appears in the output")  # never print the value

# 3. Formats kept.
formats = 0
for u in users_in:
    o = users_out.get(u["id"], {})
    check(bool(EMAIL_FULL.fullmatch(o.get("email", ""))), f"user {u['id']}: pseudonym email is not a valid address")
    check(o.get("email", "").split("@")[-1] == u["email"].split("@")[-1], f"user {u['id']}: email domain changed")
    check(iban_ok(o.get("iban", "")) and o["iban"][:2] == u["iban"][:2] and len(o["iban"]) == len(u["iban"]),
          f"user {u['id']}: IBAN pseudonym fails mod 97 or lost its country/layout")
    check(SKELETON(o.get("phone", "")) == SKELETON(u["phone"]), f"user {u['id']}: phone layout changed")
    for ci, co in zip(u["cards"], o.get("cards", [])):
        n = co["number"]
        check(luhn(re.sub(r"[ -]", "", n)) and SKELETON(n) == SKELETON(ci["number"]),
              f"user {u['id']}: card pseudonym fails Luhn or lost its layout")
    formats += 1
text_cards = [re.sub(r"[ -]", "", m) for m in CARD.findall(raw_out)]
text_ibans = [m for m in IBAN.findall(raw_out)]
for d in text_cards:
    if len(d) >= 13 and d.isdigit():
        check(luhn(d), "a card number in the output fails Luhn")
for m in text_ibans:
    check(iban_ok(m), "an IBAN in the output fails mod 97")
for e in EMAIL.findall(raw_out):
    check(bool(EMAIL_FULL.fullmatch(e)), "an email in the output is not a valid lower-case address")

counts = {k: len(v) for k, v in secrets.items()}
print(f"  joins:   {joined} of {len(inp['orders.ndjson']) + len(inp['tickets.csv'])} order/ticket emails equal their user's pseudonym; "
      f"{shipped} of {len(inp['orders.ndjson'])} orders ship to the user's pseudonymized name and phone")
print(f"  leaks:   {leaks} of {sum(counts.values())} original values found in the output "
      f"({counts['email']} emails, {counts['phone']} phones, {counts['iban']} IBANs, {counts['card']} cards)")
print(f"  formats: {formats} users checked (email, IBAN mod 97, card Luhn, phone layout); "
      f"{len(text_cards)} card-like and {len(text_ibans)} IBAN-like strings in the output checked")
for f in failures[:20]:
    print("  FAIL:", f)
if len(failures) > 20:
    print(f"  … and {len(failures) - 20} more failures")
sys.exit(1 if failures else 0)
PY
[ "$same" -eq "${#inputs[@]}" ] || status=1
# Outputs are written to temporary files and renamed: nothing else may be left.
if [ "$(ls -A "$work/out" | sort | tr '\n' ' ')" != "orders.ndjson tickets.csv users.json " ]; then
  echo "  FAIL: the output directory holds other files than the three outputs"
  status=1
fi
if [ "$status" -ne 0 ]; then
  echo 'FAILED: see the FAIL lines above'
  exit 1
fi
printf '\nOK: three services anonymized with one policy; they still join on the pseudonyms, no original\nemail, phone, IBAN or card is left, formats are valid and the output is reproducible.\n'
