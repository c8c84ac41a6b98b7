#!/usr/bin/env python3
"""Rebuild the external injection sets in tests/data/injection/external/ from
the public repositories pinned below (see SOURCES.md beside this file).

    build.py --patt GIT_DIR --libinjection GIT_DIR --blns GIT_DIR [--check]

Each GIT_DIR is a clone (bare or not) that holds the pinned commit; files are
read with `git show COMMIT:PATH`, so the clone's checkout does not matter.
With --check nothing is written: the script fails if a committed file differs
from what it would write. The machines that run the tests reach package
registries but not GitHub, so the test command reads the committed sets and
does not run this script.

Output: one JSON object per line, {"value", "accept", "origin"}: `accept` is
the list of fieldguard categories that count as detecting the payload (one,
except where the source's own section spans two, as BLNS' "Command Injection
(Ruby)"), `origin` is "path:line" in the source. Values are deduplicated per
set (first origin kept). Benign values have "accept": [].
Rows that do not become values are listed in left-out.json with the reason.
"""
import argparse
import json
import re
import subprocess
import sys
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent.parent / "data" / "injection" / "external"

PATT_COMMIT = "f9fa51417886ac11476cb62db2dff21773dc570b"
LIBINJECTION_COMMIT = "e86ff4019a4343579cc307d96d79272d5efcd1be"
BLNS_COMMIT = "db33ec7b1d5d9616a88c76394b7d0897bd0b97eb"

# PayloadsAllTheThings: the intruder lists of each category, as the issue
# names them. dotdotpwn.txt (21,144 generated permutations of one traversal
# grammar) is left out: it would be 80 % of the category and repeat the
# encodings the other lists already hold.
PATT = {
    "sql": "SQL Injection/Intruder/",
    "xss": "XSS Injection/Intruders/",
    "command": "Command Injection/Intruder/",
    "path-traversal": "Directory Traversal/Intruder/",
    "template": "Server Side Template Injection/Intruder/",
}
PATT_SKIP = {"Directory Traversal/Intruder/dotdotpwn.txt": "21,144 generated permutations of one grammar"}
# Lists whose lines are not payloads on their own.
PATT_NOT_PAYLOADS = {
    "XSS Injection/Intruders/jsonp_endpoint.txt": "JSONP endpoint URLs of public sites, not payloads",
    "XSS Injection/Intruders/0xcela_event_handlers.txt": "a word list of event handler names (onClick) that a fuzzer puts into templates",
    "XSS Injection/Intruders/port_swigger_xss_cheatsheet_event_handlers.txt": "a word list of event handler names that a fuzzer puts into templates",
}
# Lists whose vectors span lines: each is cut out whole.
PATT_VECTORS = {
    # html5sec-style: <div id="N">VECTOR//["'`-->]]>]</div>, some over several lines.
    "XSS Injection/Intruders/MarioXSSVectors.txt": re.compile(
        r'<div id="(\d+)">(.*?)//\["\'`-->\]\]>\]</div>', re.S
    ),
}

# BLNS sections that are attacks, with the categories that count; every other
# section is benign text (unicode, numbers, reserved words, Scunthorpe...),
# except those that are neither (format strings, XXE: fieldguard has no
# category for them).
BLNS_ATTACK = {
    "Script Injection": ["xss"],
    "SQL Injection": ["sql"],
    "Server Code Injection": ["command", "code-eval"],
    "Command Injection (Ruby)": ["code-eval", "command"],
    "File Inclusion": ["path-traversal"],
    "Known CVEs and Vulnerabilities": ["command"],
}
BLNS_NEITHER = {
    "XXE Injection (XML)": "XML external entities: no fieldguard category",
    "Unwanted Interpolation": "format strings and variables ($HOME, %s): not an injection category",
}


def git_show(repo, commit, path):
    return subprocess.run(
        ["git", "-C", repo, "show", f"{commit}:{path}"], check=True, capture_output=True
    ).stdout


