"""Checksum validators shared by generate.py and test_generate.py (stdlib only).

Each function takes the value as written in the text (separators allowed) and
returns True iff it passes the identifier's checksum / structural rule.
"""
import hashlib
import re


def digits(s):
    return re.sub(r"\D", "", s)


def luhn_ok(s):
    d = [int(c) for c in digits(s)]
    if len(d) < 2:
        return False
    total = 0
    for i, x in enumerate(reversed(d)):
        if i % 2 == 1:
            x *= 2
            if x > 9:
                x -= 9
        total += x
    return total % 10 == 0


def luhn_check_digit(payload):
    """Check digit to append to the digit string payload."""
    for c in "0123456789":
        if luhn_ok(payload + c):
            return c
    raise AssertionError


def iban_ok(s):
    s = re.sub(r"\s", "", s).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{10,30}", s):
        return False
    r = s[4:] + s[:4]
    n = "".join(str(int(c, 36)) for c in r)
    return int(n) % 97 == 1


def iban_check(country, bban):
    r = bban + country + "00"
    n = "".join(str(int(c, 36)) for c in r)
    return "%02d" % (98 - int(n) % 97)


def es_ccc(bank_branch, account):
    """The two check digits of a Spanish CCC (the BBAN of an ES IBAN is bank 4,
    branch 4, these 2 digits, account 10): weights 1 2 4 8 5 10 9 7 3 6 mod 11."""
    def d(s):
        v = 11 - sum(int(c) * w for c, w in zip(s, (1, 2, 4, 8, 5, 10, 9, 7, 3, 6))) % 11
        return {11: "0", 10: "1"}.get(v, str(v))
    return d("00" + bank_branch) + d(account)


def us_ssn_ok(s):
    m = re.fullmatch(r"(\d{3})[- ]?(\d{2})[- ]?(\d{4})", s)
    if not m:
        return False
    a, g, n = m.groups()
    return a not in ("000", "666") and a[0] != "9" and g != "00" and n != "0000"


def nhs_ok(s):
    d = [int(c) for c in digits(s)]
    if len(d) != 10:
        return False
    total = sum(x * w for x, w in zip(d[:9], range(10, 1, -1)))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == d[9]


def bsn_ok(s):
    d = [int(c) for c in digits(s)]
    if len(d) != 9:
        return False
    total = sum(x * w for x, w in zip(d[:8], range(9, 1, -1))) - d[8]
    return total % 11 == 0 and any(d)


PESEL_W = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)


def pesel_ok(s):
    d = [int(c) for c in digits(s)]
    if len(d) != 11:
        return False
    if (10 - sum(x * w for x, w in zip(d, PESEL_W)) % 10) % 10 != d[10]:
        return False
    yy, mm, dd = d[0] * 10 + d[1], d[2] * 10 + d[3], d[4] * 10 + d[5]
    century = {0: 1900, 20: 2000, 40: 2100, 60: 2200, 80: 1800}
    base, month = (mm // 20) * 20, mm % 20
    if not 1 <= month <= 12:
        return False
    year = century[base] + yy
    return 1 <= dd <= days_in_month(year, month)


def days_in_month(y, m):
    if m == 2:
        return 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28
    return 30 if m in (4, 6, 9, 11) else 31


DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def es_nif_ok(s):
    s = s.replace("-", "").replace(" ", "").upper()
    m = re.fullmatch(r"([XYZ]?)(\d{7,8})([A-Z])", s)
    if not m:
        return False
    pre, num, letter = m.groups()
    if pre:
        if len(num) != 7:
            return False
        num = str("XYZ".index(pre)) + num
    elif len(num) != 8:
        return False
    return DNI_LETTERS[int(num) % 23] == letter


CF_ODD = {
    **dict(zip("0123456789", (1, 0, 5, 7, 9, 13, 15, 17, 19, 21))),
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ",
               (1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23))),
}


def cf_even(c):
    return int(c) if c.isdigit() else ord(c) - 65


