//! Polish PESEL numbers (the population register rules, gov.pl "Numer
//! PESEL"): YYMMDD with the century in the month, a serial, the sex digit
//! and a check digit with weights 1 3 7 9.

use super::{calendar, digits, weighted};

const WEIGHTS: [u32; 10] = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];

/// The ASCII check digit of the ten-digit `body`: `(10 − sum mod 10) mod 10`.
pub(crate) fn check_digit(body: &[u8]) -> Option<u8> {
    let sum = weighted(digits(body, 10)?, WEIGHTS);
    Some(super::ascii((10 - sum % 10) % 10))
}

/// The birth date of an 11-digit PESEL: the month carries the century
/// (+80 1800s, +0 1900s, +20 2000s, +40 2100s, +60 2200s). `None` unless
/// it is a real date.
fn birth_date(d: &[u8]) -> Option<(u32, u32, u32)> {
    let d = digits(d.get(..6)?, 6)?;
    let two = |k: usize| u32::from(d[k] - b'0') * 10 + u32::from(d[k + 1] - b'0');
    let (yy, mm, dd) = (two(0), two(2), two(4));
    let (century, m) = match mm {
        1..=12 => (1900, mm),
        21..=32 => (2000, mm - 20),
        41..=52 => (2100, mm - 40),
        61..=72 => (2200, mm - 60),
        81..=92 => (1800, mm - 80),
        _ => return None,
    };
    let y = century + yy;
    (dd >= 1 && dd <= calendar::days_in_month(i64::from(y), m)).then_some((y, m, dd))
}

/// Eleven digits with the right check digit and a real birth date.
pub(crate) fn is_valid(d: &[u8]) -> bool {
    d.len() == 11 && check_digit(&d[..10]) == Some(d[10]) && birth_date(d).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_examples() {
        // python-stdnum, stdnum.pl.pesel.
        assert!(is_valid(b"44051401359"));
        assert_eq!(check_digit(b"4405140135"), Some(b'9'));
        assert!(!is_valid(b"44051401358")); // wrong check digit
        assert!(!is_valid(b"02381307589")); // month 38: no century
        assert_eq!(birth_date(b"02122401358"), Some((1902, 12, 24)));
        assert_eq!(birth_date(b"02211307589"), Some((2002, 1, 13)));
        assert!(is_valid(b"02211307589") && is_valid(b"02122401358"));
    }

    #[test]
    fn the_date_must_exist() {
        assert_eq!(birth_date(b"00222900000"), Some((2000, 2, 29)));
        assert_eq!(birth_date(b"00022900000"), None); // 1900 was no leap year
        assert_eq!(birth_date(b"84923100000"), Some((1884, 12, 31)));
        assert_eq!(birth_date(b"84123100000"), Some((1984, 12, 31)));
        assert_eq!(birth_date(b"8412"), None);
        assert_eq!(check_digit(b"440514013"), None);
    }
}
