//! The steps of [`clean`](super::clean), in order.

use super::chars::{
    category, is_bidi_control, is_control, is_invisible, is_line_break, is_mark, is_tag,
    is_variation_selector, takes_variation_selector, BLACK_FLAG, ZWJ,
};
use super::options::{Allow, Disallowed, LengthUnit, Normalization, OverLength, Resolved};
use super::{Change, ChangeKind, Cleaned};
use crate::{Error, ErrorKind, Result};
use unicode_normalization::{is_nfc, is_nfkc, UnicodeNormalization};
use unicode_segmentation::UnicodeSegmentation;

/// Counts per kind, reported in [`ChangeKind`] order.
#[derive(Default)]
struct Counts([u64; ChangeKind::ALL.len()]);

impl Counts {
    fn add(&mut self, kind: ChangeKind, n: u64) {
        self.0[kind as usize] += n;
    }
}

pub(super) fn run(input: &str, r: &Resolved) -> Result<Cleaned> {
    super::check_input_size(input.len(), r.max_input_bytes)?;
    let mut counts = Counts::default();
    let mut text = normalize(input, r.normalize, &mut counts);
    text = strip(&text, r, &mut counts);
    text = renormalize(text, r.normalize);
    if r.lowercase {
        text = lowercase(&text, &mut counts);
        text = renormalize(text, r.normalize);
    }
    if let Some(allow) = &r.allow {
        text = allowlist(&text, allow, r, &mut counts)?;
        // A removed character can leave a letter next to a mark that then
        // composes ("Ω", removed, U+0345 → "ῼ"): renormalize, and check the
        // composed characters again (bounded: each round only removes).
        for _ in 0..3 {
            if is_normalized(&text, r.normalize) {
                break;
            }
            text = apply(&text, r.normalize);
            text = allowlist(&text, allow, r, &mut counts)?;
        }
    }
    if let Some(sep) = r.separator {
        text = separators(&text, sep, &mut counts);
    } else if r.collapse_whitespace {
        text = collapse(&text, &mut counts);
    }
    if r.trim {
        text = trim(text, &mut counts);
    }
    if let Some(max) = r.max_length {
        text = limit(text, max, r, &mut counts)?;
    }
    let changes = ChangeKind::ALL
        .iter()
        .zip(counts.0)
        .filter(|(_, n)| *n > 0)
        .map(|(&kind, count)| Change { kind, count })
        .collect();
    Ok(Cleaned {
        changed: text != input,
        value: text,
        changes,
    })
}

fn is_normalized(s: &str, form: Normalization) -> bool {
    match form {
        Normalization::None => true,
        Normalization::Nfc => is_nfc(s),
        Normalization::Nfkc => is_nfkc(s),
    }
}

fn apply(s: &str, form: Normalization) -> String {
    match form {
        Normalization::None => s.to_owned(),
        Normalization::Nfc => s.nfc().collect(),
        Normalization::Nfkc => s.nfkc().collect(),
    }
}

/// Step 1. The count is the number of grapheme clusters that were not
/// already normalized (at least 1 when the text changed).
fn normalize(s: &str, form: Normalization, counts: &mut Counts) -> String {
    if is_normalized(s, form) {
        return s.to_owned();
    }
    let out = apply(s, form);
    if out != s {
        let n = s
            .graphemes(true)
            .filter(|g| !is_normalized(g, form))
            .count() as u64;
        counts.add(ChangeKind::Normalized, n.max(1));
    }
    out
}

/// Later steps can un-normalize (removing a character between a letter and
/// its accent, case mapping): normalize again, silently, so the result is
/// always in the requested form.
fn renormalize(s: String, form: Normalization) -> String {
    if is_normalized(&s, form) {
        s
    } else {
        apply(&s, form)
    }
}

