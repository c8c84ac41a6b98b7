#!/usr/bin/env python3
"""Generates tests/vectors/pii-anonymize.json (run from the repository root).

Keyless expectations are written out by hand below; hash expectations are
computed here from the documented formula, independently of the Rust code.
Cases marked RECORD keep the values already in the file (recorded once from
the Rust implementation; their invariants are checked by tests/pii_anonymize.rs);
a new RECORD case needs `cargo test --test vectors` output pasted in.
"""
import json, hmac, hashlib, base64, os, sys
ops = json.load(open('tests/vectors/pii-ops.json'))
keyrings = ops['keyrings']
master = base64.b64decode(keyrings['main']['keys'][0]['material'])
def hkdf(ikm, info, L=32):
    prk = hmac.new(b'\0'*32, ikm, hashlib.sha256).digest()
    out=b''; t=b''; i=1
    while len(out)<L:
        t=hmac.new(prk, t+info+bytes([i]), hashlib.sha256).digest(); out+=t; i+=1
    return out[:L]
hk = hkdf(master, b'fieldguard:v1:hash')
def H(value, typ='PII', ctx=b'', length=16):
    m = hmac.new(hk, b'fieldguard:hash:v1' + len(typ).to_bytes(4,'big') + typ.encode() + len(ctx).to_bytes(4,'big') + ctx + value.encode(), hashlib.sha256)
    return m.hexdigest()[:2*length]
assert H('alice@example.com') == '9928ba7b688d4e40c380732da5ebaa99'
assert H('alice@example.com','EMAIL_ADDRESS',b'users.email') == 'f8870360d44be2a2fe9673426e812796'
R = 'RECORD'   # recorded from the implementation (keyed pseudonyms/date shifts); invariants checked in tests/pii_anonymize.rs
def u16(s): return len(s.encode('utf-16-le'))//2
cases = []
def T(name, text, expect=None, options=None, keyring=None, error=None):
    c = {"name": name, "op": "anonymize_text", "text": text}
    if keyring: c["keyring"] = keyring
    if options is not None: c["options"] = options
    if error: c["error"] = error
    else: c["expect"] = expect
    cases.append(c)
def item(t, out, rep, op, nth=0, fallback=False):
    # position of the nth occurrence of rep in out, in UTF-16 units
    i = -1
    for _ in range(nth+1): i = out.index(rep, i+1)
    return {"entityType": t, "start": u16(out[:i]), "end": u16(out[:i])+u16(rep), "operator": op, "fallback": fallback}

out = "Contact <EMAIL_ADDRESS> or <PHONE_NUMBER>."
T("default: replace with the type tag", "Contact bob@example.com or +44 20 7946 0958.",
  {"text": out, "items": [item("EMAIL_ADDRESS", out, "<EMAIL_ADDRESS>", "replace"), item("PHONE_NUMBER", out, "<PHONE_NUMBER>", "replace")]})
out = "😀 mail <EMAIL_ADDRESS> 👍🏽"
T("UTF-16 offsets after an emoji (surrogate pair)", "😀 mail ana@example.org 👍🏽",
  {"text": out, "items": [item("EMAIL_ADDRESS", out, "<EMAIL_ADDRESS>", "replace")]})
out = "Cafe\u0301 card ****-****-****-1111, IBAN [IBAN_CODE]"
T("per-type operators, combining accent before", "Cafe\u0301 card 4111-1111-1111-1111, IBAN GB82 WEST 1234 5698 7654 32",
  {"text": out, "items": [item("CREDIT_CARD", out, "****-****-****-1111", "mask"), item("IBAN_CODE", out, "[IBAN_CODE]", "replace")]},
  {"operators": {"CREDIT_CARD": {"op": "mask", "keepLast": 4}}, "defaultOperator": {"op": "replace", "with": "[{type}]"}})
out = "ssn  and mail x@y"
T("redact as default, entity filter", "ssn 536-90-4399 and mail x@y",
  {"text": "ssn  and mail x@y", "items": [{"entityType": "US_SSN", "start": 4, "end": 4, "operator": "redact", "fallback": False}]},
  {"scan": {"entities": ["US_SSN"]}, "defaultOperator": {"op": "redact"}})
