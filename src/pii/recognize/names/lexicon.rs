//! The embedded gazetteer (`data/lexicon.txt`, built by `data/build.py`):
//! sorted `key<TAB>flags` lines (flags: two hex digits), binary-searched in place, so nothing is
//! built at run time and a lookup reads O(log n) lines.

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

static DATA: &[u8] = include_bytes!("data/lexicon.txt");

/// The flags of `key` (lowercase, single spaces), 0 when absent.
pub(super) fn lookup(key: &str) -> u8 {
    let key = key.as_bytes();
    if key.is_empty() || key.len() > 64 {
        return 0;
    }
    // Binary search over line starts: `lo`/`hi` are byte positions of line starts.
    let (mut lo, mut hi) = (0usize, DATA.len());
    while lo < hi {
        let mid = line_start(lo + (hi - lo) / 2).max(lo);
        let (k, flags, next) = line(mid);
        match k.cmp(key) {
            std::cmp::Ordering::Equal => return flags,
            std::cmp::Ordering::Less => lo = next,
            std::cmp::Ordering::Greater => {
                if mid == hi {
                    break;
                }
                hi = mid;
            }
        }
    }
    0
}

/// The start of the line holding byte `i`.
fn line_start(mut i: usize) -> usize {
    while i > 0 && DATA[i - 1] != b'\n' {
        i -= 1;
    }
    i
}

/// The key, flags and next line start of the line starting at `i`.
fn line(i: usize) -> (&'static [u8], u8, usize) {
    let rest = &DATA[i..];
    let nl = rest.iter().position(|&c| c == b'\n').unwrap_or(rest.len());
    let l = &rest[..nl];
    let tab = l.iter().position(|&c| c == b'\t').unwrap_or(l.len());
    let hex = |c: Option<&u8>| match c {
        Some(&c @ b'0'..=b'9') => c - b'0',
        Some(&c @ b'a'..=b'f') => c - b'a' + 10,
        _ => 0,
    };
    let flags = hex(l.get(tab + 1)) << 4 | hex(l.get(tab + 2));
    (&l[..tab], flags, i + nl + 1)
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