/// Step 2: controls, bidi controls and invisible characters, in one pass
/// over grapheme clusters (the ZWJ, variation selector and tag rules need
/// the cluster).
fn strip(s: &str, r: &Resolved, counts: &mut Counts) -> String {
    let mut out = String::with_capacity(s.len());
    let keep_nl = r.keep_newlines || r.collapse_whitespace;
    let keep_tab = r.keep_tabs || r.collapse_whitespace;
    let mut prev: Option<char> = None;
    for cluster in s.graphemes(true) {
        let first = cluster.chars().next();
        let mut kept_in_cluster = false;
        let mut chars = cluster.chars().peekable();
        while let Some(c) = chars.next() {
            let removed = if is_line_break(c) {
                (!keep_nl).then_some(ChangeKind::RemovedControl)
            } else if c == '\t' {
                (!keep_tab).then_some(ChangeKind::RemovedControl)
            } else if is_control(c) {
                Some(ChangeKind::RemovedControl)
            } else if is_bidi_control(c) {
                r.remove_bidi.then_some(ChangeKind::RemovedBidi)
            } else if !r.remove_invisible {
                None
            } else if is_invisible(c) {
                Some(ChangeKind::RemovedInvisible)
            } else if c == ZWJ {
                // Kept only where it joins: between a kept character and a
                // following non-extending character of the same cluster
                // (emoji ZWJ sequences, Indic conjuncts: UAX #29 GB11/GB9c).
                let joins = kept_in_cluster
                    && chars.peek().is_some_and(|&n| {
                        !(is_mark(n)
                            || n == ZWJ
                            || is_invisible(n)
                            || is_tag(n)
                            || is_variation_selector(n))
                    });
                (!joins).then_some(ChangeKind::RemovedInvisible)
            } else if is_variation_selector(c) {
                let meaningful = prev.is_some_and(takes_variation_selector);
                (!meaningful).then_some(ChangeKind::RemovedInvisible)
            } else if is_tag(c) {
                // Emoji tag sequences: U+1F3F4 then tags U+E0020–E007F.
                let flag = first == Some(BLACK_FLAG)
                    && kept_in_cluster
                    && ('\u{E0020}'..='\u{E007F}').contains(&c)
                    && prev.is_some_and(|p| {
                        p == BLACK_FLAG || ('\u{E0020}'..'\u{E007F}').contains(&p)
                    });
                (!flag).then_some(ChangeKind::RemovedInvisible)
            } else {
                None
            };
            match removed {
                Some(kind) => counts.add(kind, 1),
                None => {
                    out.push(c);
                    prev = Some(c);
                    kept_in_cluster = true;
                }
            }
        }
    }
    out
}

/// Step 3: full Unicode lower-case mapping (Rust's `str::to_lowercase`,
/// including final sigma). The count is the number of characters changed.
fn lowercase(s: &str, counts: &mut Counts) -> String {
    let n = s
        .chars()
        .filter(|&c| {
            let mut l = c.to_lowercase();
            !(l.next() == Some(c) && l.next().is_none())
        })
        .count() as u64;
    if n == 0 {
        return s.to_owned();
    }
    counts.add(ChangeKind::Lowercased, n);
    s.to_lowercase()
}

/// Step 4: the allowlist.
fn allowlist(s: &str, allow: &Allow, r: &Resolved, counts: &mut Counts) -> Result<String> {
    let mut out = String::with_capacity(s.len());
    // Whether the last character looked at was kept as a letter (or a mark
    // on one): marks are allowed only there, so a removed base never leaves
    // its accents behind on the previous character.
    let mut after_letter = false;
    let mut kept_visible = false;
    let mut removed = 0u64;
    for (index, c) in s.chars().enumerate() {
        let is_letter = allow.letters && c.is_alphabetic();
        let ok = (allow.ascii_letters && c.is_ascii_alphabetic())
            || (allow.ascii_digits && c.is_ascii_digit())
            || is_letter
            || (allow.letters && after_letter && is_mark(c))
            || (allow.digits && c.is_numeric())
            || (allow.space && c.is_whitespace())
            || allow.extra.binary_search(&c).is_ok()
            || (r
                .separator
                .is_some_and(|sep| c == sep || c == '_' || c.is_whitespace()))
            || (r.keep_leading_plus && c == '+' && !kept_visible);
        if ok {
            out.push(c);
            after_letter = is_letter || (after_letter && is_mark(c));
            kept_visible |= !c.is_whitespace();
        } else if r.disallowed == Disallowed::Reject {
            return Err(Error::with(
                ErrorKind::ValueInvalid,
                format!(
                    "DISALLOWED_CHARACTER at index {index} (category {})",
                    category(c)
                ),
            ));
        } else {
            removed += 1;
            after_letter = false;
        }
    }
    counts.add(ChangeKind::RemovedDisallowed, removed);
    Ok(out)
}

