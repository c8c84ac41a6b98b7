//! The German Steuerliche Identifikationsnummer (§ 139b AO; § 1 StIdV:
//! ten digits and a check digit), checked as the ELSTER document "Prüfung
//! der Steuer- und Steueridentifikationsnummer" (Bayerisches Landesamt für
//! Steuern, 2019, section 2.2) states: eleven digits, no leading zero
//! (those are test numbers), a digit repetition rule over the first ten
//! and an ISO 7064 MOD 11,10 check digit.
//!
//! The repetition rule, in the document's words: in the first ten digits
//! exactly one digit occurs twice or three times ("genau eine Ziffer doppelt
//! oder dreifach"; three times since 2016), and three equal digits never
//! stand at directly consecutive positions ("niemals an direkt aufeinander
//! folgenden Stellen"). Its example table shows what that means:
//! `65929970489` is valid with its three 9s at positions 3, 5 and 6, so two
//! of the three may be neighbours; only all three in a row are refused.
//! Apache Commons Validator (`TidDECheckDigit`, whose tests quote the same
//! section) agrees: `11123456786` invalid, `11012345675` valid. Two other
//! implementations disagree and are not followed: python-stdnum 2.2
//! (`stdnum.de.idnr`) accepts `11123456786` (it counts, but does not look
//! at adjacency), and Presidio's `DeTaxIdRecognizer` accepts `12345678903`
//! and `98765432106`, in which no digit repeats at all.

use super::{digits, iso7064};

/// The ASCII check digit of the ten-digit `body` (ISO 7064 MOD 11,10).
pub(crate) fn check_digit(body: &[u8]) -> Option<u8> {
    iso7064::mod11_10_check(digits(body, 10)?)
}

/// The rules on the first ten digits: no leading zero; exactly one digit
/// occurs twice or three times (so one or two digits are missing), and a
/// tripled digit never stands three in a row (two of its three may be
/// adjacent, the rule since 2016).
pub(crate) fn body_ok(body: &[u8]) -> bool {
    let Some(d) = digits(body, 10) else {
        return false;
    };
    if d[0] == b'0' {
        return false;
    }
    let mut counts = [0u8; 10];
    for &c in d {
        counts[usize::from(c - b'0')] += 1;
    }
    let mut multi = counts.iter().filter(|&&n| n > 1);
    match (multi.next(), multi.next()) {
        (Some(2), None) => true,
        // Only the tripled digit can stand three in a row.
        (Some(3), None) => !d.windows(3).any(|w| w[0] == w[1] && w[1] == w[2]),
        _ => false,
    }
}

/// Eleven digits: [`body_ok`] and the check digit.
pub(crate) fn is_valid(d: &[u8]) -> bool {
    d.len() == 11 && body_ok(&d[..10]) && check_digit(&d[..10]) == Some(d[10])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_examples() {
        // ELSTER, table 2-1 (the last two with a digit three times).
        for id in [
            &b"86095742719"[..],
            b"47036892816",
            b"65929970489",
            b"57549285017",
            b"25768131411",
        ] {
            assert!(is_valid(id), "{id:?}");
        }
        // python-stdnum, stdnum.de.idnr.
        assert!(is_valid(b"36574261809"));
        assert!(!is_valid(b"36574261890")); // wrong check digit
        assert!(!is_valid(b"36554266806")); // more digits repeated
    }

    #[test]
    fn repetition_rule() {
        assert!(!body_ok(b"0247629135")); // leading 0: a test ID
        assert!(!body_ok(b"1114567890")); // 1 three times in a row
        assert!(!body_ok(b"1111234567")); // 1 four times
        assert!(!body_ok(b"1234567890")); // no digit repeated
        assert!(!body_ok(b"1122567890")); // two digits repeated
        assert!(body_ok(b"1121567890")); // tripled, at most two adjacent
        assert!(body_ok(b"1123456789")); // doubled
        assert!(!body_ok(b"112345678"));
        // Apache Commons Validator, TidDECheckDigitTest (after the ELSTER text).
        assert!(is_valid(b"11012345675")); // tripled, two of them adjacent
        assert!(!is_valid(b"11123456786")); // three in a row
        assert!(!is_valid(b"12345678903")); // no digit repeated
        assert!(!is_valid(b"98765432106"));
        assert!(!is_valid(b"11223456785")); // two doubled digits
        assert_eq!(check_digit(b"112156789"), None);
    }
}
