#!/usr/bin/env python3
"""Rebuild the external PII evaluation sets from their public sources (see SOURCES.md).

Writes one JSONL file per source into this directory, in the case format tests/eval/score.py
reads ({"id", "lang", "kind", "text", "spans": [{"type", "start", "end"}]}, code point
offsets, fieldguard's type names) plus, per case:

  "set"    the set the gate scores it in (a source can hold several, e.g. the phone numbers
           in national layout without context are scored apart from the rest);
  "scope"  the types the case judges: predictions of other types are ignored on it (a
           Presidio IBAN test says nothing about phone numbers in the same text);
  "origin" where the case comes from (file, test function, row; module; region and type).

Sources, pinned (the versions and hashes below are checked before anything is built):

  presidio-tests.jsonl  every parametrized row of Presidio's recognizer tests for the types
                        fieldguard recognizes (microsoft/presidio at PRESIDIO_COMMIT), read
                        with `ast`: text, expected count, expected positions; 0 expected
                        findings = a negative. The files are read from the copy in
                        sources/presidio/ (MIT, with its LICENSE; each file's git blob id
                        must equal the one the commit lists, sources/presidio/MANIFEST), so
                        the rebuild needs no network; --presidio-repo reads a clone instead.
  stdnum.jsonl          every number python-stdnum PYTHON_STDNUM's doctests (module docstrings
                        and the sdist's tests/*.doctest) pass to validate()/is_valid() of a
                        module for a fieldguard type, recorded by running those doctests with
                        the two functions wrapped; valid numbers are positives, invalid ones
                        negatives; each alone, after a context word in its language, and in a
                        neutral sentence.
  phonenumbers.jsonl    phonenumbers.example_number_for_type(region, type) (phonenumbers
                        PHONENUMBERS) for every region and number type, formatted
                        INTERNATIONAL, E164 (alone and after "Tel.") and NATIONAL (after
                        "Tel.", set "phonenumbers"; alone, set "phonenumbers-national-bare",
                        which is ambiguous by nature and only reported).

Usage (with the eval venv, `bash tests/eval/external/fetch-sources.sh` prepares everything):
  target/eval-venv/bin/python tests/eval/external/build.py [--check]
      [--presidio-repo DIR] [--stdnum-sdist FILE]
--check rebuilds in memory and fails (exit 1) if any committed file differs.
"""
import argparse
import ast
import doctest
import hashlib
import importlib
import importlib.metadata
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))

PRESIDIO_COMMIT = "0aa9f8e44275cb52c00fbbebe19168e934e1f076"
PYTHON_STDNUM = "2.2"
STDNUM_SDIST_SHA256 = "e95fcfa858a703d4a40130cb3eaac133c60d8808a7f3c98efeedac968c2479b9"
PHONENUMBERS = "9.0.43"

# ---------------------------------------------------------------------------------------------
# Presidio's recognizer tests

# test file (presidio-analyzer/tests/test_<name>_recognizer.py) -> fieldguard type
PRESIDIO_FILES = {
    "credit_card": "CREDIT_CARD", "crypto": "CRYPTO", "de_tax_id": "DE_TAX_ID",
    "email": "EMAIL_ADDRESS", "es_nie": "ES_NIF", "es_nif": "ES_NIF", "iban": "IBAN_CODE",
    "ip": "IP_ADDRESS", "it_fiscal_code": "IT_FISCAL_CODE", "mac": "MAC_ADDRESS",
    "phone": "PHONE_NUMBER", "pl_pesel": "PL_PESEL", "uk_nhs": "UK_NHS", "url": "URL",
    "us_ssn": "US_SSN",
}
PRESIDIO_ENTITY_MAP = {
    "CREDIT_CARD": "CREDIT_CARD", "CRYPTO": "CRYPTO", "DE_TAX_ID": "DE_TAX_ID",
    "EMAIL_ADDRESS": "EMAIL_ADDRESS", "ES_NIE": "ES_NIF", "ES_NIF": "ES_NIF",
    "IBAN_CODE": "IBAN_CODE", "IP_ADDRESS": "IP_ADDRESS", "IT_FISCAL_CODE": "IT_FISCAL_CODE",
    "MAC_ADDRESS": "MAC_ADDRESS", "PHONE_NUMBER": "PHONE_NUMBER", "PL_PESEL": "PL_PESEL",
    "UK_NHS": "UK_NHS", "URL": "URL", "US_SSN": "US_SSN",
}
TEXT_ARGS = ("text", "iban", "number", "pesel")
POSITION_ARGS = ("expected_positions", "expected_res")
# Rows run with a non-default recognizer configuration are left out when the configuration
# is a parameter of the row: the phone leniency test repeats texts with leniency 0..3, and
# only leniency 1 is PhoneRecognizer's default (the same texts then expect other counts).
DEFAULT_CONFIG = {"leniency": 1}


