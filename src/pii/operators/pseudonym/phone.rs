//! Phone numbers: same country code, length, layout and, where the
//! per-region metadata ([`crate::checks::phonemeta`]) knows the number, the
//! same region and number type (a mobile stays a mobile) and valid there.

use super::{differing, relayout, Drbg};
use crate::checks::phonemeta::{self, Region};

/// Attempts at drawing a number of the original's type: a draw from a
/// type's trie can fall into an earlier type (a premium-rate range inside
/// the fixed-line pattern) or, for fixed line, also be a mobile number.
const TRIES: usize = 16;

pub(super) fn fake(value: &str, g: &mut Drbg) -> Option<String> {
    if !value
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '.' | '(' | ')'))
    {
        return None;
    }
    let digits: Vec<u8> = value.bytes().filter(u8::is_ascii_digit).collect();
    if digits.len() < 4 || digits.len() > 17 {
        return None;
    }
    if let Some((keep, fits)) = known(value, &digits) {
        let nsn = &digits[keep..];
        let (region, t) = *fits.first()?;
        // The draw is valid, of the same type, in every region where the
        // original is (a national number can be valid in several); where
        // that cannot be had, in the first of them.
        let same = |d: &[u8], all: bool| {
            let n = if all { fits.len() } else { 1 };
            fits[..n].iter().all(|&(r, u)| {
                // A number starting with the trunk prefix, when the
                // original does not, is read by libphonenumber as prefix +
                // a shorter number.
                let trunk = r.trunk();
                let trunk_ok = trunk.is_empty() || !d.starts_with(trunk) || nsn.starts_with(trunk);
                trunk_ok
                    && phonemeta::international(r.code(), d)
                        .is_some_and(|(q, v)| q.same(&r) && v == u)
            })
        };
        return differing(value, g, |g| {
            let mut below = |n: u32| g.below(n);
            // Drawn freely first; where the type's trie mostly holds numbers
            // of another type, more and more of the original's leading
            // digits are kept (the original itself is of type `t`).
            let mut draw = |all: bool| {
                (0..TRIES)
                    .filter_map(|i| {
                        let k = i.saturating_sub(3).min(nsn.len());
                        region.random(t, nsn.len(), &nsn[..k], &mut below)
                    })
                    .find(|d| same(d, all))
            };
            let new = draw(true).or_else(|| draw(false))?;
            let mut d = digits[..keep].to_vec();
            d.extend_from_slice(&new);
            Some(relayout(value, &d, char::is_ascii_digit))
        })
        .or_else(|| drawn(value, &digits, g));
    }
    drawn(value, &digits, g)
}

/// A number the metadata knows: the count of leading digits kept (access
/// code, country code, a trunk prefix written as `(0)` or in a national
/// number) and the regions where the rest is valid, with its type there.
fn known(value: &str, digits: &[u8]) -> Option<(usize, Vec<(Region, usize)>)> {
    let plus = value.starts_with('+');
    let zeros = digits.iter().take_while(|&&d| d == b'0').count();
    if plus || zeros == 2 {
        let skip = if plus { 0 } else { 2 };
        let (cc, n) = phonemeta::code_at(&digits[skip..])?;
        let rest = &digits[skip + n..];
        // `+44 (0)20 …`: the trunk prefix in parentheses stays.
        let trunk = usize::from(value.contains("(0)") && rest.first() == Some(&b'0'));
        let fit = phonemeta::international(cc, &rest[trunk..])?;
        return Some((skip + n + trunk, vec![fit]));
    }
    if zeros > 2 {
        // `000 4300 0000`: more zeros than any trunk prefix; the validator
        // reads an access code there, so the plain drawing keeps them all.
        return None;
    }
    if digits.len() == 10 && zeros == 0 {
        // North American numbers are written without their trunk `1`.
        if let Some(fit) = phonemeta::international(1, digits) {
            return Some((0, vec![fit]));
        }
    }
    // Regions where the number is valid after removing their trunk
    // prefix, else where it is valid as written.
    let mut with = Vec::new();
    let mut plain = Vec::new();
    for r in phonemeta::regions() {
        let np = r.trunk();
        if !np.is_empty() && digits.starts_with(np) {
            if let Some(t) = r.number_type(&digits[np.len()..]) {
                with.push((np.len(), (r, t)));
            }
        } else if let Some(t) = r.number_type(digits) {
            plain.push((r, t));
        }
    }
    if let Some(&(keep, _)) = with.first() {
        let fits = with
            .into_iter()
            .filter(|&(k, _)| k == keep)
            .map(|(_, f)| f)
            .collect();
        return Some((keep, fits));
    }
    (!plain.is_empty()).then_some((0, plain))
}

/// Digits drawn without metadata (a number no region's plan knows): the
/// country code or a national number's leading zeros are kept.
fn drawn(value: &str, digits: &[u8], g: &mut Drbg) -> Option<String> {
    let plus = value.starts_with('+');
    // Digits kept as they are: the country code, or a national number's
    // leading zeros (trunk or international prefix).
    let zeros = digits.iter().take_while(|&&d| d == b'0').count();
    let (keep, nanp) = if plus || zeros >= 2 {
        // `+CC` or the international prefix `00` then `CC`.
        let skip = if plus { 0 } else { zeros };
        match phonemeta::code_at(&digits[skip..]) {
            Some((cc, n)) => (skip + n, cc == 1),
            None => (skip + 1, digits.get(skip) == Some(&b'1')),
        }
    } else {
        (zeros, zeros == 0 && digits.len() == 10)
    };
    let keep = keep.min(digits.len() - 1);
    differing(value, g, |g| {
        let mut d = digits[..keep].to_vec();
        while d.len() < digits.len() {
            let i = d.len() - keep;
            // The first national digit is 2-9 (never a trunk 0 or 1); in
            // North American numbers also the exchange's first digit.
            let lead = i == 0 || (nanp && i == 3);
            d.push(if lead {
                b'0' + g.range(2, 9) as u8
            } else {
                g.digit()
            });
        }
        Some(relayout(value, &d, char::is_ascii_digit))
    })
}
