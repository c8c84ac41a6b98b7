#!/usr/bin/env python3
"""Write seed corpora for the fuzz targets from the repository's test data.

    python3 fuzz/seeds.py [OUT_DIR]      # default fuzz/corpus/

For every target, fuzz/corpus/<target>/ gets one file per seed, named by
the seed's SHA-1 (libFuzzer's own naming, so reruns do not duplicate
seeds). Sources: the shared vectors (tests/vectors/*.json), the injection
corpus (tests/data/injection/), the XSS payloads and benign HTML
(tests/data/xss/, tests/data/html/), the validator differential seeds
(tests/data/validator/seeds.json), the example services (examples/data/)
and small regression inputs kept in fuzz/regressions/<target>/.

The byte layouts follow fuzz/src/lib.rs: a mode byte first where a target
has modes, and a NUL byte between two inputs. The corpus is generated at
run time and never committed (fuzz/corpus/ is ignored).
"""

import glob
import hashlib
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODE_JSON = 255  # the "options from JSON" mode of the targets that have one


def load(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return json.load(f)


def cases(name):
    return load(f"tests/vectors/{name}.json").get("cases", [])


def b(text):
    return text.encode("utf-8", "surrogatepass")


def dumps(value):
    return json.dumps(value, ensure_ascii=False)


def with_mode(mode, payload):
    return bytes([mode]) + payload


def entity_types():
    """EntityType::ALL's names, in order (the pii_operator mode byte)."""
    with open(os.path.join(ROOT, "src/pii/entity.rs"), encoding="utf-8") as f:
        src = f.read()
    order = re.findall(r"Self::(\w+),", src.split("pub const ALL")[1].split("];")[0])
    names = dict(re.findall(r"Self::(\w+) => \"(\w+)\"", src))
    return [names[v] for v in order]


def keyrings():
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/vectors/*.json"))):
        with open(path, encoding="utf-8") as f:
            out.extend(json.load(f).get("keyrings", {}).values())
    return out


def policies():
    """(policy, record) pairs from every policy vector."""
    for name in ("policy", "policy-html", "pii-anonymize"):
        for c in cases(name):
            if c.get("op") == "policy":
                yield c["policy"], c.get("record", {})


def flat_records():
    """Records with string values only (CSV rows), from the policy vectors."""
    for _, record in policies():
        if isinstance(record, dict) and record and all(isinstance(v, str) for v in record.values()):
            yield record


def csv_text(records, delimiter=","):
    header = list(records[0])
    def cell(v):
        v = str(v)
        if any(ch in v for ch in f'"{delimiter}\r\n'):
            return '"' + v.replace('"', '""') + '"'
        return v
    lines = [delimiter.join(cell(h) for h in header)]
    lines += [delimiter.join(cell(r.get(h, "")) for h in header) for r in records]
    return "\n".join(lines) + "\n"


def seeds():
    s = {}
    add = lambda target, data: s.setdefault(target, []).append(data)

    # token: mode 0 binary, 1 text, 2 encoding round trip, 3 plaintext.
    for name in ("tokens", "deterministic", "roundtrip"):
        for c in cases(name):
            if "token_hex" in c:
                add("token", with_mode(0, bytes.fromhex(c["token_hex"])))
            if isinstance(c.get("token"), str):
                add("token", with_mode(1, b(c["token"])))
                add("token", with_mode(2, b(c["token"])))
            if isinstance(c.get("plaintext"), str):
                add("token", with_mode(3, b(c["plaintext"])))

    # keyring_json: every vector keyring and the malformed ones.
    for k in keyrings():
        add("keyring_json", b(dumps(k)))
    for c in cases("keys"):
        if "keyring_json" in c:
            add("keyring_json", b(c["keyring_json"]))

    # policies, alone and with their records.
    for policy, record in policies():
        add("policy_parse", b(dumps(policy)))
        add("policy_apply", b(dumps(policy)) + b"\0" + b(dumps(record)))
        if isinstance(policy, dict):
            for field in policy.get("fields", {}):
                add("field_path", b(field))
            for key in ("recordId", "subject"):
                if isinstance(policy.get(key), str):
                    add("field_path", b(policy[key]))
    for path in ("email", "user.email", "orders[*].card", "orders[0].card", "user.*",
                 '["e.mail"].x', '[""]', '["a\\"b\\u0000"][7]', "*.*[*]"):
        add("field_path", b(path))

    # stream_process: the example services and records from the vectors, in
    # every format; mode = format | skip_bad (8) | transform (0x10 * n) | ';' (0x40).
    json_docs, ndjson_docs, csv_docs = [], [], []
    data_dir = os.path.join(ROOT, "examples/data")
    for path in sorted(glob.glob(os.path.join(data_dir, "**/*"), recursive=True)):
        if not os.path.isfile(path):
            continue
        with open(path, "rb") as f:
            content = f.read()
        if len(content) > 4096:
            continue
        {".json": json_docs, ".ndjson": ndjson_docs, ".csv": csv_docs}.get(
            os.path.splitext(path)[1], []).append(content)
    records = [r for _, r in policies() if isinstance(r, dict)]
    json_docs.append(b(dumps(records)))
    ndjson_docs.append(b("\n".join(dumps(r) for r in records) + "\n"))
    flat = list(flat_records())
    if flat:
        csv_docs.append(b(csv_text(flat)))
    for fmt, docs in ((0, json_docs), (1, ndjson_docs), (2, csv_docs)):
        for doc in docs:
            for extra in (0, 0x08, 0x18, 0x20, 0x28, 0x30):
                add("stream_process", with_mode(fmt | extra, doc))
    if flat:
        add("stream_process", with_mode(2 | 0x40, b(csv_text(flat, ";"))))

    # text_clean: each vector text with the defaults (mode 0), its preset's
    # mode, and the arbitrary-options mode.
    presets = {"username": 1, "slug": 2, "name": 3, "phone-digits": 4}
    for c in cases("text"):
        args = c.get("args", [])
        if c.get("fn") == "clean" and args and isinstance(args[0], str):
            add("text_clean", with_mode(0, b(args[0])))
            opts = args[1] if len(args) > 1 and isinstance(args[1], dict) else {}
            if opts.get("preset") in presets:
                add("text_clean", with_mode(presets[opts["preset"]], b(args[0])))
            if opts:
                add("text_clean", with_mode(MODE_JSON, b(args[0])))
        elif c.get("fn") in ("skeleton", "analyzeScripts", "areConfusable"):
            add("text_security", b"\0".join(b(a) for a in args if isinstance(a, str)))

    for c in cases("escape"):
        if c.get("args") and isinstance(c["args"][0], str):
            add("escape", b(c["args"][0]))

    # validate: mode = first fixed validator of the type; JSON mode with
    # the case's own options.
    order = ["email", "email", "url", "url", "hostname", "hostname", "ip", "uuid", "uuid",
             "date", "date-time", "date-time", "phone", "phone", "phone", "credit-card",
             "iban", "integer", "integer", "decimal", "decimal"]
    def validate_seed(vtype, value, opts):
        if vtype in order:
            add("validate", with_mode(order.index(vtype), b(value)))
        if isinstance(opts, dict):
            add("validate", with_mode(MODE_JSON, b(dumps({"type": vtype, **opts})) + b"\0" + b(value)))
    for c in cases("validate"):
        args = c.get("args", [])
        if len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
            validate_seed(args[0], args[1], args[2] if len(args) > 2 else {})
    for vtype, spec in load("tests/data/validator/seeds.json")["types"].items():
        for value in spec.get("seeds", []):
            if isinstance(value, str):
                validate_seed(vtype, value, None)

    # detect: the vectors and the labeled injection corpus, decoding on and off.
    texts = [c["args"][0] for c in cases("detect") if c.get("args") and isinstance(c["args"][0], str)]
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/data/injection/*-dev.txt"))):
        with open(path, encoding="utf-8") as f:
            texts += [line.rstrip("\n") for line in f if line.strip() and not line.startswith("#|")]
    for t in texts:
        add("detect", with_mode(0, b(t)))
    for t in texts[::4]:
        add("detect", with_mode(1, b(t)))

    # PII: scan texts, anonymize texts and options, operators.
    scan_texts = [c["args"][0] for c in cases("pii-scan") if c.get("args") and isinstance(c["args"][0], str)]
    for t in scan_texts:
        add("pii_find", with_mode(50, b(t)))
    for t in scan_texts[::3]:
        add("pii_find", with_mode(0, b(t)))
    for c in cases("pii-anonymize"):
        if c.get("op") == "anonymize_text":
            text = b(c["text"])
            for mode in (0, 1, 3, 5, 6):
                add("pii_anonymize", with_mode(mode, text))
            if "options" in c:
                add("pii_anonymize", with_mode(MODE_JSON, b(dumps(c["options"])) + b"\0" + text))
    for t in scan_texts[::5]:
        add("pii_anonymize", with_mode(1, b(t)))
        add("pii_anonymize", with_mode(5, b(t)))
    types = entity_types()
    for c in cases("pii-ops"):
        if c.get("op") == "anonymize":
            etype, value, op = (c.get("options") or {}).get("entityType"), c.get("value"), c.get("operator")
        else:
            args = c.get("args", []) + [None] * 4
            etype, value, op = args[0], args[1], args[2]
        if isinstance(value, str) and isinstance(op, dict):
            mode = types.index(etype) if etype in types else MODE_JSON
            add("pii_operator", with_mode(mode, b(dumps(op)) + b"\0" + b(value)))

    # HTML: the vectors (with their options), the XSS payloads and benign fragments.
    for c in cases("html"):
        args = c.get("args", [])
        if args and isinstance(args[0], str):
            if len(args) > 1 and isinstance(args[1], dict):
                add("html_sanitize", with_mode(MODE_JSON, b(dumps(args[1])) + b"\0" + b(args[0])))
            else:
                add("html_sanitize", with_mode(0, b(args[0])))
    for p in load("tests/data/xss/payloads.json")["payloads"]:
        add("html_sanitize", with_mode(0, b(p["payload"])))
    for i, fragment in enumerate(load("tests/data/html/benign.json")["fragments"]):
        add("html_sanitize", with_mode(1 + i % 2, b(fragment)))

    # Inputs that once crashed a target, kept as seeds (fuzz/regressions/).
    for path in sorted(glob.glob(os.path.join(ROOT, "fuzz/regressions/*/*"))):
        with open(path, "rb") as f:
            add(os.path.basename(os.path.dirname(path)), f.read())
    return s


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "fuzz/corpus")
    total = 0
    for target, items in sorted(seeds().items()):
        d = os.path.join(out, target)
        os.makedirs(d, exist_ok=True)
        for data in items:
            with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
                f.write(data)
        total += len(set(items))
        print(f"{target:16} {len(set(items)):5} seeds")
    print(f"{'total':16} {total:5} seeds in {out}")


if __name__ == "__main__":
    main()
