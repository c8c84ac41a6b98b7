//! IBAN check digits (ISO 13616-1:2020): MOD 97-10 of the IBAN with its
//! first four characters (country code, check digits) moved to the end.
//! Country lengths stay with the validator (`crate::validate`), which
//! owns the registry table.

use super::iso7064;

/// The check digits, as two ASCII digits, of the IBAN with this country
/// code and BBAN: the MOD 97-10 check of `bban ++ country`.
pub(crate) fn check_digits(country: &[u8], bban: &[u8]) -> Option<[u8; 2]> {
    let n = iso7064::mod97_10_check(bban.iter().chain(country))?;
    Some([super::ascii(n / 10), super::ascii(n % 10)])
}

/// Is the rearranged IBAN (letters in either case, no spaces) ≡ 1 mod 97?
/// Only the checksum: the validator also refuses the check digits 00, 01
/// and 99, which never come out of [`check_digits`] but can pass mod 97.
pub(crate) fn is_valid(iban: &[u8]) -> bool {
    if iban.len() < 5 {
        return false;
    }
    let (head, tail) = iban.split_at(4);
    iso7064::mod97(tail.iter().chain(head)) == Some(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_examples() {
        // SWIFT IBAN Registry examples for DE and GB; GB82 WEST… is the
        // example of Wikipedia, "International Bank Account Number".
        for iban in [
            &b"DE89370400440532013000"[..],
            b"GB29NWBK60161331926819",
            b"GB82WEST12345698765432",
            b"gb82west12345698765432",
        ] {
            assert!(is_valid(iban), "{iban:?}");
        }
        assert!(!is_valid(b"GB82WEST12345698765431"));
        assert_eq!(check_digits(b"DE", b"370400440532013000"), Some(*b"89"));
        assert_eq!(check_digits(b"GB", b"WEST12345698765432"), Some(*b"82"));
    }

    #[test]
    fn bad_input_is_refused() {
        assert!(!is_valid(b"GB82") && !is_valid(b"GB82 WEST 1234"));
        assert_eq!(check_digits(b"G-", b"1"), None);
    }
}
