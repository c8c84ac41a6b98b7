#!/usr/bin/env python3
"""Deterministic labeled PII corpus for the fieldguard evaluation harness.

Writes tests/eval/corpus.jsonl: one JSON object per line,
  {"id", "lang", "kind", "text", "spans": [{"type", "start", "end", "byteStart", "byteEnd"}],
   "distractors": [{"kind", "start", "end"}]}
start/end are Python str indices (Unicode code points, end exclusive), byteStart/byteEnd
the same span in the UTF-8 encoding of text. kind is "positive", "mixed" (two entities)
or "hard_negative" (no gold span; contains look-alikes listed in "distractors").

Every text is a single line (no raw newline) so that a line-oriented scanner can be fed
one sample per line. PEM private keys therefore appear as they do in JSON/.env files
(lines joined by a literal backslash-n) or pasted with spaces.

Span conventions (what a detector must report exactly):
  * SECRET_ASSIGNMENT: only the secret value, without key, operator and quotes.
  * DATE_OF_BIRTH: only the date, the birth word is context.
  * PRIVATE_KEY: from "-----BEGIN" to the closing "-----" of the END line.
  * everything else: the value as written, separators included, no trailing punctuation.

Stdlib only; `python3 tests/eval/generate.py` rewrites the same file byte for byte.
A held-out corpus (same generator, other random draws) guards against tuning to this one:
  python3 tests/eval/generate.py --seed 7 --out target/eval/heldout.jsonl
  python3 tests/eval/score.py --corpus target/eval/heldout.jsonl --texts target/eval/heldout.txt
  (scan heldout.txt, then score.py --corpus ... --from-fieldguard / --system as for the main corpus)
"""
import base64
import hashlib
import hmac
import json
import os
import random
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import checks as C  # noqa: E402

SEED = 20261122
LANGS = ["en", "de", "fr", "es", "it", "nl", "pl"]
POS_PER_TYPE = 90
MIXED = 200
NEGATIVES = 1150
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "corpus.jsonl")

TYPES = ["EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "US_SSN", "IP_ADDRESS", "URL",
         "MAC_ADDRESS", "CRYPTO", "DATE_OF_BIRTH", "UK_NHS", "ES_NIF", "IT_FISCAL_CODE", "PL_PESEL",
         "DE_TAX_ID", "FR_NIR", "NL_BSN", "JWT", "AWS_ACCESS_KEY", "PRIVATE_KEY", "SECRET_ASSIGNMENT"]

NATIONAL_LANG = {"US_SSN": "en", "UK_NHS": "en", "ES_NIF": "es", "IT_FISCAL_CODE": "it", "PL_PESEL": "pl",
                 "DE_TAX_ID": "de", "FR_NIR": "fr", "NL_BSN": "nl"}

NAMES = {
    "en": ["Emily Clarke", "James O'Neill", "Zoë Patel", "Oliver Grant", "Chloé Bennett", "Liam Murphy"],
    "de": ["Jürgen Müller", "Anna Schäfer", "Björn Weiß", "Lena Krüger", "Tobias Groß", "Jörg Becker"],
    "fr": ["François Lefèvre", "Hélène Dubois", "Zoé Martin", "Jérôme Girard", "Anaïs Moreau", "Léa Fontaine"],
    "es": ["José García", "Lucía Núñez", "Íñigo Ortiz", "María Peña", "Álvaro Ruiz", "Begoña López"],
    "it": ["Chiara Rossi", "Niccolò Bianchi", "Giulia Esposito", "Luca Ferrari", "Francesca Bruno", "Matteo Galli"],
    "nl": ["Sjoerd de Vries", "Eline Jansen", "Daan van den Berg", "Fenna Bakker", "Joëlle Visser", "Bram Smit"],
    "pl": ["Łukasz Wójcik", "Małgorzata Dąbrowska", "Paweł Kowalczyk", "Zofia Żak", "Michał Wiśniewski", "Agnieszka Nowak"],
}

# Generic frames; {label} is a localized word for the type, {v} the value, {name} a person.
FRAMES = {
    "en": ["Hi {name}, my {label} is {v}, thanks!", "Please update the {label} on file to {v}.",
           "{name}'s {label}: {v}", "Customer {name} ({label} {v}) called about the delay 🙂",
           "For reference, {label} {v}.", "Could you check whether {v} is the right {label}?",
           "Note: {v} was added to the ticket by {name}.", "Forwarding this to {name} — see {v} for details."],
    "de": ["Hallo {name}, {label}: {v} – danke!", "Bitte aktualisieren Sie die Angaben ({label}: {v}).",
           "Kunde {name} hat angerufen, {label} {v}, wegen der Lieferung 🙂", "Zur Info: {v} wurde von {name} im Ticket ergänzt.",
           "Können Sie {v} prüfen? ({label})", "{label} von {name}: {v}"],
    "fr": ["Bonjour {name}, {label} : {v}. Merci !", "Merci de mettre à jour les coordonnées ({label} : {v}).",
           "Le client {name} a appelé, {label} {v}, à propos du retard 🙂", "Pour info : {v} a été ajouté au dossier par {name}.",
           "Pouvez-vous vérifier {v} ? ({label})", "{label} de {name} : {v}"],
    "es": ["Hola {name}, {label}: {v}. ¡Gracias!", "Por favor, actualice los datos ({label}: {v}).",
           "El cliente {name} llamó, {label} {v}, por el retraso 🙂", "Para su información: {v} fue añadido al expediente por {name}.",
           "¿Puede comprobar {v}? ({label})", "{label} de {name}: {v}"],
    "it": ["Ciao {name}, {label}: {v}. Grazie!", "Per favore aggiornate i dati ({label}: {v}).",
           "Il cliente {name} ha chiamato, {label} {v}, per il ritardo 🙂", "Per info: {v} è stato aggiunto alla pratica da {name}.",
           "Potete verificare {v}? ({label})", "{label} di {name}: {v}"],
    "nl": ["Hoi {name}, {label}: {v}. Bedankt!", "Graag de gegevens bijwerken ({label}: {v}).",
           "Klant {name} belde, {label} {v}, over de vertraging 🙂", "Ter info: {v} is door {name} aan het dossier toegevoegd.",
           "Kunt u {v} controleren? ({label})", "{label} van {name}: {v}"],
    "pl": ["Cześć {name}, {label}: {v}. Dzięki!", "Proszę zaktualizować dane ({label}: {v}).",
           "Klient {name} dzwonił, {label} {v}, w sprawie opóźnienia 🙂", "Do wiadomości: {v} został dodany do sprawy przez {name}.",
           "Czy możesz sprawdzić {v}? ({label})", "{label} – {name}: {v}"],
}

