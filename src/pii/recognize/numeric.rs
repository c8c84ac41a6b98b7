//! Digit runs: one parse of a run of digit groups (with single separators
//! `space - . /`, an optional leading `+` and one `(ddd)` group), then every
//! numeric recognizer looks at the same parsed run.
//!
//! A run that touches a letter or digit on either side, or is longer than
//! 64 bytes / 24 digits, is part of something longer (an order number, a
//! hash, a UUID) and produces nothing, unless it splits at spaces into
//! card numbers and nothing else (`card_sequence`).

mod card;
pub(super) mod ip;
mod phone;

use super::{is_word, Cx, EntityType};
use crate::checks::{bsn, calendar, de_tax_id, it_fiscal_code, nhs, pesel};
use card::{card, card_sequence};

const MAX_BYTES: usize = 64;
const MAX_DIGITS: usize = 24;

/// A parsed run.
pub(super) struct Run {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) plus: bool,
    /// The first group was written `(ddd)`.
    pub(super) parens: bool,
    pub(super) digits: Vec<u8>,
    /// Byte span of each group of digits.
    pub(super) groups: Vec<(usize, usize)>,
    /// Separator before group k+1 (`b' '` also for `) `).
    pub(super) seps: Vec<u8>,
    /// End of a phone extension written after the run (`x1276`,
    /// ` ext. 12`; see [`phone::extension_end`]), else `end`.
    pub(super) ext_end: usize,
    /// A letter follows the run: it was kept only because that letter
    /// starts an extension (`603.442.3667x1276`), so only the phone
    /// recognizers look at it.
    pub(super) glued: bool,
    /// Right after a `:` that is not a label's (`db8::10.0.0.1`): only an
    /// IPv4 address is read from such a run.
    after_colon: bool,
}

impl Run {
    pub(super) fn lens(&self) -> impl Iterator<Item = usize> + '_ {
        self.groups.iter().map(|&(s, e)| e - s)
    }
    pub(super) fn shape(&self, want: &[usize]) -> bool {
        self.groups.len() == want.len() && self.lens().zip(want).all(|(a, &b)| a == b)
    }
    /// All separators equal and one of `allowed`.
    pub(super) fn uniform(&self, allowed: &[u8]) -> Option<u8> {
        let first = *self.seps.first()?;
        (allowed.contains(&first) && self.seps.iter().all(|&s| s == first)).then_some(first)
    }
}

