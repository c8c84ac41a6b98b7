//! Known values: the values of the fields a policy protects, searched for
//! in the free text that the PII pass scans.
//!
//! A customer's `name` is pseudonymized by its field rule, but the same
//! name written in the ticket body under it is no pattern a recognizer
//! finds. So the values the protect step replaced are remembered, and the
//! PII pass replaces each mention of one by what the supplying field's
//! operator makes of it, with that field's context: the same pseudonym (or
//! hash, tag, mask) as the field. Matches are counted under the field's
//! entity type (its `entity`, else the type recognized in the whole value;
//! none when neither) and mark the scanned field's report entry with the
//! change `known-value`.
//!
//! * **Which fields supply values**: those whose `anonymize` operator hides
//!   the value: `pseudonymize`, `hash`, `encrypt`, `replace`, `redact`,
//!   `mask`, and `drop` (a mention of a dropped value becomes its type tag,
//!   `<PERSON_NAME>`, or `<PII>` without a type). `generalize` and
//!   `date-shift` keep part of the value by design (a decade, a shifted
//!   date): their values are not searched for (`34`, `2024` would match
//!   everywhere). Only strings supply values, not JSON numbers.
//!   With the feature `names`, so do the fields the PII pass replaces whole
//!   because their name types them (`"name": "Tobiah Brannock"`, `"city":
//!   "Werdau"`, `"zip": "08412"`; see `Recognizer::find_in_field`), with the
//!   default policy too: a mention gets what the PII pass's operator for
//!   that type makes of it with that field's context (the field's own
//!   pseudonym or tag; a name part its own). Those are searched for within
//!   the record only, not across the files of a run.
//! * **What is searched for**: the whole value (trimmed), when it has at
//!   least [`MIN_ALNUM`] letters or digits, at most [`MAX_VALUE_BYTES`]
//!   bytes, and is not a common word ([`is_stopword`]). A value of type
//!   `PERSON_NAME` with several words is also searched for by each word
//!   (given name and family name separately) that has at least
//!   [`MIN_PART_CHARS`] letters, starts with a capital and is not a common
//!   word (`Herr`, `Miss`, `Team`…): `Tobiah` in `Tobiah Brannock`.
//! * **How it matches**: exactly, at word boundaries (the chars around the
//!   match are not letters, digits or `_`, and a `.`, `-` or `@` followed
//!   by a letter or digit continues the word, so `ana@x.org` is not found
//!   in `ana@x.org.uk`). Case matters (a name part `Rose` does not match
//!   `rose`), except for e-mail addresses (ASCII case ignored). Diacritics
//!   matter (`Müller` does not match `Muller`). The longest value at a
//!   position wins; a known-value match wins over a recognizer finding it
//!   overlaps.
//! * **Scope**: within one record always (policy path, every runtime);
//!   `fieldguard anonymize` also collects, before the run, the values of
//!   every input file in file and record order (deterministic with any
//!   `--threads`) and searches all records for them, up to [`RUN_CAP`]
//!   values: past the cap further values are not collected (the run says
//!   how many were left out), the record's own values still are.

use crate::pii::operators::Operator;
use std::collections::HashMap;

/// Whether the values of a field with this operator are searched for
/// (see the module docs).
pub(super) fn propagates(op: &Operator) -> bool {
    !matches!(op, Operator::Generalize(_) | Operator::DateShift(_))
}

/// A whole value needs at least this many letters or digits.
pub const MIN_ALNUM: usize = 4;
/// Longer values (free text in a protected field) are not searched for.
pub const MAX_VALUE_BYTES: usize = 200;
/// A name part needs at least this many chars.
pub const MIN_PART_CHARS: usize = 4;
/// The most values a run collects across files.
pub const RUN_CAP: usize = 100_000;

/// One searched value.
#[derive(Clone, Debug)]
struct Entry {
    text: String,
    /// The index of the supplying rule in the policy.
    rule: usize,
    /// ASCII case ignored (e-mail addresses).
    fold: bool,
}

/// The values searched for in free text (see the module docs), indexed by
/// their first two words, lowercase.
#[derive(Clone, Debug, Default)]
pub struct KnownValues {
    entries: Vec<Entry>,
    by_key: HashMap<String, Vec<usize>>,
    cap: usize,
    left_out: u64,
}

/// A match in a text: byte span, the supplying rule and the matched value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Match<'a> {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) rule: usize,
    pub(super) value: &'a str,
}

impl KnownValues {
    /// An empty set holding at most `cap` values.
    pub fn with_cap(cap: usize) -> Self {
        Self {
            cap,
            ..Self::default()
        }
    }

