//! National identifiers: checksums (NHS, PESEL, Steuer-ID, BSN) used by the
//! digit-run parser, and the identifiers that mix digits and letters (DNI,
//! NIE, codice fiscale, NIR with Corsican 2A/2B), which parse themselves.

use super::numeric::days_in_month;
use super::{is_word, Cx, EntityType};

fn val(c: u8) -> u32 {
    u32::from(c - b'0')
}

/// UK NHS number: weights 10..2 over the first nine digits, check digit
/// 11 − (sum mod 11), where 11 → 0 and 10 is never issued.
pub(super) fn nhs(d: &[u8]) -> bool {
    let sum: u32 = d[..9]
        .iter()
        .zip((2..=10).rev())
        .map(|(&c, w)| val(c) * w)
        .sum();
    let check = match 11 - sum % 11 {
        11 => 0,
        10 => return false,
        c => c,
    };
    check == val(d[9]) && !d.iter().all(|&c| c == d[0])
}

/// Numbers from 010 to 311 are Scotland's CHI numbers, whose first six
/// digits are the holder's birth date DDMMYY; the other issued ranges
/// (Northern Ireland 320–399, England and Wales 400–499 and 600–799) carry
/// no date. A bare 10-digit run in the CHI range with no valid DDMM is
/// more likely a timestamp or counter (`1600781454`) than an NHS number.
pub(super) fn chi_date_ok(d: &[u8]) -> bool {
    let first3 = val(d[0]) * 100 + val(d[1]) * 10 + val(d[2]);
    if !(10..=311).contains(&first3) {
        return true;
    }
    let dd = val(d[0]) * 10 + val(d[1]);
    let mm = val(d[2]) * 10 + val(d[3]);
    (1..=31).contains(&dd) && (1..=12).contains(&mm)
}

/// PESEL: weights 1 3 7 9 1 3 7 9 1 3, check (10 − sum mod 10) mod 10, and
/// YYMMDD a real date (the month carries the century: +80 1800s, +0 1900s,
/// +20 2000s, +40 2100s, +60 2200s).
pub(super) fn pesel(d: &[u8]) -> bool {
    const W: [u32; 10] = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
    let sum: u32 = d[..10].iter().zip(W).map(|(&c, w)| val(c) * w).sum();
    if (10 - sum % 10) % 10 != val(d[10]) {
        return false;
    }
    let yy = val(d[0]) * 10 + val(d[1]);
    let mm = val(d[2]) * 10 + val(d[3]);
    let dd = val(d[4]) * 10 + val(d[5]);
    let (century, m) = match mm {
        1..=12 => (1900, mm),
        21..=32 => (2000, mm - 20),
        41..=52 => (2100, mm - 40),
        61..=72 => (2200, mm - 60),
        81..=92 => (1800, mm - 80),
        _ => return false,
    };
    dd >= 1 && dd <= days_in_month(century + yy, m)
}

/// Steuerliche Identifikationsnummer: no leading zero; in the first ten
/// digits exactly one digit occurs twice or three times, and a tripled digit
/// never stands three in a row (two of its three may be adjacent), so one or
/// two digits are missing; check digit by ISO 7064 MOD 11,10 (ELSTER,
/// "Prüfung der Steuer- und Steueridentifikationsnummer", 2.2).
pub(super) fn de_tax_id(d: &[u8]) -> bool {
    if d[0] == b'0' {
        return false;
    }
    let mut counts = [0u8; 10];
    for &c in &d[..10] {
        counts[val(c) as usize] += 1;
    }
    let multi: Vec<u8> = counts.iter().copied().filter(|&n| n > 1).collect();
    let rep_ok = match multi.as_slice() {
        [2] => true,
        [3] => {
            // The tripled digit may not appear three times in a row.
            !d[..10].windows(3).any(|w| w[0] == w[1] && w[1] == w[2])
        }
        _ => false,
    };
    if !rep_ok {
        return false;
    }
    let mut product = 10u32;
    for &c in &d[..10] {
        let mut sum = (val(c) + product) % 10;
        if sum == 0 {
            sum = 10;
        }
        product = (sum * 2) % 11;
    }
    let check = (11 - product) % 10;
    check == val(d[10])
}

/// BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11), not all zeros.
pub(super) fn bsn(d: &[u8]) -> bool {
    let sum: i32 = d[..8]
        .iter()
        .zip((2..=9).rev())
        .map(|(&c, w)| val(c) as i32 * w)
        .sum::<i32>()
        - val(d[8]) as i32;
    sum % 11 == 0 && d.iter().any(|&c| c != b'0')
}

const DNI_LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

fn boundary(cx: &Cx, end: usize) -> bool {
    !is_word(cx.at(end))
}

/// Token starts with a digit: DNI (8 digits + letter) and NIR.
pub(super) fn digit_start(cx: &mut Cx, i: usize) {
    let b = cx.b;
    if cx.on(EntityType::EsNif) && b.len() >= i + 9 && b[i..i + 8].iter().all(u8::is_ascii_digit) {
        let (letter, end) = if b[i + 8] == b'-' {
            (cx.at(i + 9), i + 10)
        } else {
            (b[i + 8], i + 9)
        };
        let n = b[i..i + 8].iter().fold(0u32, |a, &c| a * 10 + val(c));
        if letter == DNI_LETTERS[(n % 23) as usize] && boundary(cx, end) {
            cx.push(EntityType::EsNif, i, end, 80, "es_nif.dni");
        }
    }
    if cx.on(EntityType::FrNir) && matches!(b[i], b'1' | b'2') {
        nir(cx, i);
    }
}

