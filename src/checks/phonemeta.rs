//! Per-region phone number metadata compiled from libphonenumber
//! (`phonenumbers` 9.0.43, Apache-2.0) by `tests/eval/phonemeta.py` into
//! `phonemeta.bin` (55.7 kB, layout version 2; the layout is documented in
//! the script, which also checks that the committed file is what the pinned
//! package gives).
//!
//! For every region (and each non-geographic calling code, region `001`)
//! the table holds the calling code, the national (trunk) prefix and, for
//! each number type, a prefix trie equivalent to libphonenumber's national
//! number pattern restricted to the type's possible lengths: a national
//! significant number is in the trie iff libphonenumber's pattern accepts
//! it (on 148,525 generated numbers the verdict equals
//! `is_valid_number_for_region` for all of them). Used by the phone
//! recognizer (`+CC` numbers, national layouts), the phone pseudonyms
//! (a number valid for the same region and of the same type) and the
//! `phone` validator (calling codes, trunk prefixes, possible lengths).
//!
//! Every read is bounds-checked (`get`), and a walk takes at most one step
//! per digit, so no input can make a lookup panic or loop.

static TABLE: &[u8] = include_bytes!("phonemeta.bin");

/// Number types, in the order libphonenumber classifies (the first match
/// wins, fixed line and mobile together are "fixed line or mobile").
pub(crate) const TYPES: usize = 10;
const FIXED: usize = 8;
const MOBILE: usize = 9;
const REC: usize = 3 + 2 + 1 + 2 + 2 * TYPES;
const NONE: u32 = 0xFFFF;
/// An edge target with this bit is a leaf whose other bits are its mask of
/// allowed lengths (the reader's form; the table stores a mask index).
const LEAF: u32 = 0x8000_0000;

/// Longest national significant number any region allows.
pub(crate) const MAX_NSN: usize = 17;

fn u16_at(b: &[u8], at: usize) -> u32 {
    match b.get(at..at + 2) {
        Some(s) => u32::from(s[0]) | u32::from(s[1]) << 8,
        None => NONE,
    }
}

struct Parts {
    count: usize,
    masks: &'static [u8],
    recs: &'static [u8],
    nodes: &'static [u8],
}

fn parts() -> Parts {
    let start = TABLE.iter().position(|&c| c == b'\n').map_or(0, |p| p + 1);
    let count = TABLE
        .get(start..start + 2)
        .map_or(0, |s| usize::from(s[0]) | usize::from(s[1]) << 8);
    let m = usize::from(TABLE.get(start + 2).copied().unwrap_or(0));
    let masks_end = (start + 3 + 3 * m).min(TABLE.len());
    let recs_end = (masks_end + count * REC).min(TABLE.len());
    Parts {
        count,
        masks: TABLE.get(start + 3..masks_end).unwrap_or(&[]),
        recs: TABLE.get(masks_end..recs_end).unwrap_or(&[]),
        nodes: TABLE.get(recs_end..).unwrap_or(&[]),
    }
}

/// One region of the table.
#[derive(Clone, Copy)]
pub(crate) struct Region {
    rec: &'static [u8],
    nodes: &'static [u8],
    masks: &'static [u8],
    /// Position in the table.
    pos: u16,
    /// Lengths (bit k: k digits) of the numbers of any type.
    lengths: u32,
}

/// Bitsets over the regions, by table position (the table has 254;
/// positions past the capacity are always candidates).
const WORDS: usize = 5;
type Set = [u64; WORDS];

fn has(set: &Set, i: usize) -> bool {
    set.get(i / 64).is_none_or(|w| w >> (i % 64) & 1 == 1)
}

