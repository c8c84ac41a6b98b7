//! The embedded gazetteer (`data/lexicon.txt`, built by `data/build.py`):
//! sorted `key<TAB>flags` lines (flags: two hex digits), binary-searched in
//! place over an index of line starts built on first use (~0.4 MB, about a
//! millisecond), so a lookup reads O(log n) lines.

/// A given name (US Census, Faker's per-locale lists, the pseudonym lists).
pub(super) const GIVEN: u8 = 1;
/// A surname.
pub(super) const SURNAME: u8 = 2;
/// A city or town (GeoNames cities15000, Faker's city lists).
pub(super) const CITY: u8 = 4;
/// A country, state or region.
pub(super) const REGION: u8 = 8;
/// Also a common word in one of the 7 languages (Faker's lorem lists, months, days).
pub(super) const COMMON: u8 = 16;
/// A city of at least 100 000 inhabitants, or a country or US state.
pub(super) const BIG: u8 = 32;
/// An English dictionary word written in lower case (SCOWL size 35, Debian
/// `wamerican-small`): `Entertainment`, `Club`, `Baker`, `Park`.
pub(super) const WORD: u8 = 64;
/// One of the 1 000 most frequent US Census surnames (`Smith`, `Hall`, `Young`).
pub(super) const TOP: u8 = 128;

use std::sync::OnceLock;

static DATA: &[u8] = include_bytes!("data/lexicon.txt");

/// The start of every line, and for each first byte the range of lines
/// whose key starts with it; found once (the file is built sorted).
struct Index {
    starts: Vec<u32>,
    by_first: [u32; 257],
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut starts = Vec::with_capacity(DATA.len() / 10);
        let mut at = 0usize;
        while at < DATA.len() {
            starts.push(at as u32);
            at += DATA[at..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(DATA.len(), |p| p + 1);
        }
        let mut by_first = [0u32; 257];
        for (b, at) in by_first.iter_mut().enumerate() {
            *at = starts.partition_point(|&s| usize::from(DATA[s as usize]) < b) as u32;
        }
        Index { starts, by_first }
    })
}

/// The flags of `key` (lowercase, single spaces), 0 when absent.
pub(super) fn lookup(key: &str) -> u8 {
    let key = key.as_bytes();
    if key.is_empty() || key.len() > 64 {
        return 0;
    }
    let ix = index();
    let b = usize::from(key[0]);
    let lines = &ix.starts[ix.by_first[b] as usize..ix.by_first[b + 1] as usize];
    match lines.binary_search_by(|&at| cmp(line(at as usize).0, key)) {
        Ok(k) => line(lines[k] as usize).1,
        Err(_) => 0,
    }
}

/// Byte order of two short keys (inline; cheaper than a `memcmp` call).
fn cmp(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    for (x, y) in a.iter().zip(b) {
        if x != y {
            return x.cmp(y);
        }
    }
    a.len().cmp(&b.len())
}

/// The key and flags of the line starting at `i`.
fn line(i: usize) -> (&'static [u8], u8) {
    let rest = &DATA[i..];
    let tab = rest
        .iter()
        .position(|&c| c == b'\t' || c == b'\n')
        .unwrap_or(rest.len());
    let hex = |c: Option<&u8>| match c {
        Some(&c @ b'0'..=b'9') => c - b'0',
        Some(&c @ b'a'..=b'f') => c - b'a' + 10,
        _ => 0,
    };
    let flags = if rest.get(tab) == Some(&b'\t') {
        hex(rest.get(tab + 1)) << 4 | hex(rest.get(tab + 2))
    } else {
        0
    };
    (&rest[..tab], flags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_key_and_nothing_else() {
        let text = std::str::from_utf8(DATA).unwrap();
        let mut prev = "";
        for l in text.lines() {
            let (k, f) = l.split_once('\t').unwrap();
            assert!(prev.as_bytes() < k.as_bytes(), "sorted and unique: {k}");
            assert_eq!(lookup(k), u8::from_str_radix(f, 16).unwrap(), "{k}");
            prev = k;
        }
        for k in ["", "zzzzzzzzzz", "aaaaaaa-nope", "\u{10ffff}", "qqq"] {
            assert_eq!(lookup(k), 0, "{k}");
        }
        assert_ne!(lookup("maria") & GIVEN, 0);
        assert_ne!(lookup("berlin") & CITY, 0);
        assert_ne!(lookup("new york") & BIG, 0);
        assert_ne!(lookup("entertainment") & WORD, 0);
    }
}
