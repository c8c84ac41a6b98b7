//! Card numbers (Luhn) and IBANs (mod 97-10): random bodies completed with
//! the check digits of `crate::checks`.

use super::{differing, relayout, Drbg};
use crate::checks::{iban, luhn};

/// How many leading digits fix the brand (the IIN ranges of
/// `validate::card`); 1 when no brand matches.
fn brand_prefix(d: &[u8]) -> usize {
    let p = |n: usize| {
        d.iter()
            .take(n)
            .fold(0u32, |a, c| a * 10 + u32::from(c - b'0'))
    };
    let (p2, p3, p4) = (p(2), p(3), p(4));
    match () {
        _ if p2 == 34 || p2 == 37 => 2,
        _ if d[0] == b'4' => 1,
        _ if (51..=55).contains(&p2) => 2,
        _ if (2221..=2720).contains(&p4)
            || p4 == 6011
            || (3528..=3589).contains(&p4)
            || p4 == 3095 =>
        {
            4
        }
        _ if (644..=649).contains(&p3) || (300..=305).contains(&p3) || p3 == 639 => 3,
        _ if matches!(p2, 65 | 36 | 38 | 39 | 62 | 81 | 50 | 56..=58 | 67) => 2,
        _ => 1,
    }
}

pub(super) fn fake(value: &str, g: &mut Drbg) -> Option<String> {
    if !value
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b' ' || b == b'-')
    {
        return None;
    }
    let digits: Vec<u8> = value.bytes().filter(u8::is_ascii_digit).collect();
    if !(12..=19).contains(&digits.len()) {
        return None;
    }
    let keep = brand_prefix(&digits);
    differing(value, g, |g| {
        let mut d = digits[..keep].to_vec();
        while d.len() < digits.len() - 1 {
            d.push(g.digit());
        }
        d.push(luhn::check_digit(&d)?);
        Some(relayout(value, &d, char::is_ascii_alphanumeric))
    })
}

pub(super) fn fake_iban(value: &str, g: &mut Drbg) -> Option<String> {
    if !value
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b' ')
    {
        return None;
    }
    let chars: Vec<u8> = value.bytes().filter(u8::is_ascii_alphanumeric).collect();
    if !(5..=34).contains(&chars.len())
        || !chars[..2].iter().all(u8::is_ascii_alphabetic)
        || !chars[2..4].iter().all(u8::is_ascii_digit)
    {
        return None;
    }
    differing(value, g, |g| {
        let mut s = chars[..2].to_vec();
        s.extend_from_slice(b"00");
        for &c in &chars[4..] {
            s.push(match c {
                b'0'..=b'9' => g.digit(),
                b'A'..=b'Z' => b'A' + g.below(26) as u8,
                _ => b'a' + g.below(26) as u8,
            });
        }
        // National check digits inside the BBAN (Spain's CCC) first:
        // the IBAN check digits cover them.
        iban::fix_national(&mut s);
        let check = iban::check_digits(&s[..2], &s[4..])?;
        s[2..4].copy_from_slice(&check);
        Some(relayout(value, &s, char::is_ascii_alphanumeric))
    })
}
