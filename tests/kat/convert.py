#!/usr/bin/env python3
"""Convert the known-answer vectors fieldguard uses into JSON files in tests/kat/.

Source: the PyPI package `cryptography-vectors` (the pyca/cryptography project's
copy of the NIST CAVS `.rsp` files and of the RFC test vectors). Re-run with:

    pip download --no-deps -d /tmp/cv cryptography-vectors==50.0.2
    cd /tmp/cv && unzip -o -q cryptography_vectors-*.whl
    python3 tests/kat/convert.py /tmp/cv/cryptography_vectors
"""
import json
import os
import re
import sys


def blocks(text):
    """Yield dicts of KEY = value lines, split on blank lines, with the last seen [section] values."""
    section, cur = {}, {}
    for raw in text.splitlines() + [""]:
        line = raw.strip()
        m = re.match(r"^\[(\w+) = (\w+)\]$", line)
        if m:
            section[m.group(1)] = m.group(2)
            continue
        if line.startswith("#"):
            if "Cipher" in line:
                cur["Cipher"] = line.split("=", 1)[1].strip()
            continue
        if not line:
            if any(k not in ("Cipher",) for k in cur):
                yield dict(section), cur
            cur = {}
            continue
        if line == "FAIL":
            cur["FAIL"] = True
        elif "=" in line:
            k, v = line.split("=", 1)
            cur[k.strip()] = v.strip()


def write(name, source, cases):
    path = os.path.join(os.path.dirname(__file__), name)
    with open(path, "w") as f:
        json.dump({"source": source, "cases": cases}, f, indent=1)
        f.write("\n")
    print(f"{path}: {len(cases)} cases")


def gcm(root):
    cases = []
    for fname, kind in (("gcmEncryptExtIV256.rsp", "encrypt"), ("gcmDecrypt256.rsp", "decrypt")):
        seen = {}
        text = open(os.path.join(root, "ciphers/AES/GCM", fname)).read()
        for sec, b in blocks(text):
            if sec.get("IVlen") != "96" or sec.get("Taglen") != "128" or "Key" not in b:
                continue
            group = (sec.get("PTlen"), sec.get("AADlen"), b.get("FAIL", False))
            if seen.get(group, 0) >= 2:  # two cases of each length combination
                continue
            seen[group] = seen.get(group, 0) + 1
            cases.append({
                "name": f"{fname} PTlen={sec['PTlen']} AADlen={sec['AADlen']} Count={b['Count']}",
                "key": b["Key"], "iv": b["IV"], "aad": b["AAD"], "pt": b.get("PT", ""),
                "ct": b["CT"], "tag": b["Tag"], "valid": not b.get("FAIL", False),
            })
    write("aes-256-gcm-nist.json",
          "NIST CAVS 14.0 gcmEncryptExtIV256.rsp and gcmDecrypt256.rsp (96-bit IV, 128-bit tag), "
          "via PyPI cryptography-vectors 50.0.2, ciphers/AES/GCM/", cases)


def siv(root):
    cases = []
    for _, b in blocks(open(os.path.join(root, "ciphers/AES/SIV/openssl.txt")).read()):
        ads = [b[k] for k in ("AAD", "AAD2", "AAD3") if k in b]
        cases.append({"name": f"openssl.txt COUNT={b['COUNT']}", "cipher": b["Cipher"], "key": b["Key"], "ad": ads,
                      "pt": b["Plaintext"], "tag": b["Tag"], "ct": b["Ciphertext"]})
    write("aes-siv.json",
          "AES-SIV (RFC 5297): COUNT 0 and 1 are RFC 5297 appendix A.1 and A.2 (aes-128-siv); the "
          "aes-192/256-siv cases extend them to longer keys (OpenSSL evpciph_aes_siv.txt); via PyPI cryptography-vectors 50.0.2, ciphers/AES/SIV/openssl.txt", cases)


def hkdf(root):
    # Fields of one case are split by blank lines in this file: accumulate until OKM.
    cases, cur = [], {}
    for line in open(os.path.join(root, "KDF/rfc-5869-HKDF-SHA256.txt")).read().splitlines():
        if "=" in line and not line.startswith("#"):
            k, v = (x.strip() for x in line.split("=", 1))
            cur[k] = v
            if k == "OKM":
                cases.append({"name": f"RFC 5869 A.{cur['COUNT']}", "ikm": cur["IKM"], "salt": cur.get("salt", ""),
                              "info": cur.get("info", ""), "l": int(cur["L"]), "prk": cur["PRK"], "okm": cur["OKM"]})
                cur = {}
    write("hkdf-sha256-rfc5869.json",
          "RFC 5869 appendix A (SHA-256 cases), via PyPI cryptography-vectors 50.0.2, KDF/rfc-5869-HKDF-SHA256.txt", cases)


def hmac(root):
    cases = []
    found = [b for _, b in blocks(open(os.path.join(root, "HMAC/rfc-4231-sha256.txt")).read()) if "MD" in b]
    for i, b in enumerate(found):
        cases.append({"name": f"RFC 4231 case {i + 1} (file order)", "key": b["Key"], "msg": b["Msg"], "mac": b["MD"]})
    write("hmac-sha256-rfc4231.json",
          "RFC 4231 section 4 (HMAC-SHA-256; the truncated-output case 5 is not in the file), "
          "via PyPI cryptography-vectors 50.0.2, HMAC/rfc-4231-sha256.txt", cases)


if __name__ == "__main__":
    root = sys.argv[1]
    gcm(root), siv(root), hkdf(root), hmac(root)
