//! Person names from embedded per-locale lists (`names/*.txt`, ASCII only,
//! so the same lists serve email local parts).

use super::Drbg;
use std::sync::OnceLock;

/// One locale's given names and surnames.
pub(super) struct Locale {
    pub(super) first: Vec<&'static str>,
    pub(super) last: Vec<&'static str>,
}

const SOURCES: [&str; 7] = [
    include_str!("names/en.txt"),
    include_str!("names/de.txt"),
    include_str!("names/fr.txt"),
    include_str!("names/es.txt"),
    include_str!("names/it.txt"),
    include_str!("names/nl.txt"),
    include_str!("names/pl.txt"),
];

/// `[first]` / `[last]` sections of space-separated names; `#` comments.
/// Duplicates are dropped (first occurrence wins) so no name is more likely.
fn parse(text: &'static str) -> Locale {
    let mut locale = Locale {
        first: Vec::new(),
        last: Vec::new(),
    };
    let mut last = false;
    for line in text.lines() {
        match line.trim() {
            "[first]" => last = false,
            "[last]" => last = true,
            l if l.starts_with('#') => {}
            l => {
                let list = if last {
                    &mut locale.last
                } else {
                    &mut locale.first
                };
                for name in l.split_whitespace() {
                    if !list.contains(&name) {
                        list.push(name);
                    }
                }
            }
        }
    }
    locale
}

pub(super) fn locales() -> &'static [Locale] {
    static LOCALES: OnceLock<Vec<Locale>> = OnceLock::new();
    LOCALES.get_or_init(|| SOURCES.iter().map(|s| parse(s)).collect())
}

/// Every locale's names in one list (email local parts).
fn all() -> &'static (Vec<&'static str>, Vec<&'static str>) {
    static ALL: OnceLock<(Vec<&'static str>, Vec<&'static str>)> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut first = Vec::new();
        let mut last = Vec::new();
        for l in locales() {
            for n in &l.first {
                if !first.contains(n) {
                    first.push(*n);
                }
            }
            for n in &l.last {
                if !last.contains(n) {
                    last.push(*n);
                }
            }
        }
        (first, last)
    })
}

/// A given name and a surname from the combined lists.
pub(super) fn ascii_pair(g: &mut Drbg) -> (&'static str, &'static str) {
    let (first, last) = all();
    (*g.pick(first.as_slice()), *g.pick(last.as_slice()))
}

#[derive(Clone, Copy)]
enum Case {
    Upper,
    Lower,
    Title,
}

fn case_of(part: &str) -> Case {
    let letters = || part.chars().filter(|c| c.is_alphabetic());
    if letters().count() > 1 && letters().all(char::is_uppercase) {
        Case::Upper
    } else if letters().all(char::is_lowercase) {
        Case::Lower
    } else {
        Case::Title
    }
}

fn cased(name: &str, case: Case) -> String {
    match case {
        Case::Upper => name.to_ascii_uppercase(),
        Case::Lower => name.to_ascii_lowercase(),
        Case::Title => name.to_owned(),
    }
}

/// Replace each name part; separators (white space, `-`, `'`, `,`, `.`)
/// stay where they were.
pub(super) fn person(value: &str, g: &mut Drbg) -> Option<String> {
    let locale = g.pick(locales());
    // Parts: maximal runs of letters.
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut start = None;
    for (i, c) in value.char_indices() {
        match (c.is_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                parts.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        parts.push((s, value.len()));
    }
    if parts.is_empty() {
        return None;
    }
    let n = parts.len();
    let mut out = String::with_capacity(value.len() + 16);
    let mut at = 0;
    for (k, &(s, e)) in parts.iter().enumerate() {
        out.push_str(&value[at..s]);
        let part = &value[s..e];
        let case = case_of(part);
        // "Smith, John" (a comma after the first part): the surname is first.
        let surname = if value[e..].trim_start().starts_with(',') && k == 0 {
            true
        } else {
            k == n - 1 && n > 1 && !value[..s].contains(',')
        };
        let name = *if surname {
            g.pick(locale.last.as_slice())
        } else {
            g.pick(locale.first.as_slice())
        };
        if part.chars().count() == 1 {
            // An initial stays an initial.
            let c = name.chars().next().unwrap_or('X');
            out.push_str(&cased(
                &c.to_string(),
                if part.chars().all(char::is_lowercase) {
                    Case::Lower
                } else {
                    Case::Upper
                },
            ));
        } else {
            out.push_str(&cased(name, case));
        }
        at = e;
    }
    out.push_str(&value[at..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_ascii_letters_and_sized_as_documented() {
        // The collision estimate in benches/pseudonym.rs uses these sizes.
        assert_eq!((all().0.len(), all().1.len()), (481, 538));
        for l in locales() {
            assert!(l.first.len() >= 60 && l.last.len() >= 60);
            for n in l.first.iter().chain(&l.last) {
                assert!(
                    n.len() > 1 && n.bytes().all(|b| b.is_ascii_alphabetic()),
                    "{n}"
                );
            }
        }
    }
}