out = "write to <EMAIL_ADDRESS> today"
T("an operator that cannot read the value falls back to the tag", "write to ana@example.org today",
  {"text": out, "items": [item("EMAIL_ADDRESS", out, "<EMAIL_ADDRESS>", "generalize", fallback=True)]},
  {"operators": {"EMAIL_ADDRESS": {"op": "generalize", "bucket": 10}}})
out = "mail an*@example.org"
T("mask keeping the domain", "mail ana@example.org",
  {"text": out, "items": [item("EMAIL_ADDRESS", out, "an*@example.org", "mask")]},
  {"operators": {"EMAIL_ADDRESS": {"op": "mask", "keepFirst": 2, "keepDomain": True}}})
T("no PII: unchanged", "nothing to see here, version 1.2.3", {"text": "nothing to see here, version 1.2.3", "items": []})
T("empty text", "", {"text": "", "items": []})
T("keyed operator without a keyring", "no pii at all", None, {"operators": {"EMAIL_ADDRESS": {"op": "pseudonymize"}}}, error="INVALID_ARGUMENT")
T("keyed default without a keyring", "x", None, {"defaultOperator": {"op": "hash"}}, error="INVALID_ARGUMENT")
T("unknown option", "x", None, {"operator": {"op": "redact"}}, error="INVALID_ARGUMENT")
T("unknown entity type in operators", "x", None, {"operators": {"EMAIL": {"op": "redact"}}}, error="INVALID_ARGUMENT")
T("bad operator options", "x", None, {"defaultOperator": {"op": "hash", "length": 99}}, keyring="main", error="INVALID_ARGUMENT")
T("bad scan options", "x", None, {"scan": {"minScore": 101}}, error="INVALID_ARGUMENT")
T("over maxInputBytes", "mail ana@example.org", None, {"scan": {"maxInputBytes": 8}}, error="INPUT_TOO_LARGE")
h = H("ana@example.org", "EMAIL_ADDRESS", b"tickets.body", 8)
out = f"from {h} re: order"
T("hash with context (computed independently in Python)", "from ana@example.org re: order",
  {"text": out, "items": [item("EMAIL_ADDRESS", out, h, "hash")]},
  {"defaultOperator": {"op": "hash", "length": 8}, "context": "tickets.body"}, keyring="main")
T("pseudonymize every type (recorded)", "mail alice@example.com, card 4111 1111 1111 1111, phone +44 20 7946 0958, NHS 943 476 5919",
  R, {"defaultOperator": {"op": "pseudonymize"}}, keyring="main")
T("date-shift per subject (recorded)", "born 1985-03-12", R,
  {"operators": {"DATE_OF_BIRTH": {"op": "date-shift", "maxDays": 30}}, "subject": "user-42"}, keyring="main")

# ---- policies
def P(name, policy, record, expect=None, keyring=None, field=None, error=None):
    c = {"name": name, "op": "policy", "policy": policy, "record": record}
    if field is not None: c["field"] = field
    if keyring: c["keyring"] = keyring
    if error: c["error"] = error
    else: c["expect"] = expect
    cases.append(c)
def FR(field, changes=(), violations=(), found=None):
    r = {"field": field, "changes": list(changes), "violations": list(violations)}
    if found: r["found"] = [{"entityType": t, "count": n} for t, n in found]
    return r
P("pii section: every string and number at any depth is scanned",
  {"version": 1, "pii": {}},
  {"user": {"login": "Ana", "notes": ["mail ana@example.org", "ok"]}, "n": 4111111111111111, "flag": True, "none": None},
  {"record": {"user": {"login": "Ana", "notes": ["mail <EMAIL_ADDRESS>", "ok"]}, "n": "<CREDIT_CARD>", "flag": True, "none": None},
   "report": {"fields": [FR("user.notes[*]", ["anonymized"], found=[("EMAIL_ADDRESS", 1)]), FR("n", ["anonymized"], found=[("CREDIT_CARD", 1)])]}})
