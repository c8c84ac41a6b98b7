#!/usr/bin/env python3
"""The "common Python approach" to anonymizing an export, as a baseline for `fieldguard anonymize`.

Usage: target/eval-venv/bin/python benches/python_faker.py INPUT [--out OUT] [--format ndjson|json]
(bash benches/setup-venv.sh installs the pinned Faker into target/eval-venv.)

What it does, the way such scripts are usually written:
  * reads the whole file into a list: json.load for a .json array, json.loads per line for
    NDJSON (the records are all in memory at once);
  * replaces record["name"] with Faker().name() and record["email"] with Faker().email()
    (one Faker instance, seeded, created once; en_US provider);
  * writes the records back out with json.dump / json.dumps per line.
Then prints records/s, MB/s (input bytes / wall time of read + replace + write) and the peak
RSS of this process (resource.getrusage(RUSAGE_SELF).ru_maxrss).

What it does NOT do, so the comparison flatters it:
  * no free text: emails, phones, cards and IBANs in `notes` (about half the records of
    benches/data/gen_users.py) pass through in clear;
  * the other fields (phone, iban, birthDate, address) are left as they are;
  * no consistency: the same person gets a different fake name and email in every record,
    file and run (Faker is random, not keyed), so joins across tables break, and the fake
    email has nothing to do with the original's domain;
  * no validation or cleaning of the values, no per-record error handling;
  * memory grows with the input (the list of all records), where fieldguard streams.
"""
import argparse
import json
import os
import resource
import sys
import time

from faker import Faker


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("--out", default=os.devnull)
    ap.add_argument("--format", choices=["ndjson", "json"], help="default from the extension")
    ap.add_argument("--seed", type=int, default=0)
    a = ap.parse_args()
    fmt = a.format or ("json" if a.input.endswith(".json") else "ndjson")
    nbytes = os.path.getsize(a.input)

    fake = Faker()
    Faker.seed(a.seed)
    t0 = time.perf_counter()
    with open(a.input, encoding="utf-8") as f:
        if fmt == "json":
            records = json.load(f)
        else:
            records = [json.loads(line) for line in f if line.strip()]
    t_load = time.perf_counter()
    for r in records:
        r["name"] = fake.name()
        r["email"] = fake.email()
    t_fake = time.perf_counter()
    with open(a.out, "w", encoding="utf-8") as f:
        if fmt == "json":
            json.dump(records, f)
        else:
            for r in records:
                f.write(json.dumps(r))
                f.write("\n")
    t1 = time.perf_counter()

    dt = t1 - t0
    n = len(records)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"python+faker: {n} records, {nbytes / 1e6:.1f} MB in {dt:.1f} s "
          f"(read {t_load - t0:.1f} s, faker {t_fake - t_load:.1f} s, write {t1 - t_fake:.1f} s): "
          f"{n / dt:.0f} records/s, {nbytes / 1e6 / dt:.2f} MB/s, peak RSS {rss_mb:.0f} MiB")


if __name__ == "__main__":
    sys.exit(main())
