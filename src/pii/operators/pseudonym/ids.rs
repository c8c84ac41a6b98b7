//! Identifiers with a check digit or a structure: SSN, IP, national IDs,
//! dates of birth. Each generator draws a plausible body and appends the
//! check digit from `crate::checks`, the same code that validates and
//! recognizes the real numbers.

use super::super::date_shift::{shift_in, ParsedDate};
use super::{differing, relayout, Drbg};
use crate::checks::{bsn, de_tax_id, es_nif, fr_nir, it_fiscal_code, luhn, nhs, pesel};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

/// `value` with its ASCII digits replaced, in order, by `digits` (letters
/// and separators kept). `None` unless `value` has exactly `n` digits and
/// otherwise only characters in `allowed`.
fn digits_of(value: &str, n: usize, allowed: &[u8]) -> Option<Vec<u8>> {
    if !value
        .bytes()
        .all(|b| b.is_ascii_digit() || allowed.contains(&b))
    {
        return None;
    }
    let d: Vec<u8> = value.bytes().filter(u8::is_ascii_digit).collect();
    (d.len() == n).then_some(d)
}

fn push_number(d: &mut Vec<u8>, n: u32, width: usize) {
    d.extend_from_slice(format!("{n:0width$}").as_bytes());
}

pub(super) fn ssn(value: &str, g: &mut Drbg) -> Option<String> {
    digits_of(value, 9, b"- .")?;
    differing(value, g, |g| {
        let area = loop {
            let a = g.range(1, 899);
            if a != 666 {
                break a;
            }
        };
        let mut d = Vec::with_capacity(9);
        push_number(&mut d, area, 3);
        push_number(&mut d, g.range(1, 99), 2);
        push_number(&mut d, g.range(1, 9999), 4);
        Some(relayout(value, &d, char::is_ascii_digit))
    })
}

pub(super) fn ip(value: &str, g: &mut Drbg) -> Option<String> {
    match value.trim().parse::<IpAddr>().ok()? {
        IpAddr::V4(_) => {
            let [x, y] = [g.below(256) as u8, g.below(256) as u8];
            Some(Ipv4Addr::new(10, x, y, g.range(1, 254) as u8).to_string())
        }
        IpAddr::V6(_) => {
            let mut s = [0u16; 8];
            s[0] = 0x2001;
            s[1] = 0x0db8;
            for seg in &mut s[2..] {
                *seg = g.below(65_536) as u16;
            }
            Some(Ipv6Addr::from(s).to_string())
        }
    }
}

pub(super) fn date_of_birth(value: &str, g: &mut Drbg) -> Option<String> {
    let date = ParsedDate::parse(value, true)?;
    let n = u64::from(g.next_u32());
    date.shifted(shift_in(n, 365))
}

pub(super) fn nhs(value: &str, g: &mut Drbg) -> Option<String> {
    digits_of(value, 10, b" -")?;
    differing(value, g, |g| loop {
        let mut d = vec![b'0' + g.range(1, 9) as u8];
        while d.len() < 9 {
            d.push(g.digit());
        }
        if let Some(c) = nhs::check_digit(&d) {
            d.push(c);
            return Some(relayout(value, &d, char::is_ascii_digit));
        }
    })
}

pub(super) fn bsn(value: &str, g: &mut Drbg) -> Option<String> {
    digits_of(value, 9, b" -.")?;
    differing(value, g, |g| loop {
        let mut d = vec![b'0' + g.range(1, 9) as u8];
        while d.len() < 8 {
            d.push(g.digit());
        }
        if let Some(c) = bsn::check_digit(&d) {
            d.push(c);
            return Some(relayout(value, &d, char::is_ascii_digit));
        }
    })
}

/// Spanish DNI (8 digits + letter, or 7 with the leading zero left out)
/// or NIE (X/Y/Z + 7 digits + letter) with the check letter of
/// [`es_nif::check_letter`], in the input's case.
pub(super) fn nif(value: &str, g: &mut Drbg) -> Option<String> {
    let chars: Vec<u8> = value.bytes().filter(u8::is_ascii_alphanumeric).collect();
    if !value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b' ')
        || !(8..=9).contains(&chars.len())
    {
        return None;
    }
    let (&last, head) = chars.split_last()?;
    let nie = chars.len() == 9 && matches!(head[0].to_ascii_uppercase(), b'X' | b'Y' | b'Z');
    let body = if nie { &head[1..] } else { head };
    if !body.iter().all(u8::is_ascii_digit) || !last.is_ascii_alphabetic() {
        return None;
    }
    let lower = last.is_ascii_lowercase();
    differing(value, g, |g| {
        // The check letter is computed over 8 characters; a short DNI is
        // one below 10 000 000 written without its leading zero.
        let short = !nie && head.len() == 7;
        let mut out = Vec::with_capacity(9);
        if nie {
            out.push(head[0]);
        } else if short {
            out.push(b'0');
        }
        while out.len() < 8 {
            out.push(g.digit());
        }
        let letter = es_nif::check_letter(&out)?;
        out.push(if lower {
            letter.to_ascii_lowercase()
        } else {
            letter
        });
        let shown = if short { &out[1..] } else { &out[..] };
        Some(relayout(value, shown, char::is_ascii_alphanumeric))
    })
}