MIXED_FRAMES = {
    "en": "Contact {name}: {label} {v}, {label2} {v2}.",
    "de": "Kontakt {name}: {label} {v}, {label2} {v2}.",
    "fr": "Contact {name} : {label} {v}, {label2} {v2}.",
    "es": "Contacto {name}: {label} {v}, {label2} {v2}.",
    "it": "Contatto {name}: {label} {v}, {label2} {v2}.",
    "nl": "Contact {name}: {label} {v}, {label2} {v2}.",
    "pl": "Kontakt {name}: {label} {v}, {label2} {v2}.",
}


def L(s):
    return dict(zip(LANGS, s.split("|")))


LABELS = {
    "EMAIL_ADDRESS": L("email|E-Mail|e-mail|correo|email|e-mail|e-mail"),
    "PHONE_NUMBER": L("phone|Telefon|téléphone|teléfono|telefono|telefoon|telefon"),
    "CREDIT_CARD": L("card number|Kartennummer|numéro de carte|número de tarjeta|numero di carta|kaartnummer|numer karty"),
    "IBAN_CODE": L("IBAN|IBAN|IBAN|IBAN|IBAN|IBAN|IBAN"),
    "US_SSN": L("SSN|US-SSN|SSN américain|SSN|SSN|SSN|SSN"),
    "IP_ADDRESS": L("IP|IP-Adresse|adresse IP|dirección IP|indirizzo IP|IP-adres|adres IP"),
    "URL": L("link|Link|lien|enlace|link|link|link"),
    "MAC_ADDRESS": L("MAC|MAC-Adresse|adresse MAC|dirección MAC|indirizzo MAC|MAC-adres|adres MAC"),
    "CRYPTO": L("wallet|Wallet|portefeuille|monedero|wallet|wallet|portfel"),
    "UK_NHS": L("NHS number|NHS-Nummer|numéro NHS|número NHS|numero NHS|NHS-nummer|numer NHS"),
    "ES_NIF": L("Spanish DNI|DNI|DNI|DNI|DNI|DNI|DNI"),
    "IT_FISCAL_CODE": L("Italian tax code|Codice fiscale|codice fiscale|código fiscal|codice fiscale|codice fiscale|codice fiscale"),
    "PL_PESEL": L("PESEL|PESEL|PESEL|PESEL|PESEL|PESEL|PESEL"),
    "DE_TAX_ID": L("German tax ID|Steuer-ID|numéro fiscal allemand|Steuer-ID|Steuer-ID|Steuer-ID|Steuer-ID"),
    "FR_NIR": L("French social security number|NIR|numéro de sécurité sociale|NIR|NIR|NIR|NIR"),
    "NL_BSN": L("Dutch BSN|BSN|BSN|BSN|BSN|BSN|BSN"),
    "JWT": L("token|Token|jeton|token|token|token|token"),
    "AWS_ACCESS_KEY": L("access key|Zugriffsschlüssel|clé d'accès|clave de acceso|chiave di accesso|toegangssleutel|klucz dostępu"),
}
LABELS_NATIVE_EXTRA = {
    "ES_NIF": {"es": ["NIF", "NIE", "DNI"]},
    "DE_TAX_ID": {"de": ["Steueridentifikationsnummer", "IdNr", "Steuer-ID"]},
    "FR_NIR": {"fr": ["NIR", "n° de sécu", "numéro de sécurité sociale"]},
    "NL_BSN": {"nl": ["burgerservicenummer", "BSN"]},
    "US_SSN": {"en": ["SSN", "social security number"]},
}

