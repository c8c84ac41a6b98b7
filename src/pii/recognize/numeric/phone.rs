//! Phone numbers in a parsed digit run (see [`numeric`](super::numeric)):
//! `+CC …` / `00CC …` / `011 CC …` international numbers, NANP layouts,
//! national layouts and bare digit runs, all judged by libphonenumber's
//! per-region metadata ([`phonemeta`]).
//!
//! # National numbers (written without `+`)
//!
//! Such a number can belong to several regions (`030 1234567` is valid in
//! Germany and, as written, in Italy), and text rarely says which. So it is
//! a candidate when it is valid in *any* region of libphonenumber's
//! metadata (5 digits or more, not starting with the access prefix `00`);
//! how it is written, and a phone word or field name near it, set the
//! score:
//!
//! * **dialled** (55): it starts with the national (trunk) prefix of a
//!   region where the rest is valid (`0 30 …` in DE, `8 (495) …` in RU,
//!   `1-800-…` in the NANP; a prefix other than `0` written as a block of
//!   its own), or with a `0` that belongs to the number in a region
//!   without trunk prefix where it is valid (Italy). Found without a
//!   phone word.
//! * **home** (45): valid as written, without prefix, in a region of the
//!   seven pseudonym locales whose numbers are written so: Spain, Italy,
//!   Poland (no trunk prefix) and 10-digit NANP numbers. Needs a phone word.
//! * **any** (30): valid in some other region as written. Needs a phone
//!   word or a phone field name.
//!
//! Written in at least two blocks (or with a parenthesized area code) the
//! finding is `phone.national`; an area code in parentheses (`(11)
//! 2345-6789`, `(0118) 4960323`) is a phone layout, so such a number
//! scores at least 50; a single block of 5–12 digits is `phone.digits`
//! and scores 30 whatever region it fits (bare digit runs are as often
//! order or customer numbers; longer ones are identifiers). A number of 11 or more digits in three or
//! more blocks whose first block is a calling code and whose rest is valid
//! for it (`91-415-555-0132`, the `+` left out) is `phone.international`
//! at 50.
//!
//! Layouts that are something else are not phone numbers even when the
//! digits fit: dates (`03-12-1985`, `1985.03.12`), dotted quads (IPv4),
//! dotted thousands (`1.234.567`), the SSN layout `AAA-GG-SSSS`.
//!
//! # Extensions
//!
//! An extension after the number (`x1276`, `ext. 12`, `extension 5`, `#12`,
//! `Durchwahl 12`, `poste 12`, `int. 12`, `wew. 12`, `tst. 12`, 1–6
//! digits) is part of the finding: an anonymized number must not leave its
//! extension in clear, and the extension alone identifies a person in a
//! company directory.

use super::super::{context, is_word, Cx, EntityType};
use super::Run;
use crate::checks::phonemeta;

/// `+CC …`, or `00CC …` / `011 CC …` with `skip` the access code digits.
///
/// The calling code and the national significant number are checked
/// against libphonenumber's per-region metadata ([`phonemeta`]): a number
/// valid for one of the code's regions scores 75; one of a possible
/// length but with a prefix the metadata does not list (numbering plans
/// change: it may be a newly opened range) scores 55, so it needs a phone
/// word (and at least 8 digits); any other length is not a phone number.
#[inline(never)]
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
    let base = if phonemeta::valid_international(cc, nsn) {
        75
    } else if d.len() >= 8 && phonemeta::for_code(cc).any(|r| r.lengths() >> nsn.len() & 1 == 1) {
        55
    } else {
        return;
    };
    let c = cx.has_context(EntityType::PhoneNumber, run.start, run.end);
    push(cx, run, base, c, "phone.international");
}

/// Record a phone finding over the run and its extension, with the
/// context bonus when `context` (a phone word around the number itself,
/// so a word of the extension counts: `030 1234567 Durchwahl 12`).
fn push(cx: &mut Cx, run: &Run, base: u8, context: bool, rec: &'static str) {
    let t = EntityType::PhoneNumber;
    let score = if context {
        base.saturating_add(context::bonus(t)).min(100)
    } else {
        base
    };
    cx.push_scored(t, run.start, run.ext_end, score, rec);
}

/// How a national number is written (see the module docs), weakest first.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Fit {
    Any,
    Home,
    Dialled,
}