class NotLiteral(Exception):
    pass


def literal(node):
    """ast.literal_eval, plus f-strings without placeholders and pytest.param(...)."""
    if isinstance(node, ast.JoinedStr):
        if all(isinstance(v, ast.Constant) for v in node.values):
            return "".join(v.value for v in node.values)
        raise NotLiteral(ast.unparse(node))
    if isinstance(node, (ast.Tuple, ast.List)):
        return (tuple if isinstance(node, ast.Tuple) else list)(literal(e) for e in node.elts)
    if isinstance(node, ast.Call) and ast.unparse(node.func) == "pytest.param":
        return tuple(literal(a) for a in node.args)
    try:
        return ast.literal_eval(node)
    except ValueError:
        raise NotLiteral(ast.unparse(node))


VENDORED = os.path.join(HERE, "sources", "presidio")


def git_blob_id(data):
    """The id git gives a file's content (sha1 of "blob <len>\\0" + content)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def vendored_manifest():
    """path -> git blob id at PRESIDIO_COMMIT, as listed in sources/presidio/MANIFEST."""
    out = {}
    for line in open(os.path.join(VENDORED, "MANIFEST"), encoding="utf-8"):
        blob, path = line.split()
        out[path] = blob
    return out


def git_show(repo, commit, path):
    """A file of Presidio at `commit`: from a clone when `repo` is given, else the copy under
    sources/presidio/ (MIT; see its LICENSE), refused unless its git blob id is the one the
    commit's tree lists (MANIFEST), so the copy is byte for byte the pinned upstream file."""
    if repo:
        data = subprocess.run(["git", "-C", repo, "show", f"{commit}:{path}"], check=True,
                              capture_output=True).stdout
        if vendored_manifest().get(path) != git_blob_id(data):
            sys.exit(f"build.py: {path}: the clone's file is not the one in sources/presidio/MANIFEST")
        return data.decode("utf-8")
    want = vendored_manifest().get(path)
    data = open(os.path.join(VENDORED, path), "rb").read()
    if want is None or git_blob_id(data) != want:
        sys.exit(f"build.py: sources/presidio/{path} is not the file of Presidio {commit[:7]} (git blob id)")
    return data.decode("utf-8")


def presidio_rows(repo):
    """(case, None) for every usable row, (None, reason) for every row left out."""
    for name, ftype in PRESIDIO_FILES.items():
        path = f"presidio-analyzer/tests/test_{name}_recognizer.py"
        tree = ast.parse(git_show(repo, PRESIDIO_COMMIT, path))
        for fn in tree.body:
            if not isinstance(fn, ast.FunctionDef):
                continue
            for dec in fn.decorator_list:
                if not (isinstance(dec, ast.Call) and ast.unparse(dec.func) == "pytest.mark.parametrize"):
                    continue
                argnames = [a.strip() for a in literal(dec.args[0]).split(",")]
                for n, row_node in enumerate(dec.args[1].elts, 1):
                    origin = {"file": path, "test": fn.name, "row": n}
                    try:
                        row = dict(zip(argnames, literal(row_node)))
                    except NotLiteral as e:
                        yield None, (origin, f"not a literal: {e}")
                        continue
                    yield presidio_case(row, ftype, origin)