pub(super) fn pesel(value: &str, g: &mut Drbg) -> Option<String> {
    let orig = digits_of(value, 11, b" -")?;
    let month_code = u32::from(orig[2] - b'0') * 10 + u32::from(orig[3] - b'0');
    let century = (month_code / 20).min(4) * 20;
    differing(value, g, |g| {
        let mut d = Vec::with_capacity(11);
        push_number(&mut d, g.below(100), 2);
        push_number(&mut d, century + g.range(1, 12), 2);
        push_number(&mut d, g.range(1, 28), 2);
        push_number(&mut d, g.below(10_000), 4);
        d.push(pesel::check_digit(&d)?);
        Some(relayout(value, &d, char::is_ascii_digit))
    })
}

/// French NIR: sex (kept), YY, MM 01–12, département 01–95 (not 20, whose
/// numbers use 2A/2B), commune 001–990, order 001–999, then the key
/// ([`fr_nir::key`]). Numeric NIRs only (15 digits).
pub(super) fn fr_nir(value: &str, g: &mut Drbg) -> Option<String> {
    let orig = digits_of(value, 15, b" -.")?;
    if !matches!(orig[0], b'1' | b'2') {
        return None;
    }
    differing(value, g, |g| {
        let mut d = vec![orig[0]];
        push_number(&mut d, g.below(100), 2);
        push_number(&mut d, g.range(1, 12), 2);
        let dept = loop {
            let x = g.range(1, 95);
            if x != 20 {
                break x;
            }
        };
        push_number(&mut d, dept, 2);
        push_number(&mut d, g.range(1, 990), 3);
        push_number(&mut d, g.range(1, 999), 3);
        d.extend_from_slice(&fr_nir::key(&d)?);
        Some(relayout(value, &d, char::is_ascii_digit))
    })
}

/// Italian codice fiscale (16 characters, the standard layout without
/// omocodia letters): six letters, year, month letter, day (+40 kept for
/// women), a municipality code (letter + 3 digits), the check letter. The
/// 11-digit numeric code (companies, = partita IVA): a serial, an office
/// code 001–100 and the Luhn digit ([`it_fiscal_code::numeric_is_valid`]).
pub(super) fn it_fiscal(value: &str, g: &mut Drbg) -> Option<String> {
    if digits_of(value, 11, b" ").is_some() {
        return differing(value, g, |g| {
            let mut d = Vec::with_capacity(11);
            push_number(&mut d, g.range(1, 9_999_999), 7);
            push_number(&mut d, g.range(1, 100), 3);
            d.push(luhn::check_digit(&d)?);
            Some(relayout(value, &d, char::is_ascii_digit))
        });
    }
    let b = value.as_bytes();
    let pattern = b"AAAAAA99A99A999A";
    if b.len() != 16
        || !b.iter().zip(pattern).all(|(c, p)| match p {
            b'9' => c.is_ascii_digit(),
            _ => c.is_ascii_alphabetic(),
        })
    {
        return None;
    }
    let lower = b.iter().any(u8::is_ascii_lowercase);
    let woman = b[9] >= b'4';
    differing(value, g, |g| {
        let mut out = Vec::with_capacity(16);
        for _ in 0..6 {
            out.push(b'A' + g.below(26) as u8);
        }
        push_number(&mut out, g.below(100), 2);
        out.push(*g.pick(it_fiscal_code::MONTH_LETTERS));
        push_number(&mut out, g.range(1, 28) + if woman { 40 } else { 0 }, 2);
        out.push(b'A' + g.below(26) as u8);
        push_number(&mut out, g.range(1, 999), 3);
        out.push(it_fiscal_code::check_letter(&out)?);
        let s = String::from_utf8(out).ok()?;
        Some(if lower { s.to_ascii_lowercase() } else { s })
    })
}

/// Fisher–Yates with the keyed stream, so every runtime shuffles alike.
fn shuffle(items: &mut [u8], g: &mut Drbg) {
    for i in (1..items.len()).rev() {
        items.swap(i, g.below(i as u32 + 1) as usize);
    }
}

/// German Steuer-ID (11 digits; any whitespace, `-`, `.`, `/` kept where
/// they were). The first ten digits are built valid rather than drawn and
/// filtered (random digits pass the repetition rule about 2 % of the
/// time): one digit twice or three times, the others distinct, shuffled;
/// redrawn if the first digit is 0 (`0…` are test IDs) or a tripled digit
/// stands three in a row ([`de_tax_id::body_ok`]). Then the MOD 11,10
/// check digit.
pub(super) fn de_tax_id(value: &str, g: &mut Drbg) -> Option<String> {
    let separators_only = value
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_whitespace() || matches!(c, '-' | '.' | '/'));
    if !separators_only || value.bytes().filter(u8::is_ascii_digit).count() != 11 {
        return None;
    }
    differing(value, g, |g| loop {
        let mut pool = *b"0123456789";
        shuffle(&mut pool, g);
        let times = 2 + g.below(2) as usize;
        let mut d = vec![pool[0]; times];
        d.extend_from_slice(&pool[1..11 - times]);
        shuffle(&mut d, g);
        if de_tax_id::body_ok(&d) {
            d.push(de_tax_id::check_digit(&d)?);
            return Some(relayout(value, &d, char::is_ascii_digit));
        }
    })
}