DOB_FRAMES = {
    "en": ["{name} was born on {v} in Leeds.", "DOB: {v}", "Date of birth: {v} 🎂", "Patient {name}, born {v}, was admitted."],
    "de": ["{name} wurde am {v} in Köln geboren.", "Geburtsdatum: {v}", "geb. {v}, {name}", "Geboren am {v} in München 🎂"],
    "fr": ["{name} est né le {v} à Lyon.", "Date de naissance : {v}", "{name}, née le {v}, est arrivée.", "Né(e) le {v} 🎂"],
    "es": ["{name} nació el {v} en Sevilla.", "Fecha de nacimiento: {v}", "F. nac.: {v} ({name})", "Nacida el {v} 🎂"],
    "it": ["{name} è nato il {v} a Torino.", "Data di nascita: {v}", "{name}, nata il {v}, è arrivata.", "Nato il {v} 🎂"],
    "nl": ["{name} is geboren op {v} in Utrecht.", "Geboortedatum: {v}", "geb. {v}, {name}", "Geboren op {v} 🎂"],
    "pl": ["{name} urodził się {v} w Krakowie.", "Data urodzenia: {v}", "{name}, ur. {v}, zgłosił się.", "Urodzona {v} 🎂"],
}
MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pl": "stycznia lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
}

SECRET_FRAMES = {
    "en": ["Set {a} in the .env file before deploying.", "config: {a}", "Oops, I pasted {a} in the chat 😬", "{a}"],
    "de": ["Bitte {a} in der Konfiguration setzen.", "Zugangsdaten: {a}", "{a}"],
    "fr": ["Mettez {a} dans le fichier .env.", "Identifiants : {a}", "{a}"],
    "es": ["Configura {a} en el archivo .env.", "Credenciales: {a}", "{a}"],
    "it": ["Imposta {a} nel file .env.", "Credenziali: {a}", "{a}"],
    "nl": ["Zet {a} in het .env-bestand.", "Inloggegevens: {a}", "{a}"],
    "pl": ["Ustaw {a} w pliku .env.", "Dane logowania: {a}", "{a}"],
}
SECRET_KEYS = ["password", "passwd", "pwd", "DB_PASSWORD", "api_key", "apiKey", "secret", "client_secret",
               "access_token", "auth_token", "SECRET_KEY", "SMTP_PASS"]

PEM_FRAMES_ESC = ['{"type": "service_account", "private_key": "{v}\\n", "project_id": "demo"}',
                  'PRIVATE_KEY="{v}\\n"', "ssh_key: \"{v}\""]
PEM_FRAMES_SPACE = {
    "en": "Here is the deploy key: {v} — please rotate it 🔑",
    "de": "Hier der Deploy-Key: {v} – bitte rotieren 🔑",
    "fr": "Voici la clé de déploiement : {v} — merci de la changer.",
    "es": "Aquí está la clave de despliegue: {v} — rótala, por favor.",
    "it": "Ecco la chiave di deploy: {v} — ruotatela per favore.",
    "nl": "Hier is de deploy-sleutel: {v} — graag roteren.",
    "pl": "Oto klucz wdrożeniowy: {v} — proszę go zmienić.",
}
JWT_FRAMES = ["Authorization: Bearer {v}", "token={v}", "Cookie: session={v}; Path=/"]

# ---------------------------------------------------------------- value generators


def rdig(r, n):
    return "".join(r.choice("0123456789") for _ in range(n))


def group(s, sizes, sep):
    out, i = [], 0
    for n in sizes:
        out.append(s[i:i + n])
        i += n
    return sep.join(out)


def gen_email(r, lang):
    first, last = r.choice(NAMES["en"] + NAMES["fr"]).split(" ")[0], r.choice(["smith", "mueller", "garcia", "rossi", "nowak", "devries", "martin"])
    first = first.lower().replace("ë", "e").replace("é", "e").replace("'", "")
    local = r.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}_{last}{r.randint(1, 99)}", f"{last}+news"])
    dom = r.choice(["example.com", "mail.example.de", "posteo.example.fr", "correo.example.es", "azienda.example.it",
                    "bedrijf.example.nl", "firma.example.pl", "uni-example.ac.uk"])
    return f"{local}@{dom}"


def gen_phone(r, lang):
    intl = r.random() < 0.5
    if lang == "en":
        if r.random() < 0.5:  # US
            area = r.choice(["212", "415", "312", "617", "303", "206", "512", "646"])
            ex = str(r.randint(2, 9)) + rdig(r, 2)
            while ex[1:] == "11":
                ex = str(r.randint(2, 9)) + rdig(r, 2)
            ln = rdig(r, 4)
            return r.choice([f"+1 ({area}) {ex}-{ln}", f"+1 {area} {ex} {ln}"]) if intl else r.choice([f"({area}) {ex}-{ln}", f"{area}-{ex}-{ln}"])
        if r.random() < 0.5:
            n = "20 7" + rdig(r, 3) + " " + rdig(r, 4)
        else:
            n = "79" + rdig(r, 2) + " " + rdig(r, 6)
        return "+44 " + n if intl else "0" + n
    if lang == "de":
        n = "30 " + str(r.randint(2, 9)) + rdig(r, 7) if r.random() < 0.5 else r.choice(["151", "160", "170", "176"]) + " " + rdig(r, 8)
        return "+49 " + n if intl else "0" + n
    if lang == "fr":
        n = r.choice("12345679") + " " + " ".join(rdig(r, 2) for _ in range(4))
        return "+33 " + n if intl else "0" + n
    if lang == "es":
        n = r.choice(["91", "93", "96", "61", "62", "65", "69"]) + rdig(r, 1) + " " + rdig(r, 3) + " " + rdig(r, 3)
        return "+34 " + n if intl else n
    if lang == "it":
        n = "06 " + rdig(r, 4) + " " + rdig(r, 4) if r.random() < 0.5 else "3" + r.choice(["20", "33", "47", "39", "88"]) + " " + rdig(r, 3) + " " + rdig(r, 4)
        return "+39 " + n if intl else n
    if lang == "nl":
        n = "20 " + rdig(r, 3) + " " + rdig(r, 4) if r.random() < 0.5 else "6 " + r.choice("12345") + rdig(r, 3) + " " + rdig(r, 4)
        return "+31 " + n if intl else "0" + n
    n = "22 " + rdig(r, 3) + " " + rdig(r, 2) + " " + rdig(r, 2) if r.random() < 0.5 else r.choice(["501", "601", "661", "691", "721", "781", "791", "881"]) + " " + rdig(r, 3) + " " + rdig(r, 3)
    return "+48 " + n if intl else n


