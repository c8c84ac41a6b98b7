#!/usr/bin/env python3
"""Generates tests/vectors/pii-scan-ids.json (run from the repository root).

Cards, US SSNs and national IDs (issue 13): several cards on one line, card
lengths and IINs, SSN layouts and never-issued ranges, DNI/NIE in either
case, the Steuer-ID repetition rule, the numeric codice fiscale.

Independent of the Rust code:
- offsets: the expected substring is found in the text here and converted
  to UTF-16 code units (len(prefix.encode('utf-16-le')) // 2);
- scores: base score plus context bonus as the table in
  src/pii/recognize/mod.rs documents them (BASE / BONUS below);
- check digits: every number is re-checked here with its own
  implementation of the rule (Luhn, SSA ranges, ISO 7064 MOD 11,10 and the
  ELSTER repetition rule, n mod 23, the codice fiscale tables, the partita
  IVA office codes, PESEL weights). A positive whose number fails its check,
  or a negative that only fails for an unstated reason, stops the generator.
"""
import json
import os
import sys

OUT = os.path.join('tests', 'vectors', 'pii-scan-ids.json')

# Context bonus per type (src/pii/recognize/mod.rs, "context" column).
BONUS = {'CREDIT_CARD': 10, 'US_SSN': 15, 'DE_TAX_ID': 35, 'ES_NIF': 15,
         'IT_FISCAL_CODE': 5, 'PL_PESEL': 35}


# ---- independent checks -------------------------------------------------

def luhn_ok(d):
    total = 0
    for i, c in enumerate(reversed(d)):
        v = int(c)
        if i % 2 == 1:
            v *= 2
            if v > 9:
                v -= 9
        total += v
    return total % 10 == 0


def ssn_ok(d):
    area, group, serial = d[:3], d[3:5], d[5:]
    if area in ('000', '666') or area[0] == '9' or group == '00' or serial == '0000':
        return False
    if len(set(d)) == 1:
        return False
    return d not in ('078051120', '219099999', '123456789')


def mod11_10(body):
    p = 10
    for c in body:
        t = (int(c) + p) % 10
        if t == 0:
            t = 10
        p = (2 * t) % 11
    return str((11 - p) % 10)


def steuer_id_ok(d):
    """ELSTER 2.2: no leading 0; in the first ten digits exactly one digit
    twice or three times; a tripled digit never three in a row; MOD 11,10."""
    if len(d) != 11 or not d.isdigit() or d[0] == '0':
        return False
    body = d[:10]
    counts = [body.count(c) for c in set(body)]
    multi = [n for n in counts if n > 1]
    if multi not in ([2], [3]):
        return False
    if multi == [3] and any(body[i] == body[i + 1] == body[i + 2] for i in range(8)):
        return False
    return mod11_10(body) == d[10]


def nif_letter(body8):
    lead = {'X': '0', 'Y': '1', 'Z': '2'}.get(body8[0].upper(), body8[0])
    return 'TRWAGMYFPDXBNJZSQVHLCKE'[int(lead + body8[1:]) % 23]


ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14,
       16, 10, 22, 25, 24, 23]


def cf_letter(body15):
    total = 0
    for i, c in enumerate(body15.upper()):
        v = int(c) if c.isdigit() else ord(c) - ord('A')
        total += ODD[v] if i % 2 == 0 else v
    return chr(ord('A') + total % 26)


def partita_iva_ok(d):
    office = int(d[7:10])
    return (len(d) == 11 and d.isdigit() and int(d[:7]) != 0
            and (1 <= office <= 100 or office in (120, 121, 888, 999)) and luhn_ok(d))


def pesel_ok(d):
    w = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    if (10 - sum(int(a) * b for a, b in zip(d, w)) % 10) % 10 != int(d[10]):
        return False
    mm = int(d[2:4]) % 20
    return 1 <= mm <= 12 and 1 <= int(d[4:6]) <= 31


def digits(s):
    return ''.join(c for c in s if c.isdigit())


# ---- cases --------------------------------------------------------------

def u16(s):
    return len(s.encode('utf-16-le')) // 2


cases = []