/// The best [`Fit`] of the digits over every region, `None` if no region's
/// plan has them. `first`: the digits of the first block. A trunk prefix
/// other than `0` (`1` in the NANP, `8` in Russia, `06` in Hungary) is
/// written as a block of its own (`8 (495) …`, `1-800-…`, `(06 1) …`);
/// glued to the area code (`822 573 1256`) it is read as written.
fn national_fit(d: &[u8], first: usize) -> Option<Fit> {
    // Digits that start with no trunk prefix and no `0` are read as
    // written everywhere: home if one of the home regions has them, else
    // any, as soon as one region has them.
    if !phonemeta::starts_dialled(d) {
        let home = |id: &str| phonemeta::region(id).is_some_and(|r| r.valid(d));
        if home("ES") || home("IT") || home("PL") || (d.len() == 10 && (home("US") || home("CA"))) {
            return Some(Fit::Home);
        }
        return phonemeta::national(d).next().map(|_| Fit::Any);
    }
    let mut best = None;
    for (r, trunk) in phonemeta::national(d) {
        let np = r.trunk();
        if trunk && np != b"0" && np.len() != first {
            if r.valid(d) {
                best = best.max(Some(Fit::Any));
            }
            continue;
        }
        let fit = if trunk || (d[0] == b'0' && np.is_empty()) {
            Fit::Dialled
        } else if matches!(r.id(), "ES" | "IT" | "PL")
            || (r.code() == 1 && d.len() == 10 && matches!(r.id(), "US" | "CA"))
        {
            Fit::Home
        } else {
            Fit::Any
        };
        if fit == Fit::Dialled {
            return Some(fit);
        }
        best = best.max(Some(fit));
    }
    best
}

/// Is the layout one that other things than phone numbers have: a date
/// (`03-12-1985`, `1985.03.12`, `12/03/1985`), a dotted quad, dotted
/// thousands (`1.234.567`), separators a phone number is not written with?
fn other_layout(run: &Run) -> bool {
    let n = run.groups.len();
    let len = |k: usize| run.groups[k].1 - run.groups[k].0;
    let seps = &run.seps;
    // `/` only after the area code (`030/1234567`, `0 30/…` is not).
    if seps.iter().skip(1).any(|&s| s == b'/') {
        return true;
    }
    // Dotted phone numbers have three or more blocks (`603.442.3667`,
    // `01.42.68.53.00`); `060.02` is a decimal.
    let dots = seps.contains(&b'.');
    if dots && (seps.iter().any(|&s| s != b'.') || n < 3) {
        return true;
    }
    if n == 3 && seps[0] == seps[1] && seps[0] != b' ' {
        let (a, b, c) = (len(0), len(1), len(2));
        if (a <= 2 && b <= 2 && c == 4) || (a == 4 && b <= 2 && c <= 2) {
            return true;
        }
    }
    if dots {
        // `192.168.0.1`, `1.234.567`; a version has groups of one digit.
        let quad = n == 4 && run.lens().all(|l| l <= 3);
        let thousands = len(0) <= 3 && run.lens().skip(1).all(|l| l == 3);
        if quad || thousands || run.lens().any(|l| l == 1) {
            return true;
        }
    }
    // `AAA-GG-SSSS` is the SSN layout, also when the SSN is invalid.
    run.shape(&[3, 2, 4]) && run.uniform(b"-").is_some()
}

#[inline(never)]
pub(super) fn national(cx: &mut Cx, run: &Run) {
    let d = &run.digits;
    if !cx.on(EntityType::PhoneNumber) || d.len() < 5 || d.len() > phonemeta::MAX_NSN + 2 {
        return;
    }
    // `00` is the international access prefix (`00 49 …` is read by
    // [`international`]); no national number starts with it.
    if d.starts_with(b"00") {
        return;
    }
    let blocks = run.groups.len() > 1 || run.parens;
    if (blocks && other_layout(run)) || inside_other(cx, run.start) {
        return;
    }
    // The context words are looked up once, and only where they decide.
    let mut memo = None;
    // NANP numbers are written NPA-NXX-XXXX (or with dots); the same
    // digits in space-separated blocks are as often a reference number,
    // so that form needs a phone word (45 + 20).
    let nanp = d.len() == 10 && run.shape(&[3, 3, 4]) && phonemeta::valid_international(1, d);
    if nanp && run.parens && matches!(run.seps.get(1), Some(b'-' | b' ' | b'.')) {
        let c = context(cx, run, &mut memo);
        push(cx, run, 70, c, "phone.nanp");
        return;
    }
    if nanp && !run.parens {
        if let Some(sep) = run.uniform(b"-. ") {
            let base = if sep == b' ' { 45 } else { 55 };
            let c = context(cx, run, &mut memo);
            push(cx, run, base, c, "phone.nanp");
            return;
        }
    }
    // The `+` left out: `91-415-555-0132`. At least 11 digits: shorter
    // runs are national numbers as often (`238 333 9217` is a valid
    // number of Cape Verde, +238, and a NANP layout).
    if run.groups.len() >= 3 && d.len() >= 11 && !run.parens && d[0] != b'0' {
        let (s, e) = run.groups[0];
        if let Some((cc, n)) = phonemeta::code_at(d) {
            if n == e - s && cc != 1 && phonemeta::valid_international(cc, &d[n..]) {
                let c = context(cx, run, &mut memo);
                push(cx, run, 50, c, "phone.international");
                return;
            }
        }
    }
    // The best score the metadata can give this layout. When even the
    // context bonus cannot lift it to the minimum, or no region can have
    // the digits (a look at their first two digits and length), the
    // regions are not walked; nor when it needs a phone word and there is
    // none (the word lookup is the cheaper of the two).
    let best = if !blocks {
        30
    } else if phonemeta::starts_dialled(d) {
        55
    } else if run.parens {
        50
    } else {
        45
    };
    let (min, bonus) = (
        cx.recognizer.min_score,
        context::bonus(EntityType::PhoneNumber),
    );
    // One block of more than 12 digits is an identifier (card, IMEI, NIR),
    // whatever plan it fits.
    let long_bare = !blocks && d.len() > 12;
    if long_bare || best + bonus < min || !phonemeta::may_be_national(d) {
        return;
    }
    if best < min && !context(cx, run, &mut memo) {
        return;
    }
    let (s, e) = run.groups[0];
    let Some(fit) = national_fit(d, e - s) else {
        return;
    };
    let base = match fit {
        _ if !blocks => 30,
        Fit::Dialled => 55,
        // An area code in parentheses is written only in phone numbers.
        _ if run.parens => 50,
        Fit::Home => 45,
        Fit::Any => 30,
    };
    if base + bonus < min {
        return;
    }
    let c = context(cx, run, &mut memo);
    let rec = if blocks {
        "phone.national"
    } else {
        "phone.digits"
    };
    push(cx, run, base, c, rec);
}