P("array elements share one report entry with [*]",
  {"version": 1, "pii": {"defaultOperator": {"op": "redact"}}},
  {"rows": [{"c": "ip 10.0.0.1"}, {"c": "ip 10.0.0.2 and 10.0.0.3"}]},
  {"record": {"rows": [{"c": "ip "}, {"c": "ip  and "}]},
   "report": {"fields": [FR("rows[*].c", ["anonymized"], found=[("IP_ADDRESS", 3)])]}})
P("field operators: mask, drop, generalize after validation (keyless)",
  {"version": 1, "fields": {
      "card": {"anonymize": {"op": "mask", "keepLast": 4}},
      "ssn": {"anonymize": {"op": "drop"}},
      "age": {"validate": {"type": "integer", "min": 0, "max": 150}, "anonymize": {"op": "generalize", "bucket": 10}},
      "zip": {"anonymize": {"op": "generalize", "keepPrefix": 2}}}},
  {"card": "4111 1111 1111 1111", "ssn": "536-90-4399", "age": 42, "zip": "94107", "other": "kept"},
  {"record": {"card": "**** **** **** 1111", "age": "40-49", "zip": "94***", "other": "kept"},
   "report": {"fields": [FR("card", ["anonymized"], found=[("CREDIT_CARD", 1)]), FR("ssn", ["dropped"]), FR("age", ["anonymized"]), FR("zip", ["anonymized"])]}})
P("drop with a wildcard removes every selected member, order of the rest kept",
  {"version": 1, "fields": {"items[*].secret": {"anonymize": {"op": "drop"}}}},
  {"items": [{"a": 1, "secret": "x", "b": 2}, {"secret": None}, {"a": 3}]},
  {"record": {"items": [{"a": 1, "b": 2}, {}, {"a": 3}]}, "report": {"fields": [FR("items[*].secret", ["dropped"])]}})
P("scan: false excludes a subtree; anonymized fields are not scanned again",
  {"version": 1, "fields": {"audit": {"scan": False}, "contact": {"anonymize": {"op": "replace", "with": "[hidden]"}}}, "pii": {}},
  {"audit": {"by": "ops@example.com"}, "contact": "bob@example.com", "msg": "cc ops@example.com"},
  {"record": {"audit": {"by": "ops@example.com"}, "contact": "[hidden]", "msg": "cc <EMAIL_ADDRESS>"},
   "report": {"fields": [FR("contact", ["anonymized"], found=[("EMAIL_ADDRESS", 1)]), FR("msg", ["anonymized"], found=[("EMAIL_ADDRESS", 1)])]}})
P("scanAll: false scans only fields with scan: true",
  {"version": 1, "fields": {"body": {"scan": True}}, "pii": {"scanAll": False}},
  {"body": "mail a@example.com", "subject": "mail b@example.com"},
  {"record": {"body": "mail <EMAIL_ADDRESS>", "subject": "mail b@example.com"},
   "report": {"fields": [FR("body", ["anonymized"], found=[("EMAIL_ADDRESS", 1)])]}})
P("sanitize runs before the scan: zero-width characters no longer hide an email",
  {"version": 1, "fields": {"msg": {"clean": {}}}, "pii": {}},
  {"msg": "write to ana\u200b@example.org"},
  {"record": {"msg": "write to <EMAIL_ADDRESS>"},
   "report": {"fields": [FR("msg", ["removed-invisible", "anonymized"], found=[("EMAIL_ADDRESS", 1)])]}})
P("ANONYMIZE_FAILED with onViolation clean: nulled",
  {"version": 1, "fields": {"born": {"anonymize": {"op": "generalize", "to": "year"}, "onViolation": "clean"}}},
  {"born": "sometime in spring"},
  {"record": {"born": None}, "report": {"fields": [FR("born", [], [{"reason": "ANONYMIZE_FAILED", "message": "generalize: the value is not a date in a supported format", "action": "nulled"}])]}})