def presidio_case(row, ftype, origin):
    text = next((row[a] for a in TEXT_ARGS if a in row), None)
    if not isinstance(text, str):
        return None, (origin, "no text argument")
    for k, v in DEFAULT_CONFIG.items():
        if k in row and row[k] != v:
            return None, (origin, f"non-default configuration {k}={row[k]}")
    if "expected_len" in row:
        count = row["expected_len"]
        positions = next((row[a] for a in POSITION_ARGS if a in row), ())
        if count == 1 and not positions and text.strip() == text and " " not in text:
            # one expected finding without positions, and the text is one token: that token
            # (test_ip_recognizer.py lists three IPv6 addresses so)
            positions = ((0, len(text)),)
            origin = dict(origin, inferred="span = the whole one-token text")
        if len(positions) != count:
            return None, (origin, f"{count} expected findings but {len(positions)} positions")
        entities = row.get("entities") or [ftype] * count
        types = [PRESIDIO_ENTITY_MAP.get(e, e) for e in entities]
        spans = [{"type": t, "start": s, "end": e} for t, (s, e) in zip(types, positions)]
    elif "expected" in row and isinstance(row["expected"], bool):
        # checksum tests (validate_result): the number alone, found iff its checksum holds
        spans = [{"type": ftype, "start": 0, "end": len(text)}] if row["expected"] else []
    else:
        return None, (origin, "no expected count")
    for sp in spans:
        if not (0 <= sp["start"] < sp["end"] <= len(text)):
            return None, (origin, f"span {sp} outside the text")
    origin = dict(origin, config={k: row[k] for k in DEFAULT_CONFIG if k in row} or None)
    if origin["config"] is None:
        del origin["config"]
    return {"text": text, "spans": sorted(spans, key=lambda s: (s["start"], s["end"])),
            "scope": sorted({ftype} | {s["type"] for s in spans}), "origin": origin}, None


def build_presidio(repo):
    cases, left_out, seen = [], [], {}
    for case, why in presidio_rows(repo):
        if case is None:
            left_out.append(why)
            continue
        key = (case["text"], tuple(case["scope"]))
        gold = [(s["type"], s["start"], s["end"]) for s in case["spans"]]
        if key in seen:
            if seen[key] != gold:
                left_out.append((case["origin"], "same text as an earlier row, other expectation"))
            continue  # a duplicate row (same text, same expectation) is one case
        seen[key] = gold
        cases.append(case)
    out = []
    for n, c in enumerate(cases, 1):
        out.append({"id": f"presidio-{n:04d}", "set": "presidio-tests", "lang": "en",
                    "kind": "positive" if c["spans"] else "negative", "text": c["text"],
                    "spans": c["spans"], "scope": c["scope"], "origin": c["origin"]})
    return out, left_out


# ---------------------------------------------------------------------------------------------
# python-stdnum

# module -> (fieldguard type, language of the context sentence)
STDNUM_MODULES = {
    "stdnum.iban": ("IBAN_CODE", None), "stdnum.mac": ("MAC_ADDRESS", "en"),
    "stdnum.us.ssn": ("US_SSN", "en"), "stdnum.es.dni": ("ES_NIF", "es"),
    "stdnum.es.nie": ("ES_NIF", "es"), "stdnum.es.nif": ("ES_NIF", "es"),
    "stdnum.it.codicefiscale": ("IT_FISCAL_CODE", "it"), "stdnum.pl.pesel": ("PL_PESEL", "pl"),
    "stdnum.de.idnr": ("DE_TAX_ID", "de"), "stdnum.fr.nir": ("FR_NIR", "fr"),
    "stdnum.nl.bsn": ("NL_BSN", "nl"), "stdnum.gb.nhs": ("UK_NHS", "en"),
}
# the doctest files of the sdist that exercise those modules (the rest test other modules)
STDNUM_DOCTESTS = ["tests/test_iban.doctest", "tests/test_mac.doctest", "tests/test_es_nif.doctest",
                   "tests/test_it_codicefiscale.doctest", "tests/test_de_idnr.doctest"]
CONTEXT = {  # type -> language -> sentence with a context word
    "IBAN_CODE": {"en": "Please transfer the amount to IBAN {}.", "de": "Bitte überweisen Sie den Betrag auf die IBAN {}.",
                  "fr": "Merci de virer le montant sur l'IBAN {}.", "es": "Por favor, transfiera el importe al IBAN {}.",
                  "it": "Si prega di bonificare l'importo sull'IBAN {}.", "nl": "Maak het bedrag over naar IBAN {}.",
                  "pl": "Proszę przelać kwotę na IBAN {}."},
    "MAC_ADDRESS": {"en": "The MAC address of the device is {}."},
    "US_SSN": {"en": "My social security number (SSN) is {}."},
    "ES_NIF": {"es": "Mi DNI/NIE es {}."},
    "IT_FISCAL_CODE": {"it": "Il mio codice fiscale è {}."},
    "PL_PESEL": {"pl": "Mój numer PESEL to {}."},
    "DE_TAX_ID": {"de": "Meine Steuer-ID (Steueridentifikationsnummer) lautet {}."},
    "FR_NIR": {"fr": "Mon numéro de sécurité sociale (NIR) est le {}."},
    "NL_BSN": {"nl": "Mijn burgerservicenummer (BSN) is {}."},
    "UK_NHS": {"en": "My NHS number is {}."},
}
NEUTRAL = {"en": "I wrote {} on the back of the envelope.", "de": "Ich habe {} auf die Rückseite des Umschlags geschrieben.",
           "fr": "J'ai écrit {} au dos de l'enveloppe.", "es": "Escribí {} en el reverso del sobre.",
           "it": "Ho scritto {} sul retro della busta.", "nl": "Ik heb {} op de achterkant van de envelop geschreven.",
           "pl": "Zapisałem {} na odwrocie koperty."}