/// Lookups built once from the table: every recognizer call would
/// otherwise walk all 254 records (the scan runs them for every digit run).
struct Index {
    regions: Vec<Region>,
    /// (calling code, region position), by code; the main region of a
    /// code first, then the others in table order.
    by_code: Vec<(u16, u16)>,
    /// `first[(10 * d0 + d1) * (MAX_NSN + 1) + n]`: the regions with a
    /// number (of any type) of `n` digits starting with digits `d0 d1`:
    /// the first two steps of every trie walk, so a superset of the
    /// regions where a number is valid.
    first: Vec<Set>,
    /// The distinct national prefixes and the regions that have each.
    trunks: Vec<(&'static [u8], Set)>,
    /// (region id, position), by id.
    by_id: Vec<(&'static str, u16)>,
}

impl Index {
    fn build() -> Self {
        let p = parts();
        let (nodes, masks) = (p.nodes, p.masks);
        let regions: Vec<Region> = p
            .recs
            .chunks_exact(REC)
            .take(p.count)
            .enumerate()
            .map(|(i, rec)| {
                let mut r = Region {
                    rec,
                    nodes,
                    masks,
                    pos: i as u16,
                    lengths: 0,
                };
                r.lengths = (0..TYPES)
                    .filter_map(|t| r.root(t))
                    .fold(0, |m, root| m | r.mask(root));
                r
            })
            .collect();
        let mut by_code: Vec<(u16, u16)> = (0..regions.len())
            .map(|i| (regions[i].code(), i as u16))
            .collect();
        crate::sort::sort_by_key(&mut by_code, |&(c, i)| (c, !regions[usize::from(i)].main()));
        let mut first = vec![[0u64; WORDS]; 100 * (MAX_NSN + 1)];
        let mut trunks: Vec<(&'static [u8], Set)> = Vec::new();
        for (i, r) in regions.iter().enumerate() {
            let (w, bit) = (i / 64, 1u64 << (i % 64));
            if w >= WORDS {
                continue;
            }
            let mut add = |d0: u8, d1s: (u8, u8), m: u32| {
                for d1 in d1s.0..=d1s.1.min(9) {
                    let k = usize::from(d0 * 10 + d1) * (MAX_NSN + 1);
                    for n in 2..=MAX_NSN {
                        if m >> n & 1 == 1 {
                            first[k + n][w] |= bit;
                        }
                    }
                }
            };
            for t in 0..TYPES {
                let Some(root) = r.root(t) else { continue };
                for (lo, hi, target) in r.edges(root) {
                    for d0 in lo..=hi.min(9) {
                        if target & LEAF != 0 {
                            add(d0, (0, 9), target);
                            continue;
                        }
                        for (lo1, hi1, t1) in r.edges(target) {
                            let m = if t1 & LEAF != 0 { t1 } else { r.mask(t1) };
                            add(d0, (lo1, hi1), m);
                        }
                    }
                }
            }
            let np = r.trunk();
            if !np.is_empty() {
                match trunks.iter_mut().find(|(p, _)| *p == np) {
                    Some((_, set)) => set[w] |= bit,
                    None => {
                        let mut set = [0; WORDS];
                        set[w] = bit;
                        trunks.push((np, set));
                    }
                }
            }
        }
        let mut by_id: Vec<(&'static str, u16)> = (0..regions.len())
            .map(|i| (regions[i].id(), i as u16))
            .collect();
        crate::sort::sort(&mut by_id);
        Index {
            by_id,
            regions,
            by_code,
            first,
            trunks,
        }
    }

    /// The regions that may have `d` (a national significant number).
    fn first(&self, d: &[u8]) -> Set {
        match d {
            [a, b, ..] if a.is_ascii_digit() && b.is_ascii_digit() && d.len() <= MAX_NSN => {
                let k = usize::from((a - b'0') * 10 + (b - b'0'));
                self.first[k * (MAX_NSN + 1) + d.len()]
            }
            [_, _, ..] => [0; WORDS],
            // No region has numbers of one digit: the trie walk decides.
            _ => [u64::MAX; WORDS],
        }
    }
}

impl Index {
    /// The regions [`national`] must look at for `d`.
    fn national(&self, d: &[u8]) -> Set {
        let mut cand = self.first(d);
        for (np, set) in &self.trunks {
            if d.starts_with(np) {
                let rest = self.first(&d[np.len()..]);
                for w in 0..WORDS {
                    cand[w] |= rest[w] & set[w];
                }
            }
        }
        cand
    }
}

/// Can [`national`] find a region for `d`? A cheap superset test (the
/// first two digits and the length).
pub(crate) fn may_be_national(d: &[u8]) -> bool {
    let ix = index();
    ix.regions.len() > WORDS * 64 || ix.national(d).iter().any(|&w| w != 0)
}

/// Build the lookups now (the recognizer does when it is built, so that
/// the first scan is not slower than the others).
pub(crate) fn warm() {
    index();
}

fn index() -> &'static Index {
    static INDEX: std::sync::OnceLock<Index> = std::sync::OnceLock::new();
    INDEX.get_or_init(Index::build)
}

/// The regions, in the table's order (geographic ones sorted by id, then
/// the non-geographic entities).
pub(crate) fn regions() -> impl Iterator<Item = Region> {
    index().regions.iter().copied()
}

/// Does `d` start with a national (trunk) prefix, or with a `0` (part of
/// the number in Italy, and the trunk prefix of most regions that have
/// one)? The numbers [`national`] finds dialled.
pub(crate) fn starts_dialled(d: &[u8]) -> bool {
    d.first() == Some(&b'0') || index().trunks.iter().any(|(np, _)| d.starts_with(np))
}

/// The regions with calling code `cc`, the main country first.
pub(crate) fn for_code(cc: u16) -> impl Iterator<Item = Region> {
    let ix = index();
    let lo = ix.by_code.partition_point(|&(c, _)| c < cc);
    ix.by_code[lo..]
        .iter()
        .take_while(move |&&(c, _)| c == cc)
        .map(move |&(_, i)| ix.regions[usize::from(i)])
}

/// The region `id` (`DE`; the first non-geographic entity for `001`).
pub(crate) fn region(id: &str) -> Option<Region> {
    let ix = index();
    let k = ix.by_id.partition_point(|&(r, _)| r < id);
    match ix.by_id.get(k) {
        Some(&(r, i)) if r == id => ix.regions.get(usize::from(i)).copied(),
        _ => None,
    }
}

/// Is `cc` a calling code of some region?
pub(crate) fn is_code(cc: u16) -> bool {
    for_code(cc).next().is_some()
}

/// The calling code at the start of `d` (codes are prefix-free) and its
/// number of digits.
pub(crate) fn code_at(d: &[u8]) -> Option<(u16, usize)> {
    (1..=3).find_map(|n| {
        let s = d.get(..n)?;
        if !s.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let code = s.iter().fold(0u16, |a, &c| a * 10 + u16::from(c - b'0'));
        is_code(code).then_some((code, n))
    })
}

impl Region {
    /// The same region record?
    pub(crate) fn same(&self, other: &Region) -> bool {
        std::ptr::eq(self.rec, other.rec)
    }
    pub(crate) fn code(&self) -> u16 {
        u16::from(self.rec[3]) | u16::from(self.rec[4]) << 8
    }
    fn main(&self) -> bool {
        self.rec[5] & 1 == 1
    }
    /// The region id (`DE`, `001` for non-geographic entities).
    pub(crate) fn id(&self) -> &'static str {
        let id = &self.rec[..3];
        let n = id.iter().position(|&c| c == 0).unwrap_or(3);
        std::str::from_utf8(&id[..n]).unwrap_or("")
    }
    /// The national (trunk) prefix, empty if the region has none.
    pub(crate) fn trunk(&self) -> &'static [u8] {
        let np = &self.rec[6..8];
        &np[..np.iter().position(|&c| c == 0).unwrap_or(2)]
    }
    fn root(&self, t: usize) -> Option<u32> {
        let r = u16_at(self.rec, 8 + 2 * t);
        (r != NONE).then_some(r)
    }
    /// Length mask number `i` of the table (0 if out of range).
    fn mask_at(&self, i: u8) -> u32 {
        let at = 3 * usize::from(i);
        match self.masks.get(at..at + 3) {
            Some(s) => u32::from(s[0]) | u32::from(s[1]) << 8 | u32::from(s[2]) << 16,
            None => 0,
        }
    }
    /// The lengths reachable from node `node`.
    fn mask(&self, node: u32) -> u32 {
        let i = self.nodes.get(node as usize + 1).copied();
        i.map_or(0, |i| self.mask_at(i))
    }
    /// Is `nsn` (ASCII digits) in type `t`'s trie?
    fn in_type(&self, t: usize, nsn: &[u8]) -> bool {
        let Some(mut off) = self.root(t) else {
            return false;
        };
        let n = nsn.len();
        if n > MAX_NSN {
            return false;
        }
        for &c in nsn {
            if self.mask(off) >> n & 1 == 0 {
                return false;
            }
            let d = c.wrapping_sub(b'0');
            match self.edge(off, d) {
                Some(t) if t & LEAF != 0 => return t >> n & 1 == 1,
                Some(t) => off = t,
                None => return false,
            }
        }
        self.mask(off) >> n & 1 == 1
    }
    /// The edges of node `off`: (lowest digit, highest digit, target), a
    /// target being [`LEAF`] | its mask or a child node offset.
    fn edges(&self, off: u32) -> impl Iterator<Item = (u8, u8, u32)> + '_ {
        let off = off as usize;
        let count = usize::from(self.nodes.get(off).copied().unwrap_or(0));
        let mut q = off + 2;
        (0..count).map_while(move |_| {
            let c = *self.nodes.get(q)?;
            let (lo, hi) = ((c & 0x7F) / 10, (c & 0x7F) % 10);
            if c & 0x80 != 0 {
                let m = self.mask_at(*self.nodes.get(q + 1)?);
                q += 2;
                Some((lo, hi, LEAF | m))
            } else {
                let t = u16_at(self.nodes, q + 1);
                q += 3;
                Some((lo, hi, t))
            }
        })
    }
    /// The target of the edge of node `off` covering digit `d` (the walk's
    /// inner step: a plain loop; edges are in digit order).
    fn edge(&self, off: u32, d: u8) -> Option<u32> {
        let n = self.nodes;
        let off = off as usize;
        let mut q = off + 2;
        for _ in 0..*n.get(off)? {
            let c = *n.get(q)?;
            let (lo, hi) = ((c & 0x7F) / 10, (c & 0x7F) % 10);
            let leaf = c & 0x80 != 0;
            if d < lo {
                return None;
            }
            if d <= hi {
                return Some(if leaf {
                    LEAF | self.mask_at(*n.get(q + 1)?)
                } else {
                    u16_at(n, q + 1)
                });
            }
            q += if leaf { 2 } else { 3 };
        }
        None
    }
    /// Lengths (bit k: k digits) of the numbers of any type.
    pub(crate) fn lengths(&self) -> u32 {
        self.lengths
    }
    /// Is `nsn` valid here (of some type)? [`Region::number_type`] without
    /// telling fixed line from "fixed line or mobile".
    pub(crate) fn valid(&self, nsn: &[u8]) -> bool {
        // Most numbers are fixed line or mobile: those tries first.
        nsn.len() <= MAX_NSN
            && self.lengths >> nsn.len() & 1 == 1
            && [FIXED, MOBILE]
                .into_iter()
                .chain(0..FIXED)
                .any(|t| self.in_type(t, nsn))
    }
    /// libphonenumber's type of `nsn` in this region: an index below
    /// [`TYPES`], or [`TYPES`] for "fixed line or mobile"; `None` if the
    /// number is not valid here.
    pub(crate) fn number_type(&self, nsn: &[u8]) -> Option<usize> {
        if nsn.len() > MAX_NSN || self.lengths() >> nsn.len() & 1 == 0 {
            return None;
        }
        let t = (0..TYPES).find(|&t| self.in_type(t, nsn))?;
        Some(if t == FIXED && self.in_type(MOBILE, nsn) {
            TYPES
        } else {
            t
        })
    }
    /// A random number of `len` digits from type `t`'s trie (for "fixed
    /// line or mobile", the fixed line one); `below(n)` draws uniformly
    /// from `0..n`. The caller checks [`Region::number_type`] of the result
    /// when the type must be the same (a fixed line number can also be a
    /// mobile one, or an earlier type can claim it).
    /// The number starts with `prefix` (digits the trie must allow).
    pub(crate) fn random(
        &self,
        t: usize,
        len: usize,
        prefix: &[u8],
        below: &mut dyn FnMut(u32) -> u32,
    ) -> Option<Vec<u8>> {
        let trie = if t == TYPES { FIXED } else { t };
        let mut off = self.root(trie)?;
        if len > MAX_NSN || self.mask(off) >> len & 1 == 0 || prefix.len() > len {
            return None;
        }
        let mut out = Vec::with_capacity(len);
        let mut leaf = false;
        while out.len() < len {
            if leaf {
                let d = prefix
                    .get(out.len())
                    .map_or_else(|| below(10) as u8, |&c| c - b'0');
                out.push(b'0' + d.min(9));
                continue;
            }
            if let Some(&c) = prefix.get(out.len()) {
                let t = self.edge(off, c.wrapping_sub(b'0'))?;
                let m = if t & LEAF != 0 { t } else { self.mask(t) };
                if m >> len & 1 == 0 {
                    return None;
                }
                out.push(c);
                if t & LEAF != 0 {
                    leaf = true;
                } else {
                    off = t;
                }
                continue;
            }
            // Digits whose edge can still reach `len` digits.
            let mut ok = [0u32; 10];
            let mut n = 0;
            for d in 0..10u8 {
                if let Some(t) = self.edge(off, d) {
                    let m = if t & LEAF != 0 { t } else { self.mask(t) };
                    if m >> len & 1 == 1 {
                        ok[n] = u32::from(d);
                        n += 1;
                    }
                }
            }
            if n == 0 {
                return None;
            }
            let d = ok[below(n as u32) as usize];
            out.push(b'0' + d as u8);
            let t = self.edge(off, d as u8)?;
            if t & LEAF != 0 {
                leaf = true;
            } else {
                off = t;
            }
        }
        Some(out)
    }
}

