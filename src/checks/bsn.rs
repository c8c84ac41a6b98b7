//! Dutch BSN (burgerservicenummer) and its 11-test, the "elfproef" of the
//! RvIG "Logisch Ontwerp BSN": `9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11)`.

use super::{digits, weighted};

/// The ASCII ninth digit that completes the eight-digit `body`:
/// `Σ (9..2)·d mod 11`, `None` when that is 10 (no digit completes it).
pub(crate) fn check_digit(body: &[u8]) -> Option<u8> {
    let c = weighted(digits(body, 8)?, (2..=9).rev()) % 11;
    (c < 10).then(|| super::ascii(c))
}

/// Nine digits passing the 11-test, not all zero.
pub(crate) fn is_valid(d: &[u8]) -> bool {
    d.len() == 9 && check_digit(&d[..8]) == Some(d[8]) && d.iter().any(|&c| c != b'0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_examples() {
        // python-stdnum, stdnum.nl.bsn: 1112.22.333 valid, 1112.52.333 not.
        assert!(is_valid(b"111222333"));
        assert_eq!(check_digit(b"11122233"), Some(b'3'));
        assert!(!is_valid(b"111252333"));
    }

    #[test]
    fn edge_cases() {
        assert!(!is_valid(b"000000000"));
        // 9·1 + 8·1 = 17 ≡ 6 (mod 11).
        assert_eq!(check_digit(b"11000000"), Some(b'6'));
        // 2·5 = 10: no ninth digit.
        assert_eq!(check_digit(b"00000005"), None);
        assert_eq!(check_digit(b"1112223"), None);
        assert!(!is_valid(b"11122233"));
    }
}