fn parse(cx: &Cx, start: usize) -> Option<Run> {
    let b = cx.b;
    let mut i = start;
    let mut run = Run {
        start,
        end: start,
        plus: false,
        parens: false,
        digits: Vec::new(),
        groups: Vec::new(),
        seps: Vec::new(),
        ext_end: start,
        glued: false,
        after_colon: false,
    };
    if cx.at(i) == b'+' {
        run.plus = true;
        i += 1;
    }
    loop {
        // One group, possibly `(ddd)`.
        let paren = cx.at(i) == b'(' && run.groups.len() <= 1;
        let g = i + usize::from(paren);
        let mut j = g;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
            if j - start > MAX_BYTES {
                return None;
            }
        }
        if j == g {
            return None;
        }
        run.digits.extend_from_slice(&b[g..j]);
        run.groups.push((g, j));
        if paren {
            // `+44 (0)20 …`: the national trunk prefix in parentheses is
            // not dialled from abroad, so it is not part of the number.
            let trunk = run.plus && run.groups.len() == 2 && j - g == 1 && b[g] == b'0';
            // `+44 (20) 7123 4567`: an area code in parentheses after `+CC`.
            let area = run.plus && run.groups.len() == 2 && (1..=4).contains(&(j - g));
            // `(0118) 4960323`, `(03681) 49158`, `(11) 2345-6789`: a
            // national area code, with or without the trunk prefix; also
            // in two groups, `(06 1) 234 5678`.
            let national = !run.plus && run.groups.len() == 1 && (1..=5).contains(&(j - g));
            // `8 (800) 123-45-67`, `1 (800) 555-0100`: the area code in
            // parentheses after a one-digit trunk prefix.
            let after_trunk = !run.plus
                && run.groups.len() == 2
                && run.groups[0].1 - run.groups[0].0 == 1
                && (2..=5).contains(&(j - g));
            let mut inner = false;
            if national && matches!(cx.at(j), b' ' | b'-') && cx.at(j + 1).is_ascii_digit() {
                let mut k = j + 1;
                while k < b.len() && b[k].is_ascii_digit() {
                    k += 1;
                }
                if cx.at(k) == b')' && k - g <= 6 {
                    inner = true;
                    run.digits.extend_from_slice(&b[j + 1..k]);
                    run.groups.push((j + 1, k));
                    run.seps.push(b[j]);
                    j = k;
                }
            }
            if cx.at(j) != b')'
                || (j - g != 3 && !trunk && !area && !national && !inner && !after_trunk)
            {
                return None;
            }
            if trunk {
                run.digits.pop();
            } else {
                run.parens = run.groups.len() == 1
                    || (run.groups.len() == 2 && (run.plus || inner || after_trunk));
            }
            j += 1;
        }
        run.end = j;
        if run.digits.len() > MAX_DIGITS || j - start > MAX_BYTES {
            return None;
        }
        // Continue only over one separator followed by a digit (or `(`).
        let sep = cx.at(j);
        // `+49(0) 30 …`: the trunk prefix in parentheses right after `+CC`.
        if sep == b'(' && run.plus && run.groups.len() == 1 && cx.at(j + 1).is_ascii_digit() {
            run.seps.push(b' ');
            i = j;
            continue;
        }
        let next = if paren && sep != b' ' && sep != b'-' {
            // `(415)555-2671`
            if sep.is_ascii_digit() {
                run.seps.push(b' ');
                i = j;
                continue;
            }
            break;
        } else {
            sep
        };
        if matches!(next, b' ' | b'-' | b'.' | b'/')
            && (cx.at(j + 1).is_ascii_digit()
                || (cx.at(j + 1) == b'('
                    && run.groups.len() == 1
                    && (run.plus || run.groups[0].1 - run.groups[0].0 == 1)))
        {
            run.seps.push(next);
            i = j + 1;
        } else {
            break;
        }
    }
    // A date followed by a time (`1985-03-12 14:30`, ISO 8601
    // `1985-03-12T14:30`): the time is not part of the run.
    let time_next = |k: usize| cx.at(k).is_ascii_digit() && matches!(cx.at(k + 1), b':');
    let time_next = |k: usize| time_next(k) || (cx.at(k).is_ascii_digit() && time_next(k + 1));
    let mut split = false;
    if !run.plus && !run.parens && run.groups.len() >= 3 && run.seps[0] == run.seps[1] {
        let (_, e3) = run.groups[2];
        split = match (run.groups.len(), cx.at(e3)) {
            (3, b'T') => time_next(e3 + 1),
            (n, b' ') if n > 3 => time_next(e3 + 1),
            _ => false,
        };
        if split {
            run.groups.truncate(3);
            run.seps.truncate(2);
            run.end = e3;
            run.digits = run
                .groups
                .iter()
                .flat_map(|&(s, e)| &b[s..e])
                .copied()
                .collect();
        }
    }
    // Not part of a longer token on the right (`12345678Z`, `1.2.3.4.5`
    // already joined), nor `1.5` style decimals continuing with a letter.
    let after = cx.at(run.end);
    let ext = phone::extension_end(cx, run.end);
    run.ext_end = ext.unwrap_or(run.end);
    if !split && is_word(after) {
        // Kept only for an extension (`603.442.3667x1276`).
        ext?;
        run.glued = true;
    }
    let decimal = matches!(after, b'.' | b'-' | b':' | b',') && cx.at(run.end + 1).is_ascii_digit();
    // An IPv4 address and a port (`10.0.0.1:8080`): the port ends the run.
    let port = after == b':' && ip::dotted_quad_end(&run) && port_at(cx, run.end + 1);
    if !split && decimal && !port {
        return None;
    }
    // Nor on the left: `v1.2`, `-5`, `.5`, `12:30` are other things; but
    // `Tel:0301234567`, `BSN:123456782` are a label and a value, and a
    // dotted quad after a colon is an IPv4 address (`db8::10.0.0.1`,
    // `[::ffff:10.0.0.1]`), the only thing read from such a run.
    if run.start > 0 && !run.plus && !run.parens {
        let before = cx.at(run.start - 1);
        let label = before == b':' && run.start >= 2 && cx.at(run.start - 2).is_ascii_alphabetic();
        if matches!(before, b'.' | b'-' | b'/' | b':' | b'$' | b'#') && !label {
            if before != b':' || run.seps.get(..3) != Some(&b"..."[..]) {
                return None;
            }
            run.after_colon = true;
        }
    }
    Some(run)
}