CARD_BRANDS = [  # (prefix generator, length, grouping)
    (lambda r: "4", 16, (4, 4, 4, 4)), (lambda r: "4", 13, (13,)),
    (lambda r: str(r.randint(51, 55)), 16, (4, 4, 4, 4)), (lambda r: str(r.randint(2221, 2720)), 16, (4, 4, 4, 4)),
    (lambda r: r.choice(["34", "37"]), 15, (4, 6, 5)), (lambda r: r.choice(["6011", "65"]), 16, (4, 4, 4, 4)),
    (lambda r: str(r.randint(3528, 3589)), 16, (4, 4, 4, 4)), (lambda r: "36", 14, (4, 6, 4)),
    (lambda r: "62", 19, (4, 4, 4, 4, 3)),
]


def gen_card(r, lang):
    pre, n, grp = r.choice(CARD_BRANDS)
    p = pre(r)
    body = p + rdig(r, n - 1 - len(p))
    num = body + C.luhn_check_digit(body)
    sep = r.choice([" ", " ", "-", ""])
    return group(num, grp, sep) if sep else num


IBAN_FORMATS = {  # country: list of (kind, count) with kind n=digit, a=upper letter, c=alnum
    "DE": "18n", "FR": "10n11c2n", "ES": "20n", "IT": "1a10n12c", "NL": "4a10n", "PL": "24n", "GB": "4a14n",
    "BE": "12n", "AT": "16n", "CH": "5n12c", "PT": "21n", "IE": "4a14n", "LU": "3n13c", "SE": "20n",
}


def gen_bban(r, country):
    out = ""
    for cnt, kind in re.findall(r"(\d+)([nac])", IBAN_FORMATS[country]):
        pool = {"n": "0123456789", "a": "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "c": "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"}[kind]
        out += "".join(r.choice(pool) for _ in range(int(cnt)))
    if country == "ES":  # a Spanish BBAN (CCC) carries its own two check digits
        out = out[:8] + C.es_ccc(out[:8], out[10:]) + out[10:]
    return out


def gen_iban(r, lang):
    country = r.choice(sorted(IBAN_FORMATS))
    bban = gen_bban(r, country)
    iban = country + C.iban_check(country, bban) + bban
    if r.random() < 0.6:
        return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))
    return iban


def gen_ssn(r, lang):
    while True:
        a = r.randint(1, 899)
        if a != 666:
            break
    s = "%03d-%02d-%04d" % (a, r.randint(1, 99), r.randint(1, 9999))
    return s if r.random() < 0.85 else s.replace("-", " ")


def gen_ip(r, lang):
    if r.random() < 0.6:
        first = r.choice([8, 23, 45, 62, 81, 91, 104, 141, 151, 185, 193, 203, 212, 217])
        return "%d.%d.%d.%d" % (first, r.randint(0, 255), r.randint(0, 255), r.randint(1, 254))
    groups = ["%x" % r.randint(0, 0xFFFF) for _ in range(8)]
    groups[0] = r.choice(["2001", "2a02", "2a01", "fe80", "2606"])
    style = r.randint(0, 2)
    if style == 0:
        return ":".join(g.zfill(4) for g in groups)
    if style == 1:
        return ":".join(groups[:2]) + "::" + ":".join(groups[5:])
    return ":".join(groups)


def gen_url(r, lang):
    host = r.choice(["shop", "portal", "kunden", "boutique", "tienda", "negozio", "winkel", "sklep", "docs", "intranet"])
    tld = {"en": ".co.uk", "de": ".de", "fr": ".fr", "es": ".es", "it": ".it", "nl": ".nl", "pl": ".pl"}[lang]
    dom = host + "-" + r.choice(["example", "demo", "acme", "muster"]) + r.choice([tld, ".com", ".org"])
    path = r.choice(["", "/", "/account/settings", "/orders/" + rdig(r, 6), "/login?next=%2Fhome", "/p/" + rdig(r, 4) + "?ref=mail&lang=" + lang, "/docs/v2/index.html#install"])
    if r.random() < 0.15:
        return "www." + dom + path
    return r.choice(["https://", "https://www.", "http://"]) + dom + path


def gen_mac(r, lang):
    b = [r.randint(0, 255) for _ in range(6)]
    style = r.randint(0, 3)
    if style == 0:
        return ":".join("%02x" % x for x in b)
    if style == 1:
        return ":".join("%02X" % x for x in b)
    if style == 2:
        return "-".join("%02X" % x for x in b)
    h = "".join("%02x" % x for x in b)
    return ".".join(h[i:i + 4] for i in range(0, 12, 4))


