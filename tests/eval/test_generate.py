"""Self-check of the PII corpus: offsets, checksums of positives, negatives failing them.

Run: python3 -m unittest tests/eval/test_generate.py  (stdlib; the phone check also runs
when the `phonenumbers` package is importable, e.g. in target/eval-venv).

The Luhn, IBAN and NHS checks below are re-implemented independently of checks.py; the
other validators are shared with the generator, so for them this test mainly guards that
generation and validation stay in agreement and that offsets are right.
"""
import base64
import collections
import hashlib
import json
import os
import re
import subprocess
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import checks as C  # noqa: E402

CORPUS = os.path.join(HERE, "corpus.jsonl")


def luhn(num):  # independent re-implementation
    s = 0
    for i, ch in enumerate(num[::-1]):
        d = int(ch) * (2 if i % 2 else 1)
        s += d // 10 + d % 10
    return s % 10 == 0


def iban(v):
    v = v.replace(" ", "")
    moved = v[4:] + v[:4]
    return int("".join(c if c.isdigit() else str(ord(c) - 55) for c in moved)) % 97 == 1


def nhs(v):
    d = [int(c) for c in v if c.isdigit()]
    r = 11 - sum(a * b for a, b in zip(d, range(10, 1, -1))) % 11
    return len(d) == 10 and {11: 0}.get(r, r) == d[9]


def pem_ok(v):
    m = re.fullmatch(r"-----BEGIN ([A-Z ]+)-----(?:\\n| )(.+?)(?:\\n| )-----END \1-----", v)
    if not m:
        return False
    base64.b64decode(re.sub(r"\\n| ", "", m.group(2)), validate=True)
    return True


def jwt_ok(v):
    parts = v.split(".")
    if len(parts) != 3:
        return False
    for p in parts[:2]:
        json.loads(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)))
    return True


POSITIVE = {
    "CREDIT_CARD": lambda v: luhn(C.digits(v)) and C.luhn_ok(v) and 13 <= len(C.digits(v)) <= 19,
    "IBAN_CODE": lambda v: iban(v) and C.iban_ok(v),
    "US_SSN": C.us_ssn_ok,
    "UK_NHS": lambda v: nhs(v) and C.nhs_ok(v),
    "NL_BSN": C.bsn_ok,
    "PL_PESEL": C.pesel_ok,
    "ES_NIF": C.es_nif_ok,
    "IT_FISCAL_CODE": C.it_cf_ok,
    "DE_TAX_ID": C.de_idnr_ok,
    "FR_NIR": C.fr_nir_ok,
    "CRYPTO": C.crypto_ok,
    "AWS_ACCESS_KEY": lambda v: re.fullmatch(r"(AKIA|ASIA)[A-Z2-7]{16}", v) is not None,
    "EMAIL_ADDRESS": lambda v: re.fullmatch(r"[\w.+-]+@[\w-]+(\.[\w-]+)+", v) is not None,
    "MAC_ADDRESS": lambda v: re.fullmatch(r"([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}|([0-9a-f]{4}\.){2}[0-9a-f]{4}", v) is not None,
    "PRIVATE_KEY": pem_ok,
    "JWT": jwt_ok,
}

NEGATIVE = {  # distractor kind -> validators that must all fail
    "bad_luhn16": [C.luhn_ok], "bad_iban": [C.iban_ok, iban], "bad_ssn": [C.us_ssn_ok], "bad_dni": [C.es_nif_ok],
    "bad_cf": [C.it_cf_ok], "bad_nir": [C.fr_nir_ok], "digits9": [C.bsn_ok], "digits10": [C.nhs_ok, nhs],
    "digits11": [C.pesel_ok, C.de_idnr_ok],
}


class CorpusTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(CORPUS, encoding="utf-8") as f:
            cls.samples = [json.loads(line) for line in f]

    def test_offsets(self):
        for s in self.samples:
            b = s["text"].encode()
            self.assertNotIn("\n", s["text"])
            for sp in s["spans"]:
                v = s["text"][sp["start"]:sp["end"]]
                self.assertTrue(v and v == v.strip(), (s["id"], v))
                self.assertEqual(b[sp["byteStart"]:sp["byteEnd"]].decode(), v, s["id"])
                self.assertEqual(len(s["text"][:sp["start"]].encode()), sp["byteStart"])

    def test_positives_pass_checksums(self):
        n = 0
        for s in self.samples:
            for sp in s["spans"]:
                check = POSITIVE.get(sp["type"])
                if check:
                    v = s["text"][sp["start"]:sp["end"]]
                    self.assertTrue(check(v), (s["id"], sp["type"], v))
                    n += 1
        self.assertGreater(n, 1500)

    def test_negatives_fail_checksums(self):
        seen = collections.Counter()
        for s in self.samples:
            if s["kind"] != "hard_negative":
                continue
            self.assertEqual(s["spans"], [])
            for d in s.get("distractors", ()):
                v = s["text"][d["start"]:d["end"]]
                for check in NEGATIVE.get(d["kind"], ()):
                    self.assertFalse(check(v), (s["id"], d["kind"], v))
                dg = C.digits(v)
                if 13 <= len(dg) <= 19 and d["kind"] not in ("timestamp", "amount", "version", "date"):
                    self.assertFalse(luhn(dg), (s["id"], d["kind"], v))
                seen[d["kind"]] += 1
        for kind in NEGATIVE:
            self.assertGreater(seen[kind], 20, kind)

    def test_stats(self):
        per_type = collections.Counter(sp["type"] for s in self.samples for sp in s["spans"])
        self.assertEqual(len(per_type), 21)
        self.assertGreaterEqual(min(per_type.values()), 80, per_type)
        self.assertGreaterEqual(sum(s["kind"] == "hard_negative" for s in self.samples), 1000)
        self.assertEqual({s["lang"] for s in self.samples}, {"en", "de", "fr", "es", "it", "nl", "pl"})
        self.assertTrue(any(len(s["text"].encode()) != len(s["text"]) for s in self.samples if s["spans"]))
        self.assertLess(os.path.getsize(CORPUS), 2_000_000)

    def test_validators_known_vectors(self):
        good = [(C.nhs_ok, "943 476 5919"), (C.bsn_ok, "111222333"), (C.pesel_ok, "44051401359"),
                (C.de_idnr_ok, "86095742719"), (C.es_nif_ok, "12345678Z"),
                (C.es_nif_ok, "X1234567L"), (C.it_cf_ok, "RSSMRA85T10A562S"), (C.iban_ok, "GB82 WEST 1234 5698 7654 32"),
                (C.iban_ok, "DE89370400440532013000"), (C.luhn_ok, "4111 1111 1111 1111"), (C.fr_nir_ok, "2 55 08 14 168 025 38"),
                (C.crypto_ok, "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"), (C.crypto_ok, "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
                (C.crypto_ok, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
                (C.crypto_ok, "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297")]
        for f, v in good:
            self.assertTrue(f(v), v)
        bad = [(C.nhs_ok, "943 476 5918"), (C.bsn_ok, "111222334"), (C.pesel_ok, "44051401358"),
               (C.de_idnr_ok, "86095742718"), (C.es_nif_ok, "12345678A"), (C.it_cf_ok, "RSSMRA85T10A562T"),
               (C.iban_ok, "GB83 WEST 1234 5698 7654 32"), (C.luhn_ok, "4111 1111 1111 1112"),
               (C.fr_nir_ok, "2 55 08 14 168 025 39"), (C.crypto_ok, "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3"),
               (C.crypto_ok, "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr")]
        for f, v in bad:
            self.assertFalse(f(v), v)

    def test_phone_numbers_valid(self):
        try:
            import phonenumbers
        except ImportError:
            self.skipTest("phonenumbers not installed (run in target/eval-venv)")
        region = {"en": "US", "de": "DE", "fr": "FR", "es": "ES", "it": "IT", "nl": "NL", "pl": "PL"}
        for s in self.samples:
            for sp in s["spans"]:
                if sp["type"] == "PHONE_NUMBER":
                    v = s["text"][sp["start"]:sp["end"]]
                    reg = "GB" if s["lang"] == "en" and v.startswith("0") else region[s["lang"]]
                    self.assertTrue(phonenumbers.is_valid_number(phonenumbers.parse(v, reg)), (s["id"], v))

    def test_reproducible(self):
        def digest():
            with open(CORPUS, "rb") as f:
                return hashlib.sha256(f.read()).hexdigest()
        before = digest()
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py")], check=True, capture_output=True)
        after = digest()
        self.assertEqual(before, after, "generate.py output differs from the committed corpus")


if __name__ == "__main__":
    unittest.main()
