//! UK NHS numbers (NHS Data Dictionary, "NHS Number"): ten digits, the
//! last a modulus 11 check digit; and the date rule of Scotland's CHI
//! numbers, which share the format.

use super::{digit, digits, weighted};

/// The ASCII check digit of the nine-digit `body`: weights 10 down to 2,
/// check `11 − (sum mod 11)` with 11 written as 0. `None` when that is 10
/// (such numbers are never issued) or `body` is not nine digits.
pub(crate) fn check_digit(body: &[u8]) -> Option<u8> {
    let sum = weighted(digits(body, 9)?, (2..=10).rev());
    match 11 - sum % 11 {
        11 => Some(b'0'),
        10 => None,
        c => Some(super::ascii(c)),
    }
}

/// Ten digits whose last is the check digit of the first nine.
pub(crate) fn is_valid(d: &[u8]) -> bool {
    d.len() == 10 && check_digit(&d[..9]) == Some(d[9])
}

/// Numbers from 010 to 311 are Scotland's CHI numbers, whose first six
/// digits are the holder's birth date DDMMYY; the other issued ranges
/// (Northern Ireland 320–399, England and Wales 400–499 and 600–799) carry
/// no date. True outside the CHI range, and inside it when DD is 01–31 and
/// MM 01–12. (The recognizer uses it to tell a bare 10-digit run from a
/// timestamp or counter such as `1600781454`.)
pub(crate) fn chi_date_ok(d: &[u8]) -> bool {
    let Some(&[a, b, c, e]) = d.get(..4) else {
        return false;
    };
    let (Some(a), Some(b), Some(c), Some(e)) = (digit(a), digit(b), digit(c), digit(e)) else {
        return false;
    };
    let first3 = a * 100 + b * 10 + c;
    if !(10..=311).contains(&first3) {
        return true;
    }
    let (dd, mm) = (a * 10 + b, c * 10 + e);
    (1..=31).contains(&dd) && (1..=12).contains(&mm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_examples() {
        // 943 476 5919: the example number NHS Digital uses in its
        // documentation (and Wikipedia, "NHS number").
        assert_eq!(check_digit(b"943476591"), Some(b'9'));
        assert!(is_valid(b"9434765919"));
        assert!(!is_valid(b"9434765918"));
    }

    #[test]
    fn a_check_of_ten_is_never_issued() {
        // 6·2 = 12, 12 mod 11 = 1, 11 − 1 = 10.
        assert_eq!(check_digit(b"000000006"), None);
        // sum 0: 11 − 0 = 11, written 0.
        assert_eq!(check_digit(b"000000000"), Some(b'0'));
        assert_eq!(check_digit(b"94347659"), None);
        assert_eq!(check_digit(b"94347659x"), None);
        assert!(!is_valid(b"943476591"));
    }

    #[test]
    fn chi_dates() {
        assert!(chi_date_ok(b"4010232137")); // England: no date
        assert!(chi_date_ok(b"0101901234")); // 01.01.90
        assert!(!chi_date_ok(b"1600781454")); // month 00
        assert!(!chi_date_ok(b"0113901234")); // month 13
        assert!(chi_date_ok(b"0013781454")); // 001: below the CHI range
        assert!(!chi_date_ok(b"01x"));
    }
}
