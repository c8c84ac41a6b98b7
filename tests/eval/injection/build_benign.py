#!/usr/bin/env python3
"""Build tests/data/injection/external/benign-real.jsonl: benign values of
real text that nobody wrote for this project, to measure how often detect
flags what a form or an API field really receives.

    target/eval-venv/bin/python tests/eval/injection/build_benign.py [--check]

Sources (each value's `origin` names its file and line):
  * Debian: bullet entries of /usr/share/doc/*/changelog.Debian.gz, holder
    lines of /usr/share/doc/*/copyright (names, e-mail addresses, years), and
    the NAME line and first DESCRIPTION sentence of the man pages in
    /usr/share/man/man1 and man8 (groff markup removed). The origin records the
    package and its version (dpkg-query); another machine with other packages
    builds another set, so the committed file is the reference and --check
    is meant for the machine that built it.
  * Python's standard library (the running interpreter's version is
    recorded): the first paragraph of module, class and function docstrings,
    and the doctest lines (`>>> …`) — code people paste into support forms.
  * Faker (version pinned in tests/eval/setup.sh), seed 14: person names of
    18 locales (Irish and English names with apostrophes: O'Brien, D'Angelo)
    and postal addresses on one line.
At most PER_PACKAGE values per Debian package and per Python module keep one
large package from dominating; the selection is deterministic (sorted paths,
fixed seed). Values are 3 to 400 characters, deduplicated.
"""
import argparse
import ast
import gzip
import json
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

OUT = Path(__file__).resolve().parents[2] / "data" / "injection" / "external" / "benign-real.jsonl"
PER_PACKAGE = 4
TARGETS = {"changelog": 1600, "copyright": 900, "man": 1500, "docstring": 1100, "doctest": 400,
           "name": 700, "address": 500}
LOCALES = ["en_IE", "en_GB", "en_US", "fr_FR", "it_IT", "de_DE", "es_ES", "pt_BR", "nl_NL",
           "pl_PL", "tr_TR", "ru_RU", "ja_JP", "zh_CN", "ar_AA", "he_IL", "hi_IN", "ga_IE"]


class Out:
    def __init__(self):
        self.rows, self.seen, self.count = [], set(), {}

    def add(self, kind, value, origin):
        value = " ".join(value.split()) if kind not in ("doctest",) else value.strip()
        if not 3 <= len(value) <= 400 or value in self.seen:
            return False
        if self.count.get(kind, 0) >= TARGETS[kind]:
            return False
        self.seen.add(value)
        self.count[kind] = self.count.get(kind, 0) + 1
        self.rows.append({"value": value, "accept": [], "origin": origin, "kind": kind})
        return True


def versions():
    out = subprocess.run(["dpkg-query", "-W", "-f", "${Package} ${Version}\n"],
                         capture_output=True, text=True, check=True).stdout
    return dict(l.split(" ", 1) for l in out.splitlines() if " " in l)


def changelogs(o, ver):
    for path in sorted(Path("/usr/share/doc").glob("*/changelog.Debian.gz")):
        pkg = path.parent.name
        try:
            lines = gzip.open(path, "rt", encoding="utf-8", errors="replace").read().split("\n")
        except OSError:
            continue
        taken, cur, start = 0, None, 0
        for n, line in enumerate(lines + [""], 1):
            m = re.match(r"^  [*+-] (.*)", line)
            if m or not line.startswith("    ") or not line.strip():
                if cur and taken < PER_PACKAGE:
                    taken += o.add("changelog", cur, f"debian:{pkg}={ver.get(pkg, '?')}:changelog.Debian.gz:{start}")
                cur, start = (m.group(1), n) if m else (None, 0)
            elif cur is not None:
                cur += " " + line.strip()


def copyrights(o, ver):
    for path in sorted(Path("/usr/share/doc").glob("*/copyright")):
        pkg = path.parent.name
        try:
            lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        except OSError:
            continue
        taken, in_holders = 0, False
        for n, line in enumerate(lines, 1):
            if line.startswith("Copyright:"):
                in_holders, text = True, line[len("Copyright:"):]
            elif in_holders and line.startswith((" ", "\t")) and line.strip() != ".":
                text = line
            else:
                in_holders = False
                continue
            if taken < PER_PACKAGE and text.strip():
                taken += o.add("copyright", text, f"debian:{pkg}={ver.get(pkg, '?')}:copyright:{n}")