def gen_crypto(r, lang):
    k = r.randint(0, 4)
    if k <= 1:
        payload = bytes([0 if k == 0 else 5]) + r.randbytes(20)
        return C.b58encode(payload + C.dsha(payload)[:4])
    if k == 2:
        return C.bech32_encode("bc", [0] + C.convertbits(r.randbytes(20), 8, 5), C.BECH32_CONST)
    if k == 3:
        return C.bech32_encode("bc", [1] + C.convertbits(r.randbytes(32), 8, 5), C.BECH32M_CONST)
    return "0x" + r.randbytes(20).hex()


def gen_dob(r, lang):
    y, m = r.randint(1938, 2008), r.randint(1, 12)
    d = r.randint(1, C.days_in_month(y, m))
    mon = MONTHS[lang].split()[m - 1]
    opts = {
        "en": [f"{mon} {d}, {y}", f"{d} {mon} {y}", "%02d/%02d/%d" % (m, d, y), "%d-%02d-%02d" % (y, m, d)],
        "de": ["%02d.%02d.%d" % (d, m, y), f"{d}. {mon} {y}", "%d-%02d-%02d" % (y, m, d)],
        "fr": ["%02d/%02d/%d" % (d, m, y), f"{d} {mon} {y}"],
        "es": ["%02d/%02d/%d" % (d, m, y), f"{d} de {mon} de {y}"],
        "it": ["%02d/%02d/%d" % (d, m, y), f"{d} {mon} {y}"],
        "nl": ["%02d-%02d-%d" % (d, m, y), f"{d} {mon} {y}"],
        "pl": ["%02d.%02d.%d" % (d, m, y), f"{d} {mon} {y}"],
    }[lang]
    return r.choice(opts)


def gen_nhs(r, lang):
    while True:
        d = rdig(r, 9)
        total = sum(int(x) * w for x, w in zip(d, range(10, 1, -1)))
        c = 11 - total % 11
        c = 0 if c == 11 else c
        if c != 10:
            break
    n = d + str(c)
    return r.choice([group(n, (3, 3, 4), " "), n, group(n, (3, 3, 4), "-")])


def gen_es_nif(r, lang):
    if r.random() < 0.7:
        num = rdig(r, 8)
        v = num + C.DNI_LETTERS[int(num) % 23]
        return v if r.random() < 0.85 else num + "-" + v[-1]
    pre = r.choice("XYZ")
    num = rdig(r, 7)
    return pre + num + C.DNI_LETTERS[int(str("XYZ".index(pre)) + num) % 23]


def gen_it_cf(r, lang):
    cons, vow = "BCDFGLMNPRSTVZ", "AEIOU"
    s = "".join(r.choice(cons) for _ in range(2)) + r.choice(cons + vow)
    n = "".join(r.choice(cons) for _ in range(3))
    y = "%02d" % r.randint(0, 99)
    m = r.choice("ABCDEHLMPRST")
    d = r.randint(1, 28) + (40 if r.random() < 0.5 else 0)
    town = r.choice(["H501", "F205", "L219", "G273", "A944", "D612", "F839", "C351"])
    first = s + n + y + m + "%02d" % d + town
    return first + C.it_cf_check(first)


def gen_pesel(r, lang):
    y, m = r.randint(1930, 2015), r.randint(1, 12)
    d = r.randint(1, C.days_in_month(y, m))
    mm = m + (20 if y >= 2000 else 0)
    first = "%02d%02d%02d" % (y % 100, mm, d) + rdig(r, 4)
    check = (10 - sum(int(x) * w for x, w in zip(first, C.PESEL_W)) % 10) % 10
    return first + str(check)


def gen_de_idnr(r, lang):
    while True:
        ds = r.sample("0123456789", 9)
        dup = r.choice(ds)
        lst = ds + [dup]
        r.shuffle(lst)
        if lst[0] != "0":
            break
    first = "".join(lst)
    n = first + str(C.de_idnr_check(first))
    return n if r.random() < 0.6 else group(n, (2, 3, 3, 3), " ")


def gen_fr_nir(r, lang):
    sex = r.choice("12")
    yy, mm = "%02d" % r.randint(0, 99), "%02d" % r.randint(1, 12)
    dep = r.choice(["%02d" % r.randint(1, 95) for _ in range(8)] + ["2A", "2B"])
    if dep == "20":
        dep = "75"
    com, order = "%03d" % r.randint(1, 990), "%03d" % r.randint(1, 999)
    body = sex + yy + mm + dep + com + order
    key = 97 - int(body.replace("2A", "19").replace("2B", "18")) % 97
    n = body + "%02d" % key
    return n if r.random() < 0.5 else " ".join([n[0], n[1:3], n[3:5], n[5:7], n[7:10], n[10:13], n[13:]])


def gen_bsn(r, lang):
    while True:
        n = str(r.randint(1, 9)) + rdig(r, 8)
        if C.bsn_ok(n):
            break
    return n if r.random() < 0.8 else group(n, (4, 2, 3), ".")