def case(name, text, found=(), options=None, check=None):
    """found: (substring, type, base, context?, recognizer[, nth])."""
    if check is not None:
        assert check, name
    expect = []
    for f in found:
        sub, typ, base, ctx, rec = f[:5]
        nth = f[5] if len(f) > 5 else 0
        i = -1
        for _ in range(nth + 1):
            i = text.index(sub, i + 1)
        score = min(100, base + (BONUS[typ] if ctx else 0))
        expect.append({'entityType': typ, 'start': u16(text[:i]),
                       'end': u16(text[:i]) + u16(sub), 'score': score, 'recognizer': rec})
    args = [text] if options is None else [text, options]
    cases.append({'name': name, 'op': 'call', 'fn': 'scanPii', 'args': args, 'expect': expect})


CC = 'credit_card.luhn'

# Several cards on one line: the run is split at spaces into cards.
t = '4012888888881881 4012-8888-8888-1881 4012 8888 8888 1881'
assert all(luhn_ok(digits(p)) for p in ('4012888888881881', '4012-8888-8888-1881'))
case('card list: three Visa test PANs on one line, three layouts (Presidio test row)', t,
     [('4012888888881881', 'CREDIT_CARD', 90, False, CC),
      ('4012-8888-8888-1881', 'CREDIT_CARD', 90, False, CC),
      ('4012 8888 8888 1881', 'CREDIT_CARD', 90, False, CC)])
assert luhn_ok('4111111111111111') and luhn_ok('5555555555554444')
case('card list: two bare PANs separated by a space', 'paid 4111111111111111 5555555555554444',
     [('4111111111111111', 'CREDIT_CARD', 90, False, CC),
      ('5555555555554444', 'CREDIT_CARD', 90, False, CC)])
case('card list: two PANs in 4-digit groups, context word "credit" (+10)',
     'credit cards: 4111 1111 1111 1111 5555 5555 5555 4444',
     [('4111 1111 1111 1111', 'CREDIT_CARD', 90, True, CC),
      ('5555 5555 5555 4444', 'CREDIT_CARD', 90, True, CC)])
case('card list negative: a card and one more group is no split into cards',
     'ref 4111 1111 1111 1111 2025', [], check=not luhn_ok('41111111111111112025'))
case('card list negative: a Luhn-failing second number leaves the run unsplit',
     'x 4111111111111111 4111111111111112', [], check=not luhn_ok('4111111111111112'))

# Lengths: 13/14 digits without an issuing network's IIN, 12-digit Maestro, UATP.
assert luhn_ok('1748503543012')
case('card negative: Luhn-valid 13-digit millisecond timestamp (no network issues 13 digits at 1…): 40 < 50',
     'created 1748503543012', [])
case('card: the same 13 digits after a card word, 40 + 10', 'card 1748503543012',
     [('1748503543012', 'CREDIT_CARD', 40, True, CC)])
assert luhn_ok('4222222222222')
case('card: 13-digit Visa test PAN = 90', 'x 4222222222222', [('4222222222222', 'CREDIT_CARD', 90, False, CC)])
assert luhn_ok('501234567896')
case('card: 12-digit Maestro (IIN 50) with context word "maestro", 40 + 10', 'Maestro 501234567896',
     [('501234567896', 'CREDIT_CARD', 40, True, CC)])
case('card negative: 12-digit Maestro without a card word (40 < 50)', 'ref 501234567896', [],
     options={'entities': ['CREDIT_CARD']})
assert luhn_ok('630483770602')
case('card: 12-digit Maestro UK (IIN 6304, ex-Laser; Faker\'s maestro prefixes) after "card", 40 + 10',
     'card 630483770602', [('630483770602', 'CREDIT_CARD', 40, True, CC)])
assert luhn_ok('601234567894')
case('card negative: 12 Luhn-valid digits outside Maestro ranges are no card', 'card 601234567894', [],
     options={'entities': ['CREDIT_CARD']})
assert luhn_ok('122000000000003')
case('card: 15-digit UATP-style number (IIN 1, no listed network) = 50, +10 with "credit card"',
     'my credit card: 122000000000003', [('122000000000003', 'CREDIT_CARD', 50, True, CC)])

# US SSN.
SF, SD = 'us_ssn.formatted', 'us_ssn.digits'
assert ssn_ok('357975260')
case('ssn: in parentheses after "SSN", 85 + 15', 'your SSN (357-97-5260)',
     [('357-97-5260', 'US_SSN', 85, True, SF)])
case('ssn: 9 bare digits right after "SSN", 40 + 15', 'SSN 357975260',
     [('357975260', 'US_SSN', 40, True, SD)])