    /// How many values are held.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether none is held.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// How many values were not collected because of the cap.
    pub fn left_out(&self) -> u64 {
        self.left_out
    }

    /// Remember `value` of the rule at `rule` (with its `entity` name,
    /// `PERSON_NAME` values also by their words).
    pub(super) fn add(&mut self, value: &str, rule: usize, person: bool, email: bool) {
        let value = value.trim();
        if value.len() > MAX_VALUE_BYTES
            || value.chars().filter(|c| c.is_alphanumeric()).count() < MIN_ALNUM
            || is_stopword(value)
        {
            return;
        }
        self.insert(value, rule, email);
        if person {
            let mut words = value.split_whitespace();
            if let (Some(_), Some(_)) = (words.next(), words.next()) {
                for part in value.split_whitespace() {
                    let part = part.trim_matches(|c: char| !c.is_alphanumeric());
                    if part.chars().count() >= MIN_PART_CHARS
                        && part.chars().next().is_some_and(char::is_uppercase)
                        && !is_stopword(part)
                    {
                        self.insert(part, rule, false);
                    }
                }
            }
        }
    }

    /// Add the values of `other` after these, in its order (the cap of
    /// `self` applies; `other`'s left-out count is added).
    pub fn merge(&mut self, other: KnownValues) {
        self.left_out += other.left_out;
        for e in other.entries {
            self.insert(&e.text, e.rule, e.fold);
        }
    }

    fn insert(&mut self, value: &str, rule: usize, fold: bool) {
        let mut key = String::new();
        if !index_key(value, &mut key) {
            return;
        }
        let list = self.by_key.entry(key).or_default();
        // The first rule that supplied a value keeps it (deterministic).
        if list.iter().any(|&k| self.entries[k].text == value) {
            return;
        }
        if self.entries.len() >= self.cap {
            self.left_out += 1;
            return;
        }
        list.push(self.entries.len());
        self.entries.push(Entry {
            text: value.to_owned(),
            rule,
            fold,
        });
    }

    /// The matches in `text`, by start, never overlapping; the longest
    /// value at a position wins, then the one added first. `others` is
    /// searched too (the run's values beside the record's own).
    pub(super) fn find<'a>(
        &'a self,
        others: Option<&'a KnownValues>,
        text: &str,
    ) -> Vec<Match<'a>> {
        let mut out = Vec::new();
        if self.is_empty() && others.is_none_or(KnownValues::is_empty) {
            return out;
        }
        let b = text.as_bytes();
        let mut key = String::new();
        let mut i = 0;
        while i < text.len() {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            let word_start = c.is_alphanumeric()
                && !text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|p| p.is_alphanumeric() || p == '_');
            if !word_start {
                i += c.len_utf8();
                continue;
            }
            let word_len = text[i..]
                .find(|c: char| !c.is_alphanumeric())
                .unwrap_or(text.len() - i);
            // Two keys: the first word with the next one, and alone.
            index_key(&text[i..], &mut key);
            let mut best: Option<Match<'a>> = None;
            let keys = match key.find('\0') {
                Some(k) => [key.as_str(), &key[..k]],
                None => [key.as_str(), ""],
            };
            for set in [Some(self), others].into_iter().flatten() {
                let lists = keys.iter().filter(|k| !k.is_empty());
                for &k in lists.filter_map(|k| set.by_key.get(*k)).flatten() {
                    let e = &set.entries[k];
                    let end = i + e.text.len();
                    let Some(there) = b.get(i..end) else {
                        continue;
                    };
                    let same = if e.fold {
                        there.eq_ignore_ascii_case(e.text.as_bytes())
                    } else {
                        there == e.text.as_bytes()
                    };
                    if same
                        && text.is_char_boundary(end)
                        && word_ends(text, end)
                        && best.as_ref().is_none_or(|m| end > m.end)
                    {
                        best = Some(Match {
                            start: i,
                            end,
                            rule: e.rule,
                            value: &e.text,
                        });
                    }
                }
            }
            match best {
                Some(m) => {
                    i = m.end;
                    out.push(m);
                }
                None => i += word_len.max(c.len_utf8()),
            }
        }
        out
    }
}

