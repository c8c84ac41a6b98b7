//! The embedded gazetteer (`data/lexicon.txt`, built by `data/build.py`):
//! sorted `key<TAB>flags` lines (flags: two hex digits), found through a
//! hash table of line starts built on first use (1 MB, one pass over the
//! file), so a look-up reads a slot or two and one line.

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

/// Slots of the hash table over the lines: a power of two, the table under
/// half full (115 k lines), so a miss stops after a probe or two.
const SLOTS: usize = 1 << 18;
/// Bits of a slot that hold the line start + 1 (0: empty); the others hold
/// a tag from the hash, so most probes of other keys never read the line.
const START_BITS: u32 = 21;

/// FNV-1a (64 bits) of a key.
fn hash(key: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in key {
        h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn tag(h: u64) -> u32 {
    (h >> (64 - (32 - START_BITS))) as u32
}

/// An open-addressing table of every line's start, built once on the first
/// look-up (one pass over the file; 1 MB): a look-up reads one or two
/// cache lines of the table and one line of the file.
fn table() -> &'static [u32] {
    static TABLE: OnceLock<Vec<u32>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = vec![0u32; SLOTS];
        let mut at = 0usize;
        while at < DATA.len() {
            let (key, _) = line(at);
            let h = hash(key);
            let mut i = h as usize & (SLOTS - 1);
            while t[i] != 0 {
                i = (i + 1) & (SLOTS - 1);
            }
            t[i] = tag(h) << START_BITS | (at as u32 + 1);
            at += DATA[at..]
                .iter()
                .position(|&c| c == b'\n')
                .map_or(DATA.len(), |p| p + 1);
        }
        t
    })
}

/// The flags of `key` (lowercase, single spaces), 0 when absent.
pub(super) fn lookup(key: &str) -> u8 {
    let key = key.as_bytes();
    if key.is_empty() || key.len() > 64 {
        return 0;
    }
    let t = table();
    let h = hash(key);
    let want = tag(h);
    let mut i = h as usize & (SLOTS - 1);
    loop {
        let slot = t[i];
        if slot == 0 {
            return 0;
        }
        if slot >> START_BITS == want {
            let (k, flags) = line((slot & ((1 << START_BITS) - 1)) as usize - 1);
            if k == key {
                return flags;
            }
        }
        i = (i + 1) & (SLOTS - 1);
    }
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
    fn fits_the_table() {
        let lines = DATA.iter().filter(|&&c| c == b'\n').count();
        assert!(DATA.len() < 1 << START_BITS, "line starts need more bits");
        assert!(lines * 10 < SLOTS * 8, "the table would be over 80 % full");
    }

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