/// Is the run the tail of a printed IBAN (`AT24 6196 3251 …`): right
/// after a group of two capital letters and two digits and one space?
/// Valid IBANs are found as a whole; the digits of an invalid one are not
/// a card or phone number.
fn iban_tail(cx: &Cx, start: usize) -> bool {
    start >= 5
        && cx.at(start - 1) == b' '
        && cx.b[start - 5..start - 3]
            .iter()
            .all(u8::is_ascii_alphabetic)
        && cx.b[start - 3..start - 1].iter().all(u8::is_ascii_digit)
        && (start == 5 || !is_word(cx.at(start - 6)))
}

/// A port after `:`: 1–5 digits, at most 65535, not followed by a word
/// character.
fn port_at(cx: &Cx, k: usize) -> bool {
    let mut e = k;
    while e < cx.b.len() && e - k < 6 && cx.b[e].is_ascii_digit() {
        e += 1;
    }
    (1..=5).contains(&(e - k)) && num(&cx.b[k..e]) <= 65535 && !is_word(cx.at(e))
}

/// Parse the run at `start` and try every numeric recognizer on it.
pub(super) fn run(cx: &mut Cx, start: usize) {
    let Some(run) = parse(cx, start) else {
        if cx.b[start] == b'(' {
            // `(192.168.1.1)`: not a `(ddd)` group; the digits after the
            // parenthesis are a run of their own.
            cx.numeric_until = start + 1;
            return;
        }
        // Skip the digits so the inner groups are not retried one by one.
        let mut j = start + 1;
        while j < cx.b.len()
            && (cx.b[j].is_ascii_digit() || matches!(cx.b[j], b'.' | b'-' | b'/' | b' '))
        {
            j += 1;
        }
        cx.numeric_until = j;
        // `(357-97-5260)`: not a `(ddd)` group, so the digits after the
        // `(` are a run of their own.
        if cx.at(start) == b'(' {
            cx.numeric_until = start + 1;
        }
        // Too many digits for one number: maybe several cards.
        card_sequence(cx, start);
        return;
    };
    cx.numeric_until = run.end;
    if run.after_colon {
        ip::v4(cx, &run);
        return;
    }
    if iban_tail(cx, run.start) {
        return;
    }
    if run.plus {
        phone::international(cx, &run, 0);
        return;
    }
    // International access codes written instead of `+`: `00` (ITU-T
    // E.164 recommended prefix, most of the world) and `011` (NANP).
    let d = &run.digits;
    if d.len() > 2 && d[..2] == *b"00" && d[2] != b'0' {
        phone::international(cx, &run, 2);
    } else if run.groups.len() > 1 && cx.b[run.groups[0].0..run.groups[0].1] == *b"011" {
        phone::international(cx, &run, 3);
    }
    if run.glued {
        phone::national(cx, &run);
        return;
    }
    card(cx, &run);
    ssn(cx, &run);
    phone::national(cx, &run);
    ip::v4(cx, &run);
    date_of_birth(cx, &run);
    textual_dob(cx, &run);
    let single = run.groups.len() == 1;
    let d = &run.digits;
    if cx.on(EntityType::UkNhs)
        && d.len() == 10
        && (single || run.shape(&[3, 3, 4]) && run.uniform(b" -").is_some())
        && nhs::is_valid(d)
        && !d.iter().all(|&c| c == d[0])
        && (!single || nhs::chi_date_ok(d) || cx.has_context(EntityType::UkNhs, run.start, run.end))
    {
        // Written 3-3-4 and passing mod 11 (1 in 11 random numbers do), an
        // NHS number is likelier than an unvalidated 3-3-4 phone number
        // (55) unless a phone word is near (phone + 20).
        cx.push(
            EntityType::UkNhs,
            run.start,
            run.end,
            if single { 50 } else { 60 },
            "uk_nhs.mod11",
        );
    }
    if single && d.len() == 11 {
        let pesel_ok = pesel::is_valid(d);
        let de_ok = de_tax_id::is_valid(d);
        if pesel_ok {
            cx.push(
                EntityType::PlPesel,
                run.start,
                run.end,
                50,
                "pl_pesel.checksum",
            );
        }
        if de_ok {
            cx.push(
                EntityType::DeTaxId,
                run.start,
                run.end,
                50,
                "de_tax_id.mod11_10",
            );
        }
        // The numeric codice fiscale of companies (= partita IVA). The
        // digits of a valid PESEL or Steuer-ID (personal numbers) pass it
        // 1 time in 100: those are read as a company code only with its
        // context word.
        if it_fiscal_code::numeric_is_valid(d)
            && (!(pesel_ok || de_ok)
                || cx.has_context(EntityType::ItFiscalCode, run.start, run.end))
        {
            cx.push(
                EntityType::ItFiscalCode,
                run.start,
                run.end,
                50,
                "it_fiscal_code.numeric",
            );
        }
    }
    // The Steuer-ID as printed (`36 574 261 809`), 60; with its check
    // digit set apart (`1123456789 0`), as bare digits, 50.
    let printed = run.shape(&[2, 3, 3, 3]);
    if cx.on(EntityType::DeTaxId)
        && d.len() == 11
        && (printed || run.shape(&[10, 1]))
        && run.uniform(b" ").is_some()
        && de_tax_id::is_valid(d)
    {
        cx.push(
            EntityType::DeTaxId,
            run.start,
            run.end,
            if printed { 60 } else { 50 },
            "de_tax_id.mod11_10",
        );
    }
    // BSN: 9 digits, bare or printed `1234.56.789` (the Dutch passport
    // and ID-card layout). The 11-test passes 1 in 11 random numbers, as
    // mod 11 does for the NHS number: the same base score.
    let dotted = run.shape(&[4, 2, 3]) && run.uniform(b".").is_some();
    if (single || dotted) && d.len() == 9 && bsn::is_valid(d) {
        cx.push(
            EntityType::NlBsn,
            run.start,
            run.end,
            50,
            "nl_bsn.eleven_test",
        );
    }
}