/// The index key of a value or of the text at a word start, in `key`:
/// the first run of letters and digits, lowercase, and when one char
/// that is neither joins it to a second run (`Ana Lopez`,
/// `ana.lopez@…`), a NUL and that run too. A value matches only where the
/// text has its key or, for a one-word value, the first run alone.
/// False when `s` does not start with a letter or digit.
fn index_key(s: &str, key: &mut String) -> bool {
    key.clear();
    let first_end = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    if first_end == 0 {
        return false;
    }
    key.extend(s[..first_end].chars().flat_map(char::to_lowercase));
    let mut rest = s[first_end..].chars();
    if let (Some(_sep), Some(c)) = (rest.next(), rest.clone().next()) {
        if c.is_alphanumeric() {
            let from = first_end + s[first_end..].chars().next().map_or(0, char::len_utf8);
            let end = s[from..]
                .find(|c: char| !c.is_alphanumeric())
                .map_or(s.len(), |k| from + k);
            key.push('\0');
            key.extend(s[from..end].chars().flat_map(char::to_lowercase));
        }
    }
    true
}

/// Does a word end at byte `k` (see the module docs)?
fn word_ends(text: &str, k: usize) -> bool {
    let mut rest = text[k..].chars();
    match rest.next() {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '_' => false,
        Some('.' | '-' | '@') => !rest.next().is_some_and(char::is_alphanumeric),
        Some(_) => true,
    }
}

/// Common words that are no evidence of a person even when a field holds
/// them (titles, greetings, placeholder names), in the 7 locales; compared
/// ignoring case.
pub fn is_stopword(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "mister",
        "miss",
        "missus",
        "madam",
        "dear",
        "team",
        "support",
        "customer",
        "user",
        "admin",
        "test",
        "info",
        "service",
        "sales",
        "none",
        "null",
        "unknown",
        "anonymous",
        "name",
        "herr",
        "frau",
        "fräulein",
        "kunde",
        "kundin",
        "madame",
        "monsieur",
        "mademoiselle",
        "client",
        "cliente",
        "señor",
        "señora",
        "señorita",
        "usuario",
        "signor",
        "signora",
        "signorina",
        "utente",
        "heer",
        "mevrouw",
        "klant",
        "pani",
        "państwo",
        "klient",
        "klientka",
        "prof",
        "doctor",
        "doktor",
        "dottore",
        "dottoressa",
        "n/a",
    ];
    let lower = word.to_lowercase();
    WORDS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(k: &KnownValues, text: &str) -> Vec<(usize, usize, usize)> {
        k.find(None, text)
            .iter()
            .map(|m| (m.start, m.end, m.rule))
            .collect()
    }

    #[test]
    fn whole_values_and_name_parts() {
        let mut k = KnownValues::with_cap(10);
        k.add("Tobiah Brannock", 0, true, false);
        k.add("tobiah.brannock@example.org", 1, false, true);
        let t = "Tobiah Brannock wrote; Tobiah and Brannock; TOBIAH.Brannock@example.org.";
        assert_eq!(
            spans(&k, t),
            vec![(0, 15, 0), (23, 29, 0), (34, 42, 0), (44, 71, 1)]
        );
        // Word boundaries; case; a longer address is not this one.
        assert!(spans(&k, "Tobiahs tobiah brannock _Tobiah").is_empty());
        assert!(spans(&k, "tobiah.brannock@example.org.uk").is_empty());
        assert_eq!(spans(&k, "(Tobiah)").len(), 1);
        assert_eq!(spans(&k, "Tobiah's").len(), 1);
    }

    #[test]
    fn short_common_and_long_values_are_left_out() {
        let mut k = KnownValues::with_cap(10);
        k.add("Ana", 0, true, false);
        k.add("Li Wu", 0, true, false); // whole (4 alnum), parts too short
        k.add("Herr Max Mustermann", 0, true, false);
        k.add("Support", 0, true, false);
        k.add(&"x".repeat(300), 0, false, false);
        k.add("42", 0, false, false);
        let texts: Vec<&str> = k.entries.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(texts, ["Li Wu", "Herr Max Mustermann", "Mustermann"]);
    }

    #[test]
    fn the_cap_is_counted() {
        let mut k = KnownValues::with_cap(1);
        k.add("Alpha Beta", 0, false, false);
        k.add("Gamma Delta", 0, false, false);
        k.add("Alpha Beta", 1, false, false); // a duplicate is no overflow
        assert_eq!((k.len(), k.left_out()), (1, 1));
    }

    #[test]
    fn no_panic_on_odd_text() {
        let mut k = KnownValues::with_cap(10);
        k.add("Émile Zoë", 0, true, false);
        for t in [
            "",
            "É",
            "Émile",
            "xÉmile Zoë",
            "Émile Zoë\u{301}",
            "🙂Émile🙂",
        ] {
            let _ = spans(&k, t);
        }
        assert_eq!(spans(&k, "🙂Émile🙂").len(), 1);
    }
}