/// NIR: sex (1/2), YY, MM, department (2 digits or 2A/2B), commune (3),
/// order (3), key (2) = 97 − (number mod 97); for Corsica 2A → 19 and
/// 2B → 18 are subtracted as numbers per INSEE. Spaces allowed between
/// the parts. The department is read as 2 chars, the rest as digits.
fn nir(cx: &mut Cx, i: usize) {
    let parts = [1usize, 2, 2, 2, 3, 3, 2];
    let mut chars: Vec<u8> = Vec::with_capacity(15);
    let mut j = i;
    for (k, &len) in parts.iter().enumerate() {
        if k > 0 && cx.at(j) == b' ' {
            j += 1;
        }
        for _ in 0..len {
            let c = cx.at(j);
            let ok = c.is_ascii_digit()
                || (k == 3 && chars.len() == 6 && matches!(c, b'A' | b'B') && chars[5] == b'2');
            if !ok {
                return;
            }
            chars.push(c);
            j += 1;
        }
    }
    if !boundary(cx, j) || cx.b[j - 1] == b' ' {
        return;
    }
    let month = val(chars[3]) * 10 + val(chars[4]);
    if !(1..=12).contains(&month) && !(20..=42).contains(&month) && !(50..=99).contains(&month) {
        return;
    }
    let mut n: u64 = 0;
    for &c in &chars[..13] {
        let v = match c {
            b'A' | b'B' => 0,
            _ => u64::from(val(c)),
        };
        n = n * 10 + v;
    }
    match chars[6] {
        b'A' => n -= 1_000_000,
        b'B' => n -= 2_000_000,
        _ => {}
    }
    let key = u64::from(val(chars[13]) * 10 + val(chars[14]));
    if 97 - n % 97 == key {
        cx.push(EntityType::FrNir, i, j, 75, "fr_nir.key");
    }
}

/// Token starts with a letter: NIE and codice fiscale.
pub(super) fn letter_start(cx: &mut Cx, i: usize) {
    let b = cx.b;
    let c = b[i];
    if cx.on(EntityType::EsNif) && matches!(c, b'X' | b'Y' | b'Z') && b.len() >= i + 9 {
        let mut j = i + 1;
        if b[j] == b'-' {
            j += 1;
        }
        if b.len() >= j + 8 && b[j..j + 7].iter().all(u8::is_ascii_digit) {
            let mut end = j + 7;
            if b[end] == b'-' {
                end += 1;
            }
            let letter = cx.at(end);
            let n = u32::from(c - b'X') * 10_000_000
                + b[j..j + 7].iter().fold(0u32, |a, &d| a * 10 + val(d));
            if letter == DNI_LETTERS[(n % 23) as usize] && boundary(cx, end + 1) {
                cx.push(EntityType::EsNif, i, end + 1, 85, "es_nif.nie");
            }
        }
    }
    if cx.on(EntityType::ItFiscalCode)
        && c.is_ascii_uppercase()
        && b.len() >= i + 16
        && boundary(cx, i + 16)
    {
        let s = &b[i..i + 16];
        if fiscal_code(s) {
            cx.push(
                EntityType::ItFiscalCode,
                i,
                i + 16,
                95,
                "it_fiscal_code.check",
            );
        }
    }
}

/// Codice fiscale: 6 letters, YY, month letter, DD (+40 for women), a
/// 4-char municipality (letter + 3 digits), check letter. Omocodia replaces
/// digits at positions 7 8 10 11 13 14 15 with L M N P Q R S T U V.
fn fiscal_code(s: &[u8]) -> bool {
    const OMO: &[u8; 10] = b"LMNPQRSTUV";
    const ODD: [u32; 36] = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, // 0-9
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
        23, // A-Z
    ];
    let digitish = |c: u8| c.is_ascii_digit() || OMO.contains(&c);
    let letters = s[..6].iter().all(u8::is_ascii_uppercase)
        && s[8].is_ascii_uppercase()
        && s[11].is_ascii_uppercase();
    let digits = [6, 7, 9, 10, 12, 13, 14].iter().all(|&k| digitish(s[k]));
    if !letters || !digits || !s[15].is_ascii_uppercase() || !b"ABCDEHLMPRST".contains(&s[8]) {
        return false;
    }
    let dv = |c: u8| {
        if c.is_ascii_digit() {
            u32::from(c - b'0')
        } else {
            OMO.iter().position(|&o| o == c).unwrap_or(0) as u32
        }
    };
    let day = dv(s[9]) * 10 + dv(s[10]);
    if !(1..=31).contains(&day) && !(41..=71).contains(&day) {
        return false;
    }
    let mut sum = 0;
    for (k, &c) in s[..15].iter().enumerate() {
        let idx = if c.is_ascii_digit() {
            usize::from(c - b'0')
        } else {
            usize::from(c - b'A') + 10
        };
        sum += if k % 2 == 0 {
            ODD[idx]
        } else if c.is_ascii_digit() {
            u32::from(c - b'0')
        } else {
            u32::from(c - b'A')
        };
    }
    s[15] == b'A' + (sum % 26) as u8
}