IBAN_LANG = {"DE": "de", "AT": "de", "CH": "de", "LI": "de", "FR": "fr", "BE": "fr", "LU": "fr", "MC": "fr",
             "ES": "es", "IT": "it", "SM": "it", "NL": "nl", "PL": "pl"}


def record_calls(modules):
    """Wrap validate/is_valid of the modules; return the list the top-level calls go to."""
    calls, depth = [], [0]
    originals = []
    for modname in modules:
        mod = importlib.import_module(modname)
        for fname in ("validate", "is_valid"):
            orig = getattr(mod, fname)

            def wrapper(number, *args, _orig=orig, _mod=modname, **kw):
                if depth[0] == 0 and isinstance(number, str):
                    calls.append((_mod, number))
                depth[0] += 1
                try:
                    return _orig(number, *args, **kw)
                finally:
                    depth[0] -= 1
            originals.append((mod, fname, orig))
            setattr(mod, fname, wrapper)

    def restore():
        for mod, fname, orig in originals:
            setattr(mod, fname, orig)
    return calls, restore


def run_doctests(sdist):
    """Run the modules' docstring examples and the sdist's doctest files (output ignored)."""
    calls, restore = record_calls(STDNUM_MODULES)
    runner = doctest.DocTestRunner(verbose=False, optionflags=doctest.ELLIPSIS | doctest.IGNORE_EXCEPTION_DETAIL)
    sink = io.StringIO()
    for modname in STDNUM_MODULES:
        mod = importlib.import_module(modname)
        for t in doctest.DocTestFinder().find(mod):
            runner.run(t, out=sink.write)
    with tarfile.open(sdist) as tar:
        top = tar.getnames()[0].split("/")[0]
        for rel in STDNUM_DOCTESTS:
            text = tar.extractfile(f"{top}/{rel}").read().decode("utf-8")
            t = doctest.DocTestParser().get_doctest(text, {}, rel, rel, 0)
            runner.run(t, out=sink.write)
    restore()
    return calls


def stdnum_cases(sdist):
    from stdnum.es import dni, nie
    calls = run_doctests(sdist)
    numbers, left_out = {}, []
    for modname, raw in calls:
        number = raw.strip()
        if not number or "\n" in number or len(number) > 64:
            continue
        ftype, lang = STDNUM_MODULES[modname]
        mod = importlib.import_module(modname)
        valid = bool(mod.is_valid(number))
        if ftype == "ES_NIF":  # fieldguard's ES_NIF is the personal NIF: a DNI or a NIE
            personal = bool(dni.is_valid(number) or nie.is_valid(number))
            valid, company = personal, valid and not personal
        else:
            company = False
        if company:
            # company (CIF) and K/L/M numbers: valid NIFs, but not the personal DNI/NIE fieldguard finds
            left_out.append((modname, number, "valid NIF that is neither a DNI nor a NIE"))
            continue
        if modname == "stdnum.iban":
            lang = IBAN_LANG.get(number[:2].upper(), "en")
        key = (ftype, number)
        if key in numbers and numbers[key][0] != valid:
            left_out.append((modname, number, "valid for one module, invalid for another"))
            continue
        numbers.setdefault(key, (valid, modname, lang))
    out = []
    for (ftype, number), (valid, modname, lang) in sorted(numbers.items()):
        layouts = [("alone", "{}"), ("context", CONTEXT[ftype].get(lang) or CONTEXT[ftype]["en"]),
                   ("neutral", NEUTRAL[lang])]
        for layout, template in layouts:
            text = template.format(number)
            start = template.index("{}")
            spans = [{"type": ftype, "start": start, "end": start + len(number)}] if valid else []
            out.append({"id": f"stdnum-{len(out) + 1:05d}", "set": "stdnum", "lang": lang,
                        "kind": "positive" if valid else "negative", "text": text, "spans": spans,
                        "scope": [ftype], "origin": {"module": modname, "valid": valid, "layout": layout}})
    return out, left_out


# ---------------------------------------------------------------------------------------------
# libphonenumber example numbers (the phonenumbers package)