def git_ls(repo, commit, prefix):
    out = subprocess.run(
        ["git", "-C", repo, "ls-tree", "-r", "--name-only", commit, prefix],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return sorted(p for p in out.splitlines() if p)


def text_lines(raw):
    # Some lists hold Latin-1 bytes; keep every line, decoding what is not UTF-8
    # as Latin-1 (the byte values survive).
    for n, line in enumerate(raw.split(b"\n"), 1):
        line = line.rstrip(b"\r")
        try:
            yield n, line.decode("utf-8")
        except UnicodeDecodeError:
            yield n, line.decode("latin-1")


class Set:
    def __init__(self, name):
        self.name, self.rows, self.seen, self.left_out = name, [], set(), []

    def add(self, value, accept, origin):
        if value in self.seen:
            return
        self.seen.add(value)
        self.rows.append({"value": value, "accept": accept, "origin": origin})

    def leave(self, origin, why):
        self.left_out.append({"set": self.name, "origin": origin, "why": why})


def build_patt(repo):
    s = Set("patt")
    for category, prefix in PATT.items():
        for path in git_ls(repo, PATT_COMMIT, prefix):
            if path in PATT_SKIP or path in PATT_NOT_PAYLOADS:
                s.leave(path, PATT_SKIP.get(path) or PATT_NOT_PAYLOADS[path])
                continue
            if path in PATT_VECTORS:
                raw = git_show(repo, PATT_COMMIT, path).decode("utf-8")
                for m in PATT_VECTORS[path].finditer(raw):
                    line = raw.count("\n", 0, m.start()) + 1
                    s.add(m.group(2), [category], f"{path}:{line}#{m.group(1)}")
                continue
            for n, line in text_lines(git_show(repo, PATT_COMMIT, path)):
                if not line.strip():
                    continue
                # Some lists open with prose comments ("# ms-sqli info
                # disclosure payload fuzzfile"): file headers, not payloads.
                if re.match(r"#+ [A-Za-z<(]", line) and not re.search(r"['\";=]", line):
                    s.leave(f"{path}:{n}", "a comment line of the list, not a payload")
                    continue
                s.add(line, [category], f"{path}:{n}")
    return s


# Blobs the snapshot these sets were built from did not hold (the largest
# files of the repository); left out by name so that a full clone rebuilds
# the same sets.
LIBINJECTION_ABSENT = {"data/sqli-sqlmap-20130419.txt", "data/sqli-sqlmap.txt", "data/xss-shazzer.txt"}


def build_libinjection(repo):
    """data/sqli-*.txt and xss-*.txt; false_positives.txt is benign. As
    data/README.md says, lines are URL-encoded user input ('#' lines and
    empty lines ignored); they are decoded once, as libinjection's own
    reader (src/reader.c, modp_url_decode) does."""
    attacks, benign = Set("libinjection"), Set("libinjection-benign")
    for path in git_ls(repo, LIBINJECTION_COMMIT, "data/"):
        name = path.rsplit("/", 1)[-1]
        if name.startswith("sqli-"):
            target, accept = attacks, ["sql"]
        elif name.startswith("xss-"):
            target, accept = attacks, ["xss"]
        elif name == "false_positives.txt":
            target, accept = benign, []
        else:
            continue
        if path in LIBINJECTION_ABSENT:
            target.leave(path, "not in the snapshot the sets were built from (its largest files)")
            continue
        raw = git_show(repo, LIBINJECTION_COMMIT, path)
        for n, line in text_lines(raw):
            if not line.strip() or line.startswith("#"):
                continue
            value = urllib.parse.unquote_to_bytes(line.replace("+", " ")).decode(
                "utf-8", "replace"
            )
            if not value.strip():
                target.leave(f"{path}:{n}", "empty once URL-decoded")
                continue
            target.add(value, accept, f"{path}:{n}")
    return attacks, benign


def build_blns(repo):
    """blns.txt: '#\\t' lines name a section and describe it; the values
    follow. Attack sections keep values that are payloads: a single
    character or a bare option word (`-`, `--help`, `%`) is listed there as
    a string that breaks naive parsers, not as an injection."""
    attacks, benign = Set("blns"), Set("blns-benign")
    raw = git_show(repo, BLNS_COMMIT, "blns.txt")
    section, header = None, False
    for n, line in text_lines(raw):
        if line.startswith("#"):
            body = line[1:].strip()
            if not header and body:
                section, header = body, True
            elif not body:
                header = True
            continue
        header = False
        if not line.strip():
            continue
        origin = f"blns.txt:{n}"
        if section in BLNS_NEITHER:
            attacks.leave(origin, BLNS_NEITHER[section])
        elif section in BLNS_ATTACK:
            word = line.strip()
            if len(word) <= 2 or (word.startswith("-") and word.lstrip("-").isalpha()) or word == "$USER":
                attacks.leave(origin, f"'{section}' lists it as a parser edge case, not a payload")
            else:
                attacks.add(line, BLNS_ATTACK[section], origin)
        else:
            benign.add(line, [], origin)
    return attacks, benign


# Large sets are stored in parts (`NAME.1.jsonl`, `NAME.2.jsonl`, …) of at
# most PART_BYTES, so that no committed file is over 2 MB; readers load
# `NAME.jsonl` or its parts in order.
PART_BYTES = 1_500_000


def parts(name, rows):
    text = dump(rows)
    if len(text.encode("utf-8")) <= PART_BYTES:
        return {f"{name}.jsonl": text}
    out, cur, size = {}, [], 0
    for r in rows:
        line = dump([r])
        n = len(line.encode("utf-8"))
        if cur and size + n > PART_BYTES:
            out[f"{name}.{len(out) + 1}.jsonl"] = "".join(cur)
            cur, size = [], 0
        cur.append(line)
        size += n
    out[f"{name}.{len(out) + 1}.jsonl"] = "".join(cur)
    return out


def dump(rows):
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--patt", required=True, help="clone of swisskyrepo/PayloadsAllTheThings")
    ap.add_argument("--libinjection", required=True, help="clone of client9/libinjection")
    ap.add_argument("--blns", required=True, help="clone of minimaxir/big-list-of-naughty-strings")
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    sets = [build_patt(a.patt), *build_libinjection(a.libinjection), *build_blns(a.blns)]
    files = {}
    for s in sets:
        files.update(parts(s.name, s.rows))
    left = [r for s in sets for r in s.left_out]
    files["left-out.json"] = json.dumps(left, indent=1, ensure_ascii=False) + "\n"
    stale = []
    for name, text in files.items():
        path = OUT / name
        if a.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            OUT.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for s in sets:
        print(f"{s.name}: {len(s.rows)} values, {len(s.left_out)} left out")
    if stale:
        sys.exit(f"stale: {', '.join(stale)} (run without --check)")


if __name__ == "__main__":
    main()