/// Is `+cc nsn` valid for one of the code's regions?
pub(crate) fn valid_international(cc: u16, nsn: &[u8]) -> bool {
    let cand = index().first(nsn);
    for_code(cc).any(|r| has(&cand, usize::from(r.pos)) && r.valid(nsn))
}

/// The region and type of an international number `+cc nsn`.
pub(crate) fn international(cc: u16, nsn: &[u8]) -> Option<(Region, usize)> {
    let cand = index().first(nsn);
    for_code(cc)
        .filter(|r| has(&cand, usize::from(r.pos)))
        .find_map(|r| Some((r, r.number_type(nsn)?)))
}

/// The regions where the digits `d` of a number written without `+` (a
/// national number) are valid, each with whether that region's national
/// (trunk) prefix was removed first: in a region with a trunk prefix that
/// `d` starts with, the rest must be valid (`0301234567` in DE: `301234567`);
/// in any other region `d` as written (`0612345678` in IT, where the `0`
/// is part of the number; `912345678` in ES). Lazy: the caller stops at the
/// first region it likes.
pub(crate) fn national(d: &[u8]) -> impl Iterator<Item = (Region, bool)> + '_ {
    let ix = index();
    let cand = ix.national(d);
    // The set bits, then any positions past the sets' capacity.
    let members = (0..WORDS).flat_map(move |w| {
        let mut bits = cand[w];
        std::iter::from_fn(move || {
            let b = bits.trailing_zeros() as usize;
            bits &= bits.wrapping_sub(1);
            (b < 64).then_some(w * 64 + b)
        })
    });
    let beyond = WORDS * 64..ix.regions.len();
    members
        .chain(beyond)
        .filter_map(move |i| ix.regions.get(i))
        .filter_map(move |&r| {
            let np = r.trunk();
            if !np.is_empty() && d.starts_with(np) {
                r.valid(&d[np.len()..]).then_some((r, true))
            } else {
                r.valid(d).then_some((r, false))
            }
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(id: &str) -> Region {
        regions().find(|r| r.id() == id).unwrap()
    }

    #[test]
    fn examples() {
        let gb = region("GB");
        assert_eq!(gb.code(), 44);
        assert_eq!(gb.trunk(), b"0");
        assert_eq!(gb.number_type(b"1212345678"), Some(FIXED));
        assert_eq!(gb.number_type(b"7400123456"), Some(MOBILE));
        assert_eq!(gb.number_type(b"6656031131"), None);
        assert_eq!(international(1, b"2015550123").map(|r| r.1), Some(TYPES));
        assert_eq!(international(290, b"22158").map(|r| r.0.id()), Some("SH"));
        assert_eq!(code_at(b"4930"), Some((49, 2)));
        assert_eq!(code_at(b"2476"), Some((247, 3)));
        assert!(national(b"03012345678").any(|(r, t)| r.id() == "DE" && t));
        assert!(national(b"0612345678").any(|(r, t)| r.id() == "IT" && !t));
        assert!(!is_code(0));
        assert_eq!(code_at(b"0049"), None);
    }

    #[test]
    fn random_numbers_stay_valid() {
        let mut x = 1u32;
        let mut below = |n: u32| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 8) % n
        };
        for r in regions() {
            for t in 0..=TYPES {
                for len in 1..=MAX_NSN {
                    if let Some(d) = r.random(t, len, b"", &mut below) {
                        assert_eq!(d.len(), len);
                        assert!(r.number_type(&d).is_some(), "{} {t}", r.id());
                    }
                }
            }
        }
    }
}