P("ANONYMIZE_FAILED rejects by default", {"version": 1, "fields": {"born": {"anonymize": {"op": "generalize", "to": "year"}}}},
  {"born": "sometime in spring"}, error="VALUE_INVALID")
P("anonymize of an object is a type mismatch", {"version": 1, "fields": {"a": {"anonymize": {"op": "mask"}}}},
  {"a": {"b": 1}}, error="VALUE_INVALID")
P("keyed policy without a keyring", {"version": 1, "fields": {"a": {"anonymize": {"op": "pseudonymize"}}}}, {"a": "x"}, error="INVALID_ARGUMENT")
P("keyed pii operator without a keyring", {"version": 1, "pii": {"operators": {"IBAN_CODE": {"op": "encrypt"}}}}, {}, error="INVALID_ARGUMENT")
P("unknown key in pii", {"version": 1, "pii": {"scanall": True}}, {}, error="POLICY_INVALID")
P("bad operator options in a field", {"version": 1, "fields": {"a": {"anonymize": {"op": "hash", "length": 99}}}}, {}, error="POLICY_INVALID")
P("unknown entity", {"version": 1, "fields": {"a": {"entity": "EMAIL", "anonymize": {"op": "redact"}}}}, {}, error="POLICY_INVALID")
P("entity without anonymize", {"version": 1, "fields": {"a": {"entity": "EMAIL_ADDRESS"}}}, {}, error="POLICY_INVALID")
P("scan on an anonymized field", {"version": 1, "fields": {"a": {"anonymize": {"op": "redact"}, "scan": False}}, "pii": {}}, {}, error="POLICY_INVALID")
# Without a pii section the fields the policy does not name are still
# scanned (default operators); named fields are left to their rules unless
# they say "scan": true; "scan": false at the top turns the scan off.
P("no pii section: the fields the policy does not name are scanned, named ones are not",
  {"version": 1, "fields": {"e": {"validate": {"type": "email"}}, "x": {"anonymize": {"op": "redact"}}}},
  {"e": "ana@example.org", "x": "bo@example.net", "note": "mail ana@example.org", "deep": [{"t": "call +44 20 7946 0958"}]},
  {"record": {"e": "ana@example.org", "x": "", "note": "mail <EMAIL_ADDRESS>", "deep": [{"t": "call <PHONE_NUMBER>"}]},
   "report": {"fields": [FR("x", ["anonymized"], found=[("EMAIL_ADDRESS", 1)]), FR("note", ["anonymized"], found=[("EMAIL_ADDRESS", 1)]),
                         FR("deep[*].t", ["anonymized"], found=[("PHONE_NUMBER", 1)])]}})
P("no pii section: scan: true brings a named field in",
  {"version": 1, "fields": {"a": {"scan": True}}}, {"a": "mail ana@example.org"},
  {"record": {"a": "mail <EMAIL_ADDRESS>"}, "report": {"fields": [FR("a", ["anonymized"], found=[("EMAIL_ADDRESS", 1)])]}})
P("scan: false at the top turns the scan off",
  {"version": 1, "scan": False, "fields": {"e": {"validate": {"type": "email"}}}},
  {"e": "ana@example.org", "note": "mail ana@example.org"},
  {"record": {"e": "ana@example.org", "note": "mail ana@example.org"}, "report": {"fields": []}})
P("scan: false at the top with a pii section", {"version": 1, "scan": False, "pii": {}}, {}, error="POLICY_INVALID")
P("scan: false at the top with a scan: true field", {"version": 1, "scan": False, "fields": {"a": {"scan": True}}}, {}, error="POLICY_INVALID")
P("recordId with a wildcard", {"version": 1, "recordId": "rows[*].id"}, {}, error="POLICY_INVALID")
P("recordId missing in the record", {"version": 1, "recordId": "id", "fields": {"a": {"anonymize": {"op": "redact"}}}}, {"a": "x"}, error="RECORD_INVALID")
hid = H("ana@example.org", "EMAIL_ADDRESS", b"email\x00u-7", 8)
P("hash bound to field path and record ID (computed independently in Python)",
  {"version": 1, "recordId": "id", "fields": {"email": {"anonymize": {"op": "hash", "length": 8}}}},
  {"id": "u-7", "email": "ana@example.org"},
  {"record": {"id": "u-7", "email": hid}, "report": {"fields": [FR("email", ["anonymized"], found=[("EMAIL_ADDRESS", 1)])]}}, keyring="main")