assert ssn_ok('078051123')
case('ssn: dotted AAA.GG.SSSS = 60 (Presidio test row)', '078.05.1123',
     [('078.05.1123', 'US_SSN', 60, False, SF)])
assert ssn_ok('078051121')
case('ssn: weak layout AAA-GGSSSS with an SSN word, 45 + 15', 'SSN: 078-051121',
     [('078-051121', 'US_SSN', 45, True, SF)])
case('ssn: weak layout AAAGG-SSSS with an SSN word, 45 + 15', 'social security 07805-1121',
     [('07805-1121', 'US_SSN', 45, True, SF)])
case('ssn negative: weak layout without an SSN word (45 < 50)', 'ref 078-051121', [],
     options={'entities': ['US_SSN']})
case('ssn negative: one digit nine times', 'ssn 111-11-1111', [], check=not ssn_ok('111111111'))
case('ssn negative: mixed separators', 'ssn 693-09.4444', [], options={'entities': ['US_SSN']})
case('ssn negative: group 00, spaced', 'ssn 078 00 1123', [], check=not ssn_ok('078001123'),
     options={'entities': ['US_SSN']})
case('ssn negative: area 666, bare digits', 'ssn 666000000', [], check=not ssn_ok('666000000'),
     options={'entities': ['US_SSN']})
case('ssn negative: the Woolworth number, bare', 'ssn 078051120', [], check=not ssn_ok('078051120'),
     options={'entities': ['US_SSN']})

# DE Steuer-ID.
DE = 'de_tax_id.mod11_10'
assert steuer_id_ok('11234567890')
case('de tax id: check digit set apart (python-stdnum layout), 50 + 35', 'Steuer-ID 1123456789 0',
     [('1123456789 0', 'DE_TAX_ID', 50, True, DE)])
assert steuer_id_ok('36574261809')
case('de tax id: printed 2-3-3-3 = 60, + 35', 'IdNr 36 574 261 809',
     [('36 574 261 809', 'DE_TAX_ID', 60, True, DE)])
assert steuer_id_ok('65929970489')
case('de tax id: a digit three times, two of them adjacent (ELSTER example)', 'Steuer-ID 65929970489',
     [('65929970489', 'DE_TAX_ID', 50, True, DE)])
assert steuer_id_ok('11012345675')
case('de tax id: 11012345675, tripled 1 not three in a row (Commons Validator)', 'IdNr. 11012345675',
     [('11012345675', 'DE_TAX_ID', 50, True, DE)])
for body, why in [('1112345678', 'a digit three times in a row'),
                  ('1234567890', 'no digit repeated'),
                  ('9876543210', 'no digit repeated'),
                  ('1111234567', 'a digit four times'),
                  ('1122345678', 'two digits repeated'),
                  ('0224567891', 'leading zero')]:
    n = body + mod11_10(body)  # the check digit is right: only the stated rule fails
    case(f'de tax id negative: {n}, {why}', f'Steuer-ID {n}', [], check=not steuer_id_ok(n),
         options={'entities': ['DE_TAX_ID']})
case('de tax id negative: 1112345678 6, three 1s in a row, check digit apart', 'Steuer-ID 1112345678 6', [],
     check=not steuer_id_ok('11123456786'), options={'entities': ['DE_TAX_ID']})

# ES NIF.
DNI, NIE = 'es_nif.dni', 'es_nif.nie'
assert nif_letter('X9613851') == 'N'
case('es nif: NIE in lower case = 85 - 20', 'x9613851n', [('x9613851n', 'ES_NIF', 65, False, NIE)])
case('es nif: NIE in lower case with "NIE", 65 + 15', 'mi NIE es z8078221m',
     [('z8078221m', 'ES_NIF', 65, True, NIE)], check=nif_letter('Z8078221') == 'M')
case('es nif: NIE lower case with hyphens (python-stdnum)', 'Escribí x-2482300w en el sobre.',
     [('x-2482300w', 'ES_NIF', 65, False, NIE)], check=nif_letter('X2482300') == 'W')
case('es nif: NIE with hyphens, capitals', 'X-5253868-R', [('X-5253868-R', 'ES_NIF', 85, False, NIE)],
     check=nif_letter('X5253868') == 'R')
