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

/// Token starts with a digit: DNI (8 digits + letter) and NIR.
pub(super) fn digit_start(cx: &mut Cx, i: usize) {
    let b = cx.b;
    if cx.on(EntityType::EsNif) && b.len() >= i + 9 && b[i..i + 8].iter().all(u8::is_ascii_digit) {
        let (letter, end) = if b[i + 8] == b'-' {
            (cx.at(i + 9), i + 10)
        } else {
            (b[i + 8], i + 9)
        };
        if Some(letter) == es_nif::check_letter(&b[i..i + 8]) && boundary(cx, end) {
            cx.push(EntityType::EsNif, i, end, 80, "es_nif.dni");
        }
    }
    if cx.on(EntityType::FrNir) && matches!(b[i], b'1' | b'2') {
        nir(cx, i);
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
            let mut body = [c; 8];
            body[1..].copy_from_slice(&b[j..j + 7]);
            if Some(letter) == es_nif::check_letter(&body) && boundary(cx, end + 1) {
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