/// Never-issued SSNs (SSA, "Social Security Number Randomization"): area
/// 000, 666, 900–999 (ITINs and other non-SSN numbers); group 00; serial
/// 0000; one digit nine times (`111-11-1111`, a placeholder); numbers
/// published in advertising (078-05-1120, 219-09-9999) or used as the
/// textbook example (123-45-6789; 987-65-4320…4329 fall in 9xx anyway).
/// Presidio's `UsSsnRecognizer` refuses the same, except 9xx.
fn ssn_valid(d: &[u8]) -> bool {
    let area = &d[..3];
    if area == b"000" || area == b"666" || d[0] == b'9' || &d[3..5] == b"00" || &d[5..] == b"0000" {
        return false;
    }
    if d.iter().all(|&c| c == d[0]) {
        return false;
    }
    !(d == b"078051120" || d == b"219099999" || d == b"123456789")
}

/// `AAA-GG-SSSS` 85; the same with spaces or dots 60 (one separator kind:
/// `693-09.4444` is not one); 9 bare digits 40; a separator in the wrong
/// place (`078-051121`, `07805-1121`, typed by hand) 45. The last two need
/// an SSN word (+15).
fn ssn(cx: &mut Cx, run: &Run) {
    let d = &run.digits;
    if !cx.on(EntityType::UsSsn) || d.len() != 9 || run.parens || !ssn_valid(d) {
        return;
    }
    let (base, rec) = if run.shape(&[3, 2, 4]) {
        match run.uniform(b" -.") {
            Some(b'-') => (85, "us_ssn.formatted"),
            Some(_) => (60, "us_ssn.formatted"),
            None => return,
        }
    } else if run.groups.len() == 1 {
        (40, "us_ssn.digits")
    } else if (run.shape(&[3, 6]) || run.shape(&[5, 4])) && run.uniform(b"-").is_some() {
        (45, "us_ssn.formatted")
    } else {
        return;
    };
    cx.push(EntityType::UsSsn, run.start, run.end, base, rec);
}

