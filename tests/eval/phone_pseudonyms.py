#!/usr/bin/env python3
"""Phone pseudonyms stay valid for their region and keep their type.

For every region's example number of every type (libphonenumber metadata
through the pinned `phonenumbers` package), in INTERNATIONAL and E164
layouts (and NATIONAL, reported only: a national number does not say its
region, so its pseudonym is valid where the metadata finds it), `fieldguard anonymize` pseudonymizes a field holding the number
(policy: the field's entity is PHONE_NUMBER, op pseudonymize); the result
must parse, pass `phonenumbers.is_valid_number`, have the same
`number_type` and the same region as the original (`region_code_for_number`:
the NANP toll-free example of AG is a US number). Run with the eval venv:

    target/eval-venv/bin/python tests/eval/phone_pseudonyms.py --fieldguard target/debug/fieldguard [--min 1.0]

Prints the counts; exits 1 below --min (share of valid, same-type
pseudonyms). gate.py runs it when the eval venv has phonenumbers and skips
it with a message otherwise.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

TYPES = ["FIXED_LINE", "MOBILE", "TOLL_FREE", "PREMIUM_RATE", "SHARED_COST", "VOIP",
         "PERSONAL_NUMBER", "PAGER", "UAN", "VOICEMAIL"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fieldguard", required=True)
    ap.add_argument("--min", type=float, default=1.0)
    ap.add_argument("--show", type=int, default=10, help="failures printed")
    args = ap.parse_args()
    import phonenumbers
    from phonenumbers import PhoneNumberFormat as F, PhoneNumberType as T

    cases = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for t in TYPES:
            ex = phonenumbers.example_number_for_type(region, getattr(T, t))
            if ex is None:
                continue
            for fmt in (F.INTERNATIONAL, F.E164, F.NATIONAL):
                cases.append((region, t, phonenumbers.format_number(ex, fmt), fmt))
    with tempfile.TemporaryDirectory() as tmp:
        keyring = os.path.join(tmp, "keyring.json")
        subprocess.run([args.fieldguard, "keygen", "--out", keyring], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        policy = os.path.join(tmp, "policy.json")
        with open(policy, "w") as f:
            json.dump({"version": 1, "fields": {"phone": {
                "anonymize": {"op": "pseudonymize"}, "entity": "PHONE_NUMBER"}}}, f)
        records = "".join(json.dumps({"phone": c[2]}) + "\n" for c in cases)
        out = subprocess.run([args.fieldguard, "anonymize", "--policy", policy, "--keyring", keyring,
                              "--format", "ndjson"], input=records, capture_output=True, text=True)
        if out.returncode != 0:
            sys.exit(f"phone_pseudonyms.py: fieldguard anonymize failed: {out.stderr[:300]}")
    got = [json.loads(line)["phone"] for line in out.stdout.splitlines()]
    assert len(got) == len(cases), (len(got), len(cases))
    ok, fixed_mobile, national, fails = 0, [0, 0], [0, 0], []
    for (region, t, value, fmt), fake in zip(cases, got):
        try:
            num = phonenumbers.parse(fake, region)
            want = phonenumbers.parse(value, region)
            good = (phonenumbers.is_valid_number(num)
                    and phonenumbers.number_type(num) == phonenumbers.number_type(want)
                    and phonenumbers.region_code_for_number(num) == phonenumbers.region_code_for_number(want)
                    and fake != value)
        except phonenumbers.NumberParseException:
            good = False
        if fmt == F.NATIONAL:
            national[0] += good
            national[1] += 1
            continue
        ok += good
        if t in ("FIXED_LINE", "MOBILE") and " " in value:
            fixed_mobile[0] += good
            fixed_mobile[1] += 1
        if not good and fmt != F.NATIONAL:
            fails.append(f"{region} {t}: {value} -> {fake}")
    total = len(cases) - national[1]
    print(f"phone pseudonyms valid, same type and region: {ok}/{total} in international and E.164 "
          f"layouts (fixed line and mobile, international layout: {fixed_mobile[0]}/{fixed_mobile[1]}); "
          f"national layout (reported, the region is not written): {national[0]}/{national[1]}")
    for line in fails[:args.show]:
        print("  " + line)
    sys.exit(0 if ok >= args.min * total else 1)


if __name__ == "__main__":
    main()