case('es nif: DNI, lower-case check letter = 80 - 20', '12345678z', [('12345678z', 'ES_NIF', 60, False, DNI)],
     check=nif_letter('12345678') == 'Z')
case('es nif: DNI of 7 digits (leading zero left out) = 80 - 20, + 15 with "DNI"', 'DNI 1111111-G',
     [('1111111-G', 'ES_NIF', 60, True, DNI)], check=nif_letter('01111111') == 'G')
case('es nif: the same DNI with its leading zero = 80', '01111111G', [('01111111G', 'ES_NIF', 80, False, DNI)])
case('es nif: 7-digit DNI in lower case needs context (40 + 15)', 'DNI 1111111g',
     [('1111111g', 'ES_NIF', 40, True, DNI)])
case('es nif negative: 7-digit DNI in lower case without context (40 < 50)', 'ref 1111111g', [],
     options={'entities': ['ES_NIF']})
case('es nif negative: NIE, wrong letter in lower case', 'x9613851q', [], check=nif_letter('X9613851') != 'Q')
case('es nif negative: DNI, wrong lower-case letter', '12345678a', [], check=nif_letter('12345678') != 'A')
case('es nif negative: 9 digits and a letter are no DNI', 'ref 123456789Z', [],
     options={'entities': ['ES_NIF']})

# IT codice fiscale: the numeric code of companies (= partita IVA).
ITN = 'it_fiscal_code.numeric'
assert partita_iva_ok('00743110157') and not pesel_ok('00743110157')
case('it fiscal code: numeric code of a company (python-stdnum), no context = 50',
     'Ho scritto 00743110157 sul retro della busta.', [('00743110157', 'IT_FISCAL_CODE', 50, False, ITN)])
case('it fiscal code: numeric code with "codice fiscale", 50 + 5', 'Il mio codice fiscale è 00743110157.',
     [('00743110157', 'IT_FISCAL_CODE', 50, True, ITN)])
case('it fiscal code negative: numeric code, wrong check digit', 'P.IVA 00743110158', [],
     check=not luhn_ok('00743110158'), options={'entities': ['IT_FISCAL_CODE']})
assert luhn_ok('12345679752') and not partita_iva_ok('12345679752')
case('it fiscal code negative: Luhn passes but 975 is no provincial office', 'P.IVA 12345679752', [],
     options={'entities': ['IT_FISCAL_CODE']})
assert pesel_ok('97091160669') and partita_iva_ok('97091160669')
case('it fiscal code: digits that are a valid PESEL too are a PESEL without an Italian word',
     'Do wiadomości: 97091160669.', [('97091160669', 'PL_PESEL', 50, False, 'pl_pesel.checksum')])
case('it fiscal code: the same digits after "partita IVA", 50 + 5', 'partita IVA 97091160669',
     [('97091160669', 'IT_FISCAL_CODE', 50, True, ITN)])
rcc = 'RCCMNL83S18D96V'
case('it fiscal code: omocodia in the municipality code, check letter computed here',
     'codice fiscale ' + rcc + cf_letter(rcc),
     [(rcc + cf_letter(rcc), 'IT_FISCAL_CODE', 95, True, 'it_fiscal_code.check')])
case('it fiscal code negative: wrong check letter (Presidio row AAAAAA00B11C333N)', 'AAAAAA00B11C333N', [],
     check=cf_letter('AAAAAA00B11C333') != 'N')

doc = {
    'description': (
        'fieldguard::pii::recognize (scanPii): cards, US SSNs and national IDs (issue 13). '
        'Generated by tests/vectors/generators/pii_scan_ids.py: offsets are UTF-16 code units of the '
        'expected substring found in the text by the generator; scores are the documented base score '
        'plus the context bonus (src/pii/recognize/mod.rs); every number is re-checked in Python '
        '(Luhn, SSA ranges, ISO 7064 MOD 11,10 with the ELSTER repetition rule, n mod 23, the codice '
        'fiscale tables, partita IVA office codes, PESEL weights).'),
    'cases': cases,
}
if __name__ == '__main__':
    text = json.dumps(doc, ensure_ascii=False, indent=1) + '\n'
    if len(sys.argv) > 1 and sys.argv[1] == '--check':
        sys.exit(0 if open(OUT, encoding='utf-8').read() == text else 1)
    with open(OUT, 'w', encoding='utf-8') as f:
        f.write(text)
    print(f'wrote {len(cases)} cases to {OUT}')