def phone_cases():
    import phonenumbers as pn
    from phonenumbers import PhoneNumberFormat as F, PhoneNumberType as T
    types = [(n, getattr(T, n)) for n in ("FIXED_LINE", "MOBILE", "TOLL_FREE", "PREMIUM_RATE", "SHARED_COST",
                                            "VOIP", "PERSONAL_NUMBER", "PAGER", "UAN", "VOICEMAIL")]
    out = []
    for region in sorted(pn.SUPPORTED_REGIONS):
        seen = set()
        for tname, t in types:
            num = pn.example_number_for_type(region, t)
            if num is None:
                continue
            e164 = pn.format_number(num, F.E164)
            if e164 in seen:
                continue
            seen.add(e164)
            intl = pn.format_number(num, F.INTERNATIONAL)
            national = pn.format_number(num, F.NATIONAL)
            layouts = [("phonenumbers", "international", "{}", intl), ("phonenumbers", "e164", "{}", e164),
                       ("phonenumbers", "international-context", "Tel. {}", intl),
                       ("phonenumbers", "e164-context", "Tel. {}", e164),
                       ("phonenumbers", "national-context", "Tel. {}", national),
                       ("phonenumbers-national-bare", "national", "{}", national)]
            for set_name, layout, template, number in layouts:
                start = template.index("{}")
                out.append({"id": f"phone-{len(out) + 1:05d}", "set": set_name, "lang": "en", "kind": "positive",
                            "text": template.format(number),
                            "spans": [{"type": "PHONE_NUMBER", "start": start, "end": start + len(number)}],
                            "scope": ["PHONE_NUMBER"], "origin": {"region": region, "type": tname, "layout": layout}})
    return out


# ---------------------------------------------------------------------------------------------

def check_versions(sdist):
    for pkg, want in (("python-stdnum", PYTHON_STDNUM), ("phonenumbers", PHONENUMBERS)):
        try:
            have = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            sys.exit(f"build.py: {pkg}=={want} is not installed (bash tests/eval/external/fetch-sources.sh)")
        if have != want:
            sys.exit(f"build.py: {pkg} {have} is installed, the sets are pinned to {want}")
    if not os.path.exists(sdist):
        sys.exit(f"build.py: {sdist} missing (bash tests/eval/external/fetch-sources.sh)")
    digest = hashlib.sha256(open(sdist, "rb").read()).hexdigest()
    if digest != STDNUM_SDIST_SHA256:
        sys.exit(f"build.py: {sdist}: sha256 {digest}, expected {STDNUM_SDIST_SHA256}")


def dumps(cases):
    return "".join(json.dumps(c, ensure_ascii=False, sort_keys=True) + "\n" for c in cases)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="verify the committed files instead of writing them")
    ap.add_argument("--presidio-repo", default=os.environ.get("PRESIDIO_REPO"),
                    help="read Presidio's files from this git clone of microsoft/presidio (it must contain "
                         "PRESIDIO_COMMIT) instead of the copy in sources/presidio/, and check that copy against it")
    ap.add_argument("--stdnum-sdist", default=os.path.join(ROOT, f"target/eval-src/python_stdnum-{PYTHON_STDNUM}.tar.gz"))
    ap.add_argument("--out-dir", default=HERE)
    a = ap.parse_args()
    check_versions(a.stdnum_sdist)
    presidio, presidio_left = build_presidio(a.presidio_repo)
    stdnum, stdnum_left = stdnum_cases(a.stdnum_sdist)
    files = {"presidio-tests.jsonl": presidio, "stdnum.jsonl": stdnum, "phonenumbers.jsonl": phone_cases()}
    left = {"presidio-tests": [{"origin": o, "reason": r} for o, r in presidio_left],
            "stdnum": [{"module": m, "number": n, "reason": r} for m, n, r in stdnum_left]}
    files["left-out.json"] = [left]
    bad = 0
    for name, cases in files.items():
        path = os.path.join(a.out_dir, name)
        text = json.dumps(cases[0], ensure_ascii=False, indent=1) + "\n" if name.endswith(".json") else dumps(cases)
        if a.check:
            have = open(path, encoding="utf-8").read() if os.path.exists(path) else None
            ok = have == text
            bad += not ok
            print(f"{name}: {'reproduced' if ok else 'DIFFERS from the rebuild'}")
        else:
            with open(path, "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
            print(f"wrote {path} ({len(text.encode())} bytes, {len(cases)} {'cases' if name.endswith('l') else 'record'})")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