GROFF = [(r"\\f[BIRP]|\\f\[[A-Z]*\]|\\f\(..", ""), (r"\\-", "-"), (r"\\\(em|\\\(en", "-"),
         (r"\\\(aq|\\\(cq", "'"), (r"\\\(lq|\\\(rq|\\\(dq", '"'), (r"\\&|\\\^|\\\||\\c", ""),
         (r"\\e", "\\\\"), (r"\\ ", " "), (r"\\\*\(..|\\\*\[[^]]*\]|\\\*.", ""), (r'\\"', "")]


def degroff(line):
    if line.startswith((".B ", ".I ", ".BR ", ".BI ", ".IR ", ".RB ", ".RI ", ".IB ")):
        line = line.split(" ", 1)[1].replace('"', "")
    elif line.startswith((".", "'")):
        return None
    for pat, rep in GROFF:
        line = re.sub(pat, rep, line)
    return line


def owner(man, by_file):
    return by_file.get(str(man), "?")


def manpages(o, ver):
    pages = sorted(p for d in ("man1", "man8") for p in Path("/usr/share/man", d).glob("*.gz"))
    for path in pages:
        try:
            text = gzip.open(path, "rt", encoding="utf-8", errors="replace").read()
        except (OSError, EOFError):
            continue
        if text.startswith(".so "):
            continue
        section, name_line, desc = None, None, []
        lines = text.split("\n")
        for n, line in enumerate(lines, 1):
            if re.match(r'^\.S[Hh] +"?NAME', line):
                section = "name"
                continue
            if re.match(r'^\.S[Hh] +"?DESCRIPTION', line):
                section = "desc"
                continue
            if line.startswith((".SH", ".Sh")):
                if section == "desc" and desc:
                    break
                section = None
                continue
            if section in ("name", "desc"):
                if line.startswith((".PP", ".LP", ".P", ".sp", ".TP", ".IP")) and section == "desc" and desc:
                    break
                clean = degroff(line)
                if not clean or not clean.strip():
                    continue
                if section == "name" and name_line is None:
                    name_line = (clean, n)
                elif section == "desc":
                    desc.append((clean, n))
        rel = f"man:{path.parent.name}/{path.name}"
        if name_line:
            o.add("man", name_line[0], f"{rel}:{name_line[1]}")
        if desc:
            sentence = " ".join(d for d, _ in desc)
            sentence = re.split(r"(?<=[.!?])\s", sentence, maxsplit=1)[0]
            o.add("man", sentence, f"{rel}:{desc[0][1]}")


def python_stdlib(o):
    lib = Path(sysconfig.get_paths()["stdlib"])
    for path in sorted(lib.glob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError):
            continue
        taken = 0
        for node in ast.walk(tree):
            if not isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            doc = ast.get_docstring(node, clean=True)
            if not doc:
                continue
            line = getattr(node, "lineno", 1)
            origin = f"python{sys.version_info.major}.{sys.version_info.minor}:{path.name}:{line}"
            para = doc.split("\n\n", 1)[0]
            if taken < PER_PACKAGE and not para.lstrip().startswith(">>>"):
                taken += o.add("docstring", para, origin)
            for k, dl in enumerate(doc.split("\n")):
                if dl.lstrip().startswith(">>> "):
                    o.add("doctest", dl.lstrip()[4:], f"{origin}+{k}")


def faker_values(o):
    from faker import Faker  # noqa: PLC0415
    import faker  # noqa: PLC0415

    version = faker.VERSION
    for locale in LOCALES:
        try:
            f = Faker(locale)
        except AttributeError:
            continue
        f.seed_instance(14)
        for i in range(60):
            o.add("name", f.name(), f"faker{version}:{locale}:name:{i}")
        # Apostrophe names where the locale has them (the class the issue names).
        for i in range(400):
            n = f.name()
            if "'" in n or "’" in n:
                o.add("name", n, f"faker{version}:{locale}:name-apostrophe:{i}")
        for i in range(30):
            try:
                a = f.address()
            except AttributeError:
                break
            o.add("address", a.replace("\n", ", "), f"faker{version}:{locale}:address:{i}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    o = Out()
    ver = versions()
    changelogs(o, ver)
    copyrights(o, ver)
    manpages(o, ver)
    python_stdlib(o)
    faker_values(o)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in o.rows)
    print(f"benign-real: {len(o.rows)} values: " + ", ".join(f"{k} {v}" for k, v in o.count.items()))
    if a.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            sys.exit(f"stale: {OUT} (run without --check on the machine that built it)")
    else:
        OUT.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