hn = H("ana@example.org", "EMAIL_ADDRESS", b"notes[*]", 8)
P("scan context uses [*] for array positions (computed independently in Python)",
  {"version": 1, "pii": {"defaultOperator": {"op": "hash", "length": 8}}},
  {"notes": ["x", "from ana@example.org"]},
  {"record": {"notes": ["x", f"from {hn}"]}, "report": {"fields": [FR("notes[*]", ["anonymized"], found=[("EMAIL_ADDRESS", 1)])]}}, keyring="main")
P("one customer, one pseudonym: field rule and free-text scan agree (recorded)",
  {"version": 1, "fields": {"email": {"anonymize": {"op": "pseudonymize"}}, "name": {"anonymize": {"op": "pseudonymize"}, "entity": "PERSON_NAME"}},
   "pii": {"operators": {"EMAIL_ADDRESS": {"op": "pseudonymize"}}}},
  {"email": "alice@example.com", "name": "Alice Smith", "note": "reply to alice@example.com"}, R, keyring="main")
P("date-shift: every date of one subject moves by the same days (recorded)",
  {"version": 1, "subject": "customer", "fields": {"dob": {"anonymize": {"op": "date-shift"}}, "visits[*]": {"anonymize": {"op": "date-shift"}}}},
  {"customer": "c-1", "dob": "1985-03-12", "visits": ["2024-01-31", "2024-02-29"]}, R, keyring="main")
P("applyField: a form value is cleaned and scanned",
  {"version": 1, "fields": {"msg": {"clean": {}}}, "pii": {}}, " call +44 20 7946 0958 ",
  {"record": "call <PHONE_NUMBER>", "report": {"fields": [FR("msg", ["trimmed", "anonymized"], found=[("PHONE_NUMBER", 1)])]}}, field="msg")
P("applyField: drop gives null", {"version": 1, "fields": {"ssn": {"anonymize": {"op": "drop"}}}}, "536-90-4399",
  {"record": None, "report": {"fields": [FR("ssn", ["dropped"])]}}, field="ssn")
P("applyField with a keyring: pseudonym equals the record's (recorded)",
  {"version": 1, "fields": {"email": {"anonymize": {"op": "pseudonymize"}}}}, "alice@example.com", R, keyring="main", field="email")


# Field names are context evidence (the value's own key, split into words).
P("field names are context: a bare number under a phone key, a date under dob",
  {"version": 1, "pii": {}},
  {"customerPhone": "6034423667", "note": "6034423667", "contact": {"telefono_cellulare": 3471234567},
   "dob": "12.03.1985", "visit": "12.03.1985", "card_number": "4111 1111 1111 1112"},
  {"record": {"customerPhone": "<PHONE_NUMBER>", "note": "6034423667", "contact": {"telefono_cellulare": "<PHONE_NUMBER>"},
              "dob": "<DATE_OF_BIRTH>", "visit": "12.03.1985", "card_number": "4111 1111 1111 1112"},
   "report": {"fields": [FR("customerPhone", ["anonymized"], found=[("PHONE_NUMBER", 1)]),
                         FR("contact.telefono_cellulare", ["anonymized"], found=[("PHONE_NUMBER", 1)]),
                         FR("dob", ["anonymized"], found=[("DATE_OF_BIRTH", 1)])]}})