pub(super) fn num(d: &[u8]) -> u32 {
    d.iter().fold(0, |a, &c| a * 10 + u32::from(c - b'0'))
}

fn date_ok(y: u32, m: u32, d: u32) -> bool {
    (1850..=2100).contains(&y)
        && (1..=12).contains(&m)
        && d >= 1
        && d <= calendar::days_in_month(i64::from(y), m)
}

/// A date in the first three groups: `yyyy-mm-dd`, `dd.mm.yyyy`,
/// `dd/mm/yyyy`, `mm/dd/yyyy`, `dd-mm-yyyy` (also with 1-digit day/month).
fn date_end(cx: &Cx, run: &Run) -> Option<usize> {
    if run.groups.len() < 3 || run.seps[0] != run.seps[1] || run.seps[0] == b' ' {
        return None;
    }
    let g: Vec<&[u8]> = run.groups[..3].iter().map(|&(s, e)| &cx.b[s..e]).collect();
    let (l0, l1, l2) = (g[0].len(), g[1].len(), g[2].len());
    let ok = if l0 == 4 && (1..=2).contains(&l1) && (1..=2).contains(&l2) {
        date_ok(num(g[0]), num(g[1]), num(g[2]))
    } else if (1..=2).contains(&l0) && (1..=2).contains(&l1) && l2 == 4 {
        let y = num(g[2]);
        date_ok(y, num(g[1]), num(g[0]))
            || (run.seps[0] == b'/' && date_ok(y, num(g[0]), num(g[1])))
    } else {
        false
    };
    ok.then_some(run.groups[2].1)
}

fn date_of_birth(cx: &mut Cx, run: &Run) {
    if !cx.on(EntityType::DateOfBirth) {
        return;
    }
    if let Some(end) = date_end(cx, run) {
        if cx.has_context(EntityType::DateOfBirth, run.start, end) {
            cx.push_scored(
                EntityType::DateOfBirth,
                run.start,
                end,
                80,
                "date_of_birth.context",
            );
        }
    }
}