/// Step 5a: runs of whitespace, `_` and `sep` become one `sep`; runs at the
/// ends are dropped. The count is the number of runs that changed.
fn separators(s: &str, sep: char, counts: &mut Counts) -> String {
    let is_sep = |c: char| c == sep || c == '_' || c.is_whitespace();
    let mut out = String::with_capacity(s.len());
    let mut changed = 0u64;
    let mut run = String::new();
    for c in s.chars() {
        if is_sep(c) {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            if out.is_empty() {
                changed += 1; // leading run dropped
            } else {
                changed += u64::from(run.chars().ne([sep]));
                out.push(sep);
            }
            run.clear();
        }
        out.push(c);
    }
    if !run.is_empty() {
        changed += 1; // trailing run dropped (or the whole text was separators)
    }
    counts.add(ChangeKind::ReplacedSeparators, changed);
    out
}

/// Step 5b: every run of whitespace becomes one U+0020. The count is the
/// number of runs that were not already a single space.
fn collapse(s: &str, counts: &mut Counts) -> String {
    let mut out = String::with_capacity(s.len());
    let mut changed = 0u64;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if !c.is_whitespace() {
            out.push(c);
            continue;
        }
        let mut single_space = c == ' ';
        while chars.peek().is_some_and(|n| n.is_whitespace()) {
            chars.next();
            single_space = false;
        }
        changed += u64::from(!single_space);
        out.push(' ');
    }
    counts.add(ChangeKind::CollapsedWhitespace, changed);
    out
}

/// Step 6: Unicode `White_Space` at both ends. The count is the number of
/// characters removed.
fn trim(s: String, counts: &mut Counts) -> String {
    let t = s.trim_matches(char::is_whitespace);
    if t.len() == s.len() {
        return s;
    }
    let n = s.chars().count() - t.chars().count();
    counts.add(ChangeKind::Trimmed, n as u64);
    t.to_owned()
}

/// Step 7: the length limit. Truncation cuts at a grapheme boundary (for
/// `chars`, the last boundary within the limit), then trims whitespace (and
/// separators) that the cut left at the end when trimming is on.
fn limit(s: String, max: u32, r: &Resolved, counts: &mut Counts) -> Result<String> {
    let max = max as usize;
    let (len, unit) = match r.length_unit {
        LengthUnit::Graphemes => (s.graphemes(true).count(), "graphemes"),
        LengthUnit::Chars => (s.chars().count(), "chars"),
    };
    if len <= max {
        return Ok(s);
    }
    if r.over_length == OverLength::Reject {
        return Err(Error::with(
            ErrorKind::ValueInvalid,
            format!("TOO_LONG: {len} {unit}, limit {max}"),
        ));
    }
    let mut end = 0;
    let mut units = 0;
    for (start, g) in s.grapheme_indices(true) {
        let size = match r.length_unit {
            LengthUnit::Graphemes => 1,
            LengthUnit::Chars => g.chars().count(),
        };
        if units + size > max {
            break;
        }
        units += size;
        end = start + g.len();
    }
    let mut out = s;
    out.truncate(end);
    let removed = len - units;
    counts.add(ChangeKind::Truncated, removed as u64);
    let tail = |c: char| (r.trim && c.is_whitespace()) || r.separator == Some(c);
    let kept = out.trim_end_matches(tail).len();
    if kept < out.len() {
        let n = out[kept..].chars().count() as u64;
        out.truncate(kept);
        counts.add(ChangeKind::Trimmed, n);
    }
    Ok(out)
}