/// Is a phone word near the number (not its extension)? Looked up once.
fn context(cx: &Cx, run: &Run, memo: &mut Option<bool>) -> bool {
    *memo.get_or_insert_with(|| cx.has_context(EntityType::PhoneNumber, run.start, run.end))
}

/// Is a national candidate at `start` the tail of something else: the
/// decimals of an amount (`€68,060.02`: a digit and `,` or `.` before), or
/// a block of a printed code whose previous block mixes letters and digits
/// (`IT09 G475 0420 7019 …`, an IBAN with a wrong check)?
fn inside_other(cx: &Cx, start: usize) -> bool {
    if start >= 2 && matches!(cx.at(start - 1), b',' | b'.') && cx.at(start - 2).is_ascii_digit() {
        return true;
    }
    if start < 2 || cx.at(start - 1) != b' ' {
        return false;
    }
    let mut k = start - 1;
    let (mut letter, mut digit) = (false, false);
    while k > 0 && cx.at(k - 1).is_ascii_alphanumeric() {
        k -= 1;
        letter |= cx.at(k).is_ascii_alphabetic();
        digit |= cx.at(k).is_ascii_digit();
    }
    letter && digit
}

/// Extension markers (lowercase), longest first where one starts another.
const EXT_MARKERS: &[&[u8]] = &[
    b"extension",
    b"extn",
    b"ext",
    b"x",
    b"#",
    b"durchwahl",
    b"dw",
    b"poste",
    b"anexo",
    b"interno",
    b"int",
    b"wew",
    b"toestel",
    b"tst",
];

/// The end of an extension written right after a number ending at `end`:
/// an optional space, a marker (`x`, `ext`, `ext.`, `extension`, `#`,
/// `Durchwahl`, `poste`, `int.`, …; any case), an optional `.` or `:`, an
/// optional space, 1–6 digits, then no letter or digit.
#[inline(never)]
pub(super) fn extension_end(cx: &Cx, end: usize) -> Option<usize> {
    let mut i = end;
    if cx.at(i) == b' ' {
        i += 1;
    }
    // Every digit run gets here: first a test of the first byte.
    if !matches!(
        cx.at(i) | 0x20,
        b'x' | b'e' | b'#' | b'd' | b'p' | b'a' | b'i' | b'w' | b't'
    ) {
        return None;
    }
    let rest = cx.b.get(i..)?;
    let m = EXT_MARKERS.iter().find(|m| {
        rest.len() > m.len()
            && rest[..m.len()].eq_ignore_ascii_case(m)
            && !cx.at(i + m.len()).is_ascii_alphabetic()
    })?;
    i += m.len();
    if matches!(cx.at(i), b'.' | b':') {
        i += 1;
    }
    if cx.at(i) == b' ' {
        i += 1;
    }
    let digits = i;
    while cx.at(i).is_ascii_digit() && i - digits < 7 {
        i += 1;
    }
    (i > digits && i - digits <= 6 && !is_word(cx.at(i))).then_some(i)
}
