//! Phone numbers in a parsed digit run (see [`numeric`](super::numeric)):
//! `+CC …` / `00CC …` / `011 CC …` international numbers, NANP layouts,
//! national layouts and bare digit runs.

use super::numeric::Run;
use super::{Cx, EntityType};
use crate::pii::phonemeta;

/// `+CC …`, or `00CC …` / `011 CC …` with `skip` the access code digits.
///
/// The calling code and the national significant number are checked
/// against libphonenumber's per-region metadata ([`phonemeta`]): a number
/// valid for one of the code's regions scores 75; one of a possible
/// length but with a prefix the metadata does not list (numbering plans
/// change: it may be a newly opened range) scores 55, so it needs a phone
/// word (and at least 8 digits); any other length is not a phone number.
pub(super) fn international(cx: &mut Cx, run: &Run, skip: usize) {
    let Some(d) = run.digits.get(skip..) else {
        return;
    };
    if !cx.on(EntityType::PhoneNumber) || !(6..=3 + phonemeta::MAX_NSN).contains(&d.len()) {
        return;
    }
    if run.seps.contains(&b'/') {
        return;
    }
    // Calling codes start with 1–9.
    if d.first() == Some(&b'0') {
        return;
    }
    let Some((cc, n)) = phonemeta::code_at(d) else {
        return;
    };
    let nsn = &d[n..];
    let base = if phonemeta::international(cc, nsn).is_some() {
        75
    } else if d.len() >= 8 && phonemeta::for_code(cc).any(|r| r.lengths() >> nsn.len() & 1 == 1) {
        55
    } else {
        return;
    };
    cx.push(
        EntityType::PhoneNumber,
        run.start,
        run.end,
        base,
        "phone.international",
    );
}

pub(super) fn national(cx: &mut Cx, run: &Run) {
    let d = &run.digits;
    if !cx.on(EntityType::PhoneNumber) {
        return;
    }
    let nanp = d.len() == 10 && d[0] >= b'2' && d[3] >= b'2';
    if run.parens {
        if nanp && run.shape(&[3, 3, 4]) && matches!(run.seps.get(1), Some(b'-' | b' ' | b'.')) {
            cx.push(
                EntityType::PhoneNumber,
                run.start,
                run.end,
                70,
                "phone.nanp",
            );
        }
        return;
    }
    // NANP numbers are written NPA-NXX-XXXX (or with dots); the same
    // digits in space-separated blocks are as often a reference number,
    // so that form needs a phone word (45 + 20).
    if nanp && run.shape(&[3, 3, 4]) {
        if let Some(sep) = run.uniform(b"-. ") {
            let base = if sep == b' ' { 45 } else { 55 };
            cx.push(
                EntityType::PhoneNumber,
                run.start,
                run.end,
                base,
                "phone.nanp",
            );
            return;
        }
    }
    // National numbers in blocks (`030 72976824`, `0151 64153817`,
    // `919 712 302`, `22 063 22 09`): 9–11 digits (national significant
    // numbers in Europe), plus one for a trunk prefix, an area block of
    // 2–5 digits. A trunk prefix `0` (then a non-zero digit: `00` is the
    // international prefix) marks a dialled number; without one (Spain,
    // Poland, Italian mobiles have none) a phone word is needed.
    let trunk = d[0] == b'0' && d.get(1).is_some_and(|&c| c != b'0');
    // `AAA-GG-SSSS` is the SSN layout, also when the SSN is invalid.
    let ssn_layout = run.shape(&[3, 2, 4]) && run.uniform(b"-").is_some();
    // 12 digits only as trunk + area + one subscriber block (`0151
    // 64153817`); `0815 4711 0815` is a reference number.
    let len_ok = (9..=11).contains(&d.len()) || (d.len() == 12 && trunk && run.groups.len() == 2);
    let mut lens = run.lens();
    if !ssn_layout
        && len_ok
        && run.groups.len() >= 2
        && run.uniform(b" -.").is_some()
        && lens.next().is_some_and(|l| (2..=5).contains(&l))
        && lens.all(|l| (2..=8).contains(&l))
    {
        let base = if trunk { 55 } else { 45 };
        cx.push(
            EntityType::PhoneNumber,
            run.start,
            run.end,
            base,
            "phone.national",
        );
        return;
    }
    if run.groups.len() == 1 && (10..=11).contains(&d.len()) {
        cx.push(
            EntityType::PhoneNumber,
            run.start,
            run.end,
            30,
            "phone.digits",
        );
    }
}
