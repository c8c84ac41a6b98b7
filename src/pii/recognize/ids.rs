//! National identifiers that mix digits and letters or have their own
//! layout (DNI, NIE, codice fiscale, NIR with Corsican 2A/2B): each parses
//! itself at a token start. The all-digit ones (NHS, PESEL, Steuer-ID,
//! BSN) are read by the digit-run parser in `numeric.rs`; every check
//! digit comes from `crate::checks`.

use super::{is_word, Cx, EntityType};
use crate::checks::{es_nif, fr_nir, it_fiscal_code};

fn boundary(cx: &Cx, end: usize) -> bool {
    !is_word(cx.at(end))
}

/// Token starts with a digit: DNI and NIR.
pub(super) fn digit_start(cx: &mut Cx, i: usize) {
    if cx.on(EntityType::EsNif) {
        dni(cx, i);
    }
    if cx.on(EntityType::FrNir) && matches!(cx.b[i], b'1' | b'2') {
        nir(cx, i);
    }
}

/// The score of a DNI/NIE whose check letter matched: 80 (DNI) / 85
/// (NIE) as printed on the card, in capitals; 20 less written in lower
/// case (`x9613851n`, `12345678z`) and 20 less for a DNI of 7 digits (the
/// leading zero of a number below 10 000 000 left out, `1111111-G`).
fn nif_score(base: u8, lower: bool, short: bool) -> u8 {
    base - if lower { 20 } else { 0 } - if short { 20 } else { 0 }
}

/// DNI: 8 digits (or 7, the leading zero left out), an optional `-`, the
/// check letter in either case ([`es_nif::check_letter`]).
fn dni(cx: &mut Cx, i: usize) {
    let b = cx.b;
    let mut j = i;
    while j < b.len() && j - i < 9 && b[j].is_ascii_digit() {
        j += 1;
    }
    let n = j - i;
    if !(7..=8).contains(&n) {
        return;
    }
    let (letter, end) = if cx.at(j) == b'-' {
        (cx.at(j + 1), j + 2)
    } else {
        (cx.at(j), j + 1)
    };
    if !letter.is_ascii_alphabetic() || !boundary(cx, end) {
        return;
    }
    let mut body = [b'0'; 8];
    body[8 - n..].copy_from_slice(&b[i..j]);
    if Some(letter.to_ascii_uppercase()) == es_nif::check_letter(&body) {
        let score = nif_score(80, letter.is_ascii_lowercase(), n == 7);
        cx.push(EntityType::EsNif, i, end, score, "es_nif.dni");
    }
}

/// NIR: sex (1/2), YY, MM, department (2 digits or 2A/2B), commune (3),
/// order (3), key (2, [`fr_nir::key`]). Spaces allowed between the parts.
/// The department is read as 2 chars, the rest as digits.
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
    let month = u32::from(chars[3] - b'0') * 10 + u32::from(chars[4] - b'0');
    if !(1..=12).contains(&month) && !(20..=42).contains(&month) && !(50..=99).contains(&month) {
        return;
    }
    if fr_nir::key(&chars[..13]).is_some_and(|key| chars[13..] == key) {
        cx.push(EntityType::FrNir, i, j, 75, "fr_nir.key");
    }
}

/// Token starts with a letter: NIE and codice fiscale.
pub(super) fn letter_start(cx: &mut Cx, i: usize) {
    let b = cx.b;
    let c = b[i];
    if cx.on(EntityType::EsNif) && matches!(c, b'X' | b'Y' | b'Z' | b'x' | b'y' | b'z') {
        nie(cx, i);
    }
    if cx.on(EntityType::ItFiscalCode)
        && c.is_ascii_uppercase()
        && b.len() >= i + 16
        && boundary(cx, i + 16)
    {
        let s = &b[i..i + 16];
        if it_fiscal_code::is_valid(s) {
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

/// NIE: X/Y/Z, 7 digits, the check letter, either case, with an
/// optional `-` after the first letter and before the last
/// (`X-5253868-R`, `x-2482300w`).
fn nie(cx: &mut Cx, i: usize) {
    let b = cx.b;
    let mut j = i + 1;
    if cx.at(j) == b'-' {
        j += 1;
    }
    if b.len() < j + 8 || !b[j..j + 7].iter().all(u8::is_ascii_digit) {
        return;
    }
    let mut end = j + 7;
    if b[end] == b'-' {
        end += 1;
    }
    let letter = cx.at(end);
    let mut body = [b[i]; 8];
    body[1..].copy_from_slice(&b[j..j + 7]);
    if letter.is_ascii_alphabetic()
        && Some(letter.to_ascii_uppercase()) == es_nif::check_letter(&body)
        && boundary(cx, end + 1)
    {
        let lower = b[i].is_ascii_lowercase() || letter.is_ascii_lowercase();
        cx.push(
            EntityType::EsNif,
            i,
            end + 1,
            nif_score(85, lower, false),
            "es_nif.nie",
        );
    }
}