def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def gen_jwt(r, lang):
    alg = r.choice(["HS256", "HS256", "HS384"])
    header = b64u(json.dumps({"alg": alg, "typ": "JWT"}, separators=(",", ":")).encode())
    payload = {"sub": rdig(r, 8), "name": r.choice(NAMES[lang]), "iat": r.randint(1_600_000_000, 1_760_000_000)}
    if r.random() < 0.5:
        payload["role"] = r.choice(["admin", "user", "support"])
    body = b64u(json.dumps(payload, separators=(",", ":")).encode())
    key = r.randbytes(32)
    sig = hmac.new(key, (header + "." + body).encode(), hashlib.sha256 if alg == "HS256" else hashlib.sha384).digest()
    return header + "." + body + "." + b64u(sig)


def gen_aws(r, lang):
    return r.choice(["AKIA", "AKIA", "AKIA", "ASIA"]) + "".join(r.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))


def gen_pem(r, joiner):
    kind = r.choice(["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY"])
    raw = base64.b64encode(r.randbytes(r.choice([121, 138, 240, 320]))).decode()
    lines = [raw[i:i + 64] for i in range(0, len(raw), 64)]
    return joiner.join([f"-----BEGIN {kind}-----"] + lines + [f"-----END {kind}-----"])


def gen_secret_value(r):
    k = r.randint(0, 3)
    if k == 0:
        words = ["Sommer", "Tr0ub4dor", "Kaffee", "Mot2Passe", "Contraseña", "Hasło", "Wachtwoord", "Passw0rd"]
        return r.choice(words) + r.choice(["!", "#", "&", "_", "$"]) + rdig(r, r.randint(2, 4))
    if k == 1:
        return "".join(r.choice("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789") for _ in range(r.randint(16, 32)))
    if k == 2:
        return r.randbytes(20).hex()
    return "sk_live_" + "".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(24))


GENERATORS = {
    "EMAIL_ADDRESS": gen_email, "PHONE_NUMBER": gen_phone, "CREDIT_CARD": gen_card, "IBAN_CODE": gen_iban,
    "US_SSN": gen_ssn, "IP_ADDRESS": gen_ip, "URL": gen_url, "MAC_ADDRESS": gen_mac, "CRYPTO": gen_crypto,
    "DATE_OF_BIRTH": gen_dob, "UK_NHS": gen_nhs, "ES_NIF": gen_es_nif, "IT_FISCAL_CODE": gen_it_cf,
    "PL_PESEL": gen_pesel, "DE_TAX_ID": gen_de_idnr, "FR_NIR": gen_fr_nir, "NL_BSN": gen_bsn, "JWT": gen_jwt,
    "AWS_ACCESS_KEY": gen_aws,
}

# ---------------------------------------------------------------- hard negatives


def fails_all_checksums(value):
    """True iff the digits of value pass no national/card checksum of the same length."""
    d = C.digits(value)
    n = len(d)
    if 12 <= n <= 19 and C.luhn_ok(d):
        return False
    if n == 9 and C.bsn_ok(d):
        return False
    if n == 10 and C.nhs_ok(d):
        return False
    if n == 11 and (C.pesel_ok(d) or C.de_idnr_ok(d)):
        return False
    if n == 15 and C.fr_nir_ok(d):
        return False
    return True


def neg_bad_luhn16(r):
    while True:
        n = str(r.randint(3, 6)) + rdig(r, 15)
        if not C.luhn_ok(n):
            return r.choice([group(n, (4, 4, 4, 4), " "), n, group(n, (4, 4, 4, 4), "-")])


def neg_invoice(r):
    return r.choice([f"INV-{r.randint(2019, 2026)}-{rdig(r, 6)}", f"RE-{r.randint(2019, 2026)}/{rdig(r, 4)}",
                     f"FA-{rdig(r, 6)}", f"#{r.randint(10000, 99999)}", f"ORD-{rdig(r, 4)}-{rdig(r, 5)}"])


def neg_amount(r):
    a, c = r.randint(1, 99999), r.randint(0, 99)
    return r.choice([f"€{a:,}.{c:02d}", f"{a:,}.{c:02d} USD".replace(",", "."), f"{a},{c:02d} €",
                     f"{a},{c:02d} zł", f"£{a}.{c:02d}", f"{r.random() * 100:.5f}", f"-{a % 100}.{c:02d}"])


def neg_version(r):
    return r.choice([f"{r.randint(0, 12)}.{r.randint(0, 30)}.{r.randint(0, 40)}", f"v{r.randint(1, 5)}.{r.randint(0, 20)}.{r.randint(0, 9)}",
                     f"10.0.{r.randint(17000, 26000)}.{r.randint(1000, 9999)}", f"{r.randint(4, 6)}.{r.randint(1, 19)}.0-{r.randint(10, 40)}-amd64",
                     f"{r.randint(100, 140)}.0.{r.randint(1000, 6999)}.{r.randint(10, 300)}"])


def neg_timestamp(r):
    y, mo, d = r.randint(2015, 2026), r.randint(1, 12), r.randint(1, 28)
    h, mi, s = r.randint(0, 23), r.randint(0, 59), r.randint(0, 59)
    return r.choice([f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}Z", f"{y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d}",
                     f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}.{rdig(r, 3)}+01:00", str(r.randint(1_500_000_000, 1_800_000_000))])


def neg_date(r):
    y, mo, d = r.randint(1950, 2026), r.randint(1, 12), r.randint(1, 28)
    return r.choice([f"{y}-{mo:02d}-{d:02d}", f"{d:02d}.{mo:02d}.{y}", f"{d:02d}/{mo:02d}/{y}"])