# Known values: protected fields' values are searched for in the record's free text.
P("known values: a protected name, whole and by its parts, and a login are replaced in free text as in their fields",
  {"version": 1, "fields": {"name": {"anonymize": {"op": "replace"}, "entity": "PERSON_NAME"},
                            "login": {"anonymize": {"op": "replace", "with": "<LOGIN>"}}}, "pii": {}},
  {"name": "Tobiah Brannock", "login": "tobiah42",
   "body": "Tobiah Brannock (tobiah42) asked; Brannock, Tobiah. Tobiahs rose; tobiah no; mail tobiah42@example.org"},
  {"record": {"name": "<PERSON_NAME>", "login": "<LOGIN>",
              "body": "<PERSON_NAME> (<LOGIN>) asked; <PERSON_NAME>, <PERSON_NAME>. Tobiahs rose; tobiah no; mail <EMAIL_ADDRESS>"},
   "report": {"fields": [FR("name", ["anonymized"], found=[("PERSON_NAME", 1)]), FR("login", ["anonymized"]),
                         FR("body", ["anonymized", "known-value"], found=[("PERSON_NAME", 3), ("EMAIL_ADDRESS", 1)])]}})
hn, hg, hf = H("Ana Lopez", "PERSON_NAME", b"name", 8), H("Lopez", "PERSON_NAME", b"name", 8), H("ana.lopez@example.org", "EMAIL_ADDRESS", b"email", 8)
P("known values: a mention gets the supplying field's hash, with that field's context (computed independently in Python)",
  {"version": 1, "fields": {"name": {"anonymize": {"op": "hash", "length": 8}, "entity": "PERSON_NAME"},
                            "email": {"anonymize": {"op": "hash", "length": 8}},
                            "born": {"anonymize": {"op": "generalize", "to": "year"}}}, "pii": {}},
  {"name": "Ana Lopez", "email": "ana.lopez@example.org", "born": "1974-01-06",
   "notes": ["Ana Lopez called", "Lopez wrote from ANA.LOPEZ@example.org on 1974-01-06"]},
  {"record": {"name": hn, "email": hf, "born": "1974",
              "notes": [f"{hn} called", f"{hg} wrote from {hf} on 1974-01-06"]},
   "report": {"fields": [FR("name", ["anonymized"], found=[("PERSON_NAME", 1)]), FR("email", ["anonymized"], found=[("EMAIL_ADDRESS", 1)]),
                         FR("born", ["anonymized"]),
                         FR("notes[*]", ["anonymized", "known-value"], found=[("PERSON_NAME", 2), ("EMAIL_ADDRESS", 1)])]}}, keyring="main")
doc = {"description": "Free-text anonymization (fieldguard::pii::anonymize, JS anonymizeText) and policies with PII steps (Policy.apply/applyWithKeyring). Keyless cases: expected values derived by hand from the documented rules (tags, masks, buckets, drop, scan scope and report). Offsets: UTF-16 code units of the output text, computed by the generator (python, utf-16-le length). hash cases: computed independently in Python from the documented formula (HKDF-SHA256 subkey 'fieldguard:v1:hash'; HMAC over 'fieldguard:hash:v1' || u32be len type || type || u32be len ctx || ctx || value) with context = field path ('[*]' for array positions) plus NUL and the record ID. Known values (a protected field's value mentioned in the record's free text) are replaced by what the field's operator makes of them with the field's context, so the hash cases compute them from the supplying field's path. Cases named '(recorded)' hold pseudonyms and date shifts RECORDED from the Rust implementation as a cross-runtime check; tests/pii_anonymize.rs checks their invariants (same pseudonym in field and free text, equal to anonymizeValue, same shift for every date of a subject). Generated by tests/vectors/generators/pii_anonymize.py.",
       "keyrings": keyrings, "cases": cases}
OUT = 'tests/vectors/pii-anonymize.json'
recorded = {c['name']: c.get('expect') for c in json.load(open(OUT))['cases']} if os.path.exists(OUT) else {}
for c in cases:
    if c.get('expect') == R:
        c['expect'] = recorded.get(c['name'], R)
json.dump(doc, open(OUT, 'w'), indent=1, ensure_ascii=False)
print(len(cases), 'cases')