def it_cf_check(first15):
    total = 0
    for i, c in enumerate(first15):
        total += CF_ODD[c] if i % 2 == 0 else cf_even(c)
    return chr(65 + total % 26)


def it_cf_ok(s):
    s = s.upper()
    if not re.fullmatch(r"[A-Z]{6}\d{2}[ABCDEHLMPRST]\d{2}[A-Z]\d{3}[A-Z]", s):
        return False
    return it_cf_check(s[:15]) == s[15]


def de_idnr_check(first10):
    product = 10
    for c in first10:
        total = (int(c) + product) % 10
        if total == 0:
            total = 10
        product = (total * 2) % 11
    check = 11 - product
    return 0 if check == 10 else check


def de_idnr_ok(s):
    d = digits(s)
    if len(d) != 11 or d[0] == "0":
        return False
    counts = sorted((d[:10].count(c) for c in set(d[:10])), reverse=True)
    # exactly one digit occurs twice or three times, all others once
    if counts[0] not in (2, 3) or (len(counts) > 1 and counts[1] != 1):
        return False
    return de_idnr_check(d[:10]) == int(d[10])


def fr_nir_ok(s):
    s = s.replace(" ", "").upper()
    m = re.fullmatch(r"([12])(\d{2})(\d{2})(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})", s)
    if not m:
        return False
    sex, yy, mm, dep, com, order, key = m.groups()
    if not (1 <= int(mm) <= 12 or 20 <= int(mm) <= 42):
        return False
    body = s[:13].replace("2A", "19").replace("2B", "18")
    return 97 - int(body) % 97 == int(key)


B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58encode(b):
    n = int.from_bytes(b, "big")
    out = ""
    while n:
        n, r = divmod(n, 58)
        out = B58[r] + out
    pad = len(b) - len(b.lstrip(b"\0"))
    return "1" * pad + out


def b58decode(s):
    n = 0
    for c in s:
        n = n * 58 + B58.index(c)
    pad = len(s) - len(s.lstrip("1"))
    body = n.to_bytes((n.bit_length() + 7) // 8, "big") if n else b""
    return b"\0" * pad + body


def dsha(b):
    return hashlib.sha256(hashlib.sha256(b).digest()).digest()


def b58check_ok(s):
    try:
        raw = b58decode(s)
    except ValueError:
        return False
    return len(raw) == 25 and dsha(raw[:-4])[:4] == raw[-4:]


BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


def bech32_polymod(values):
    gen = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)
    chk = 1
    for v in values:
        top = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if (top >> i) & 1 else 0
    return chk


def bech32_hrp_expand(hrp):
    return [ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp]


BECH32_CONST, BECH32M_CONST = 1, 0x2BC830A3


def bech32_encode(hrp, data, const):
    values = bech32_hrp_expand(hrp) + data
    polymod = bech32_polymod(values + [0] * 6) ^ const
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32[d] for d in data + checksum)


def bech32_ok(s):
    s = s.lower()
    if "1" not in s:
        return False
    hrp, data = s.rsplit("1", 1)
    if any(c not in BECH32 for c in data) or len(data) < 6:
        return False
    vals = [BECH32.index(c) for c in data]
    pm = bech32_polymod(bech32_hrp_expand(hrp) + vals)
    want = BECH32_CONST if vals[0] == 0 else BECH32M_CONST
    return pm == want


def convertbits(data, frombits, tobits):
    acc = bits = 0
    out = []
    for v in data:
        acc = (acc << frombits) | v
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            out.append((acc >> bits) & ((1 << tobits) - 1))
    if bits:
        out.append((acc << (tobits - bits)) & ((1 << tobits) - 1))
    return out


def crypto_ok(s):
    if s.startswith("0x"):
        return re.fullmatch(r"0x[0-9a-f]{40}", s) is not None
    if s.lower().startswith("bc1"):
        return bech32_ok(s)
    return s[0] in "13" and b58check_ok(s)