def neg_uuid(r):
    h = r.randbytes(16).hex()
    return "-".join([h[:8], h[8:12], "4" + h[13:16], "a" + h[17:20], h[20:]])


def neg_hash(r):
    return r.choice([hashlib.sha256(r.randbytes(8)).hexdigest(), hashlib.sha1(r.randbytes(8)).hexdigest(), hashlib.md5(r.randbytes(8)).hexdigest()])


def neg_commit(r):
    h = hashlib.sha1(r.randbytes(8)).hexdigest()
    return h if r.random() < 0.4 else h[:r.choice([7, 8, 10, 12])]


def neg_tracking(r):
    k = r.randint(0, 3)
    if k == 0:
        return "1Z" + "".join(r.choice("0123456789ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(6)) + rdig(r, 10)
    if k == 1:
        return rdig(r, 12)
    if k == 2:
        return "9400 " + " ".join(rdig(r, 4) for _ in range(4)) + " " + rdig(r, 2)
    return "JJD" + rdig(r, 18)


def neg_digits(n):
    def g(r):
        v = str(r.randint(1, 9)) + rdig(r, n - 1)
        if n == 10 and r.random() < 0.5:
            v = group(v, (3, 3, 4), " ")
        return v
    return g


def neg_bad_iban(r):
    country = r.choice(sorted(IBAN_FORMATS))
    bban = gen_bban(r, country)
    good = C.iban_check(country, bban)
    bad = "%02d" % ((int(good) + r.randint(1, 90)) % 97 + 2)
    v = country + bad + bban
    return " ".join(v[i:i + 4] for i in range(0, len(v), 4)) if r.random() < 0.5 else v


def neg_bad_ssn(r):
    return r.choice(["000", "666", str(r.randint(900, 999))]) + "-%02d-%04d" % (r.randint(1, 99), r.randint(1, 9999))


def neg_bad_dni(r):
    num = rdig(r, 8)
    good = C.DNI_LETTERS[int(num) % 23]
    return num + r.choice([c for c in C.DNI_LETTERS if c != good])


def neg_bad_cf(r):
    v = gen_it_cf(r, "it")
    return v[:15] + r.choice([c for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ" if c != v[15]])


def neg_bad_nir(r):
    v = gen_fr_nir(r, "fr").replace(" ", "")
    return v[:13] + "%02d" % ((int(v[13:]) + r.randint(1, 90)) % 97 + 1)


NEG_KINDS = {  # kind: (generator, label key)
    "bad_luhn16": (neg_bad_luhn16, "ref"), "invoice": (neg_invoice, "invoice"), "amount": (neg_amount, "amount"),
    "version": (neg_version, "version"), "timestamp": (neg_timestamp, "timestamp"), "date": (neg_date, "due"),
    "uuid": (neg_uuid, "uuid"), "hash": (neg_hash, "hash"), "commit": (neg_commit, "commit"),
    "tracking": (neg_tracking, "tracking"), "digits9": (neg_digits(9), "customer"), "digits10": (neg_digits(10), "ref"),
    "digits11": (neg_digits(11), "customer"), "bad_iban": (neg_bad_iban, "ref"), "bad_ssn": (neg_bad_ssn, "ticket"),
    "bad_dni": (neg_bad_dni, "ref"), "bad_cf": (neg_bad_cf, "ref"), "bad_nir": (neg_bad_nir, "ref"),
}
NEG_LABELS = {
    "ref": L("reference|Referenz|référence|referencia|riferimento|referentie|sygnatura"),
    "invoice": L("invoice|Rechnung|facture|factura|fattura|factuur|faktura"),
    "amount": L("amount|Betrag|montant|importe|importo|bedrag|kwota"),
    "version": L("version|Version|version|versión|versione|versie|wersja"),
    "timestamp": L("timestamp|Zeitstempel|horodatage|marca de tiempo|timestamp|tijdstempel|znacznik czasu"),
    "due": L("due date|Fälligkeitsdatum|date d'échéance|fecha de vencimiento|scadenza|vervaldatum|termin płatności"),
    "uuid": L("request id|Anfrage-ID|identifiant de requête|id de solicitud|id richiesta|request-id|identyfikator żądania"),
    "hash": L("checksum|Prüfsumme|somme de contrôle|suma de comprobación|checksum|controlegetal|suma kontrolna"),
    "commit": L("commit|Commit|commit|commit|commit|commit|commit"),
    "tracking": L("tracking number|Sendungsnummer|numéro de suivi|número de seguimiento|numero di tracking|trackingnummer|numer przesyłki"),
    "customer": L("customer number|Kundennummer|numéro client|número de cliente|codice cliente|klantnummer|numer klienta"),
    "ticket": L("ticket|Ticket|ticket|ticket|ticket|ticket|zgłoszenie"),
}
LOG_FRAMES = ["[{v}] build {v2} finished", "{v} INFO deploy {v2} ok ✅", "ref={v} ver={v2}", "{v} | {v2} | status=200"]

# ---------------------------------------------------------------- assembly


def build(template, fills):
    """fills: placeholder -> list of (text, type-or-None-or-('neg', kind))."""
    text, spans, distractors = "", [], []
    pos = 0
    for m in re.finditer(r"\{(\w+)\}", template):
        if m.group(1) not in fills:
            continue
        text += template[pos:m.start()]
        pos = m.end()
        for piece, tag in fills[m.group(1)]:
            start = len(text)
            text += piece
            if isinstance(tag, tuple):
                distractors.append({"kind": tag[1], "start": start, "end": len(text)})
            elif tag:
                spans.append({"type": tag, "start": start, "end": len(text)})
    text += template[pos:]
    for s in spans:
        s["byteStart"] = len(text[:s["start"]].encode())
        s["byteEnd"] = len(text[:s["end"]].encode())
    assert "\n" not in text and "\r" not in text
    return text, spans, distractors


def cap(s):
    return s[:1].upper() + s[1:]


def label_for(r, typ, lang):
    extra = LABELS_NATIVE_EXTRA.get(typ, {}).get(lang)
    return r.choice(extra) if extra else LABELS[typ][lang]


def positive(r, typ):
    lang = NATIONAL_LANG.get(typ)
    if lang is None or r.random() < 0.2:
        lang = r.choice(LANGS)
    name = r.choice(NAMES[lang])
    if typ == "DATE_OF_BIRTH":
        t = r.choice(DOB_FRAMES[lang])
        return lang, build(t, {"v": [(gen_dob(r, lang), typ)], "name": [(name, None)]})
    if typ == "SECRET_ASSIGNMENT":
        key = r.choice(SECRET_KEYS)
        op, q = r.choice([("=", ""), ("=", '"'), (": ", ""), (" = ", "'"), (": ", '"')])
        a = [(key + op + q, None), (gen_secret_value(r), typ), (q, None)]
        return lang, build(r.choice(SECRET_FRAMES[lang]), {"a": a})
    if typ == "PRIVATE_KEY":
        if r.random() < 0.6:
            t, j = r.choice(PEM_FRAMES_ESC), "\\n"
        else:
            t, j = PEM_FRAMES_SPACE[lang], " "
        return lang, build(t, {"v": [(gen_pem(r, j), typ)]})
    if typ == "JWT" and r.random() < 0.5:
        return lang, build(r.choice(JWT_FRAMES), {"v": [(gen_jwt(r, lang), typ)]})
    t = r.choice(FRAMES[lang])
    label = label_for(r, typ, lang)
    if t.startswith("{label}"):
        label = cap(label)
    return lang, build(t, {"v": [(GENERATORS[typ](r, lang), typ)], "name": [(name, None)], "label": [(label, None)]})


MIXABLE = ["EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "IP_ADDRESS", "URL", "CRYPTO", "MAC_ADDRESS"]


def mixed(r):
    lang = r.choice(LANGS)
    t1, t2 = r.sample(MIXABLE, 2)
    return lang, build(MIXED_FRAMES[lang], {
        "name": [(r.choice(NAMES[lang]), None)], "label": [(LABELS[t1][lang], None)], "v": [(GENERATORS[t1](r, lang), t1)],
        "label2": [(LABELS[t2][lang], None)], "v2": [(GENERATORS[t2](r, lang), t2)]})


def neg_value(r, kind):
    gen = NEG_KINDS[kind][0]
    while True:
        v = gen(r)
        if fails_all_checksums(v) or kind in ("timestamp", "date", "amount", "version"):
            if not any(C.luhn_ok(x) and 13 <= len(C.digits(x)) <= 19 for x in [v]):
                return v


def negative(r):
    lang = r.choice(LANGS)
    kinds = sorted(NEG_KINDS)
    if r.random() < 0.2:
        k1, k2 = r.choice(["timestamp", "date", "uuid"]), r.choice(["version", "commit", "hash"])
        t = r.choice(LOG_FRAMES)
        return lang, build(t, {"v": [(neg_value(r, k1), ("neg", k1))], "v2": [(neg_value(r, k2), ("neg", k2))]})
    kind = r.choice(kinds)
    t = r.choice(FRAMES[lang])
    label = NEG_LABELS[NEG_KINDS[kind][1]][lang]
    if t.startswith("{label}"):
        label = cap(label)
    return lang, build(t, {"v": [(neg_value(r, kind), ("neg", kind))], "name": [(r.choice(NAMES[lang]), None)],
                           "label": [(label, None)]})


def main():
    import argparse
    ap = argparse.ArgumentParser(description="Write the labeled corpus (default: the committed one).")
    ap.add_argument("--seed", type=int, default=SEED,
                    help="random seed; another seed gives a held-out corpus (default %(default)s)")
    ap.add_argument("--out", default=OUT, help="output path (default tests/eval/corpus.jsonl)")
    a = ap.parse_args()
    r = random.Random(a.seed)
    samples = []
    for typ in TYPES:
        for _ in range(POS_PER_TYPE):
            samples.append(("positive",) + positive(r, typ))
    for _ in range(MIXED):
        samples.append(("mixed",) + mixed(r))
    for _ in range(NEGATIVES):
        samples.append(("hard_negative",) + negative(r))
    r.shuffle(samples)
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        for i, (kind, lang, (text, spans, distractors)) in enumerate(samples):
            rec = {"id": "s%05d" % (i + 1), "lang": lang, "kind": kind, "text": text, "spans": spans}
            if distractors:
                rec["distractors"] = distractors
            f.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
    print(f"wrote {len(samples)} samples to {os.path.relpath(a.out)}", file=sys.stderr)


if __name__ == "__main__":
    main()