/// Month names (lowercase) in English, German, French, Spanish, Italian,
/// Dutch and Polish (nominative/genitive), with their number.
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("januar", 1),
    ("janvier", 1),
    ("enero", 1),
    ("gennaio", 1),
    ("januari", 1),
    ("stycznia", 1),
    ("february", 2),
    ("feb", 2),
    ("februar", 2),
    ("février", 2),
    ("fevrier", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("februari", 2),
    ("lutego", 2),
    ("march", 3),
    ("mar", 3),
    ("märz", 3),
    ("maerz", 3),
    ("mars", 3),
    ("marzo", 3),
    ("maart", 3),
    ("marca", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("abril", 4),
    ("aprile", 4),
    ("kwietnia", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("mei", 5),
    ("maja", 5),
    ("june", 6),
    ("jun", 6),
    ("juni", 6),
    ("juin", 6),
    ("junio", 6),
    ("giugno", 6),
    ("czerwca", 6),
    ("july", 7),
    ("jul", 7),
    ("juli", 7),
    ("juillet", 7),
    ("julio", 7),
    ("luglio", 7),
    ("lipca", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("augustus", 8),
    ("sierpnia", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("settembre", 9),
    ("września", 9),
    ("october", 10),
    ("oct", 10),
    ("oktober", 10),
    ("octobre", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("października", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("listopada", 11),
    ("december", 12),
    ("dec", 12),
    ("dezember", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("diciembre", 12),
    ("dicembre", 12),
    ("grudnia", 12),
];

/// The month word starting at `i` (letters, ≤ 24 bytes) and its end.
pub(super) fn month_at(cx: &Cx, i: usize) -> Option<(u32, usize)> {
    let mut e = i;
    while e < cx.b.len() && e - i <= 24 && (cx.b[e].is_ascii_alphabetic() || cx.b[e] >= 0x80) {
        e += 1;
    }
    if e == i || e - i > 24 || !cx.text.is_char_boundary(e) {
        return None;
    }
    let word = cx.text[i..e].to_lowercase();
    let word = word.strip_suffix('.').unwrap_or(&word);
    let m = MONTHS.iter().find(|(name, _)| *name == word)?.1;
    // `Mar.`/`Sept.` abbreviations may carry a period.
    let e = if cx.at(e) == b'.' { e + 1 } else { e };
    Some((m, e))
}

/// Digits at `i`: (value, end), at most `max` digits.
fn digits_at(cx: &Cx, i: usize, max: usize) -> Option<(u32, usize)> {
    let mut e = i;
    let mut v = 0;
    while e < cx.b.len() && cx.b[e].is_ascii_digit() {
        v = v * 10 + u32::from(cx.b[e] - b'0');
        e += 1;
        if e - i > max {
            return None;
        }
    }
    (e > i).then_some((v, e))
}

/// After a space at `j`: `de ` / `del ` (Spanish and Portuguese write
/// `24 de junio de 2001`, `3 de março de 1990`); the position after it.
fn skip_de(cx: &Cx, j: usize) -> usize {
    let rest = &cx.b[j.min(cx.b.len())..];
    if rest.len() >= 3 && rest[..3].eq_ignore_ascii_case(b"de ") {
        j + 3
    } else if rest.len() >= 4 && rest[..4].eq_ignore_ascii_case(b"del ") {
        j + 4
    } else {
        j
    }
}

/// `14 March 1985`, `3. März 1985`, `12 mars 1985`, `24 de junio de
/// 2001` after a day run.
fn textual_dob(cx: &mut Cx, run: &Run) {
    if !cx.on(EntityType::DateOfBirth) || run.groups.len() != 1 || run.digits.len() > 2 {
        return;
    }
    let day = num(&run.digits);
    let mut j = run.end;
    if cx.at(j) == b'.' {
        j += 1;
    }
    if cx.at(j) != b' ' {
        return;
    }
    let Some((month, e)) = month_at(cx, skip_de(cx, j + 1)) else {
        return;
    };
    if cx.at(e) != b' ' {
        return;
    }
    let y = skip_de(cx, e + 1);
    let Some((year, end)) = digits_at(cx, y, 4) else {
        return;
    };
    if end - y == 4
        && !is_word(cx.at(end))
        && date_ok(year, month, day)
        && cx.has_context(EntityType::DateOfBirth, run.start, end)
    {
        cx.push_scored(
            EntityType::DateOfBirth,
            run.start,
            end,
            80,
            "date_of_birth.context",
        );
    }
}

/// `March 14, 1985` at a month word.
pub(super) fn month_first_dob(cx: &mut Cx, i: usize) {
    if !cx.on(EntityType::DateOfBirth) {
        return;
    }
    // Cheap test before lowercasing the word: `word[.] digit`.
    let mut w = i;
    while w < cx.b.len() && w - i <= 24 && (cx.b[w].is_ascii_alphabetic() || cx.b[w] >= 0x80) {
        w += 1;
    }
    if cx.at(w) == b'.' {
        w += 1;
    }
    if cx.at(w) != b' ' || !cx.at(w + 1).is_ascii_digit() {
        return;
    }
    let Some((month, e)) = month_at(cx, i) else {
        return;
    };
    if cx.at(e) != b' ' {
        return;
    }
    let Some((day, d_end)) = digits_at(cx, e + 1, 2) else {
        return;
    };
    let mut j = d_end;
    if cx.at(j) == b',' {
        j += 1;
    }
    if cx.at(j) != b' ' {
        return;
    }
    let Some((year, end)) = digits_at(cx, j + 1, 4) else {
        return;
    };
    if end - j - 1 == 4
        && !is_word(cx.at(end))
        && date_ok(year, month, day)
        && cx.has_context(EntityType::DateOfBirth, i, end)
    {
        cx.push_scored(EntityType::DateOfBirth, i, end, 80, "date_of_birth.context");
    }
}
