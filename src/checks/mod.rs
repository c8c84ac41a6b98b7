//! Check digits and calendar rules: one home for each.
//!
//! Three parts of the crate need the same arithmetic: validation
//! (`crate::validate`) and the recognizers (`crate::pii::recognize`)
//! compare a number's check digit with the one computed here, and the
//! pseudonymizers (`crate::pii::operators::pseudonym`) append the one
//! computed here to a random body, so that a fake passes every check the
//! real number did. With one implementation per check they cannot drift
//! apart, and a new national ID touches one file here, its recognizer and
//! its pseudonymizer.
//!
//! Every function takes ASCII bytes and answers `None` / `false` for a
//! wrong length or a byte outside the check's alphabet; none panics.
//! Checks that produce one character return it as an ASCII byte, ready to
//! compare with the input or to push onto a generated body.
//!
//! | module | computes | follows |
//! |---|---|---|
//! | [`luhn`] | Luhn (mod 10) check digit of card numbers | ISO/IEC 7812-1, annex B |
//! | [`iso7064`] | MOD 97-10 and MOD 11,10 | ISO/IEC 7064:2003 |
//! | [`iban`] | IBAN check digits (MOD 97-10 of the rearranged IBAN) | ISO 13616-1:2020 |
//! | [`nhs`] | UK NHS number, modulus 11; the CHI date rule | NHS Data Dictionary, "NHS Number" |
//! | [`pesel`] | PESEL weights 1 3 7 9 and the encoded birth date | Polish population register rules (gov.pl, "Numer PESEL") |
//! | [`bsn`] | Dutch BSN 11-test (elfproef) | RvIG, "Logisch Ontwerp BSN" |
//! | [`de_tax_id`] | Steuer-ID digit repetition rule and MOD 11,10 | ELSTER, "Prüfung der Steuer- und Steueridentifikationsnummer", 2.2 |
//! | [`it_fiscal_code`] | codice fiscale layout, omocodia, check letter | DM 23 dicembre 1976 (Ministero delle Finanze) |
//! | [`es_nif`] | DNI / NIE check letter (n mod 23) | Ministerio del Interior, "Cálculo del dígito de control del NIF/NIE" |
//! | [`fr_nir`] | NIR key 97 − (n mod 97), Corsica 2A/2B | INSEE, NIR (Répertoire national d'identification) |
//! | [`calendar`] | leap years, days in a month | proleptic Gregorian calendar (ISO 8601) |
//!
//! The unit tests use the example numbers those documents (or
//! python-stdnum's documentation of them) publish. The integration tests
//! compare the pseudonyms with the independent implementations in
//! `tests/common/checks.rs`.

pub(crate) mod bsn;
pub(crate) mod calendar;
pub(crate) mod de_tax_id;
pub(crate) mod es_nif;
pub(crate) mod fr_nir;
pub(crate) mod iban;
pub(crate) mod iso7064;
pub(crate) mod it_fiscal_code;
pub(crate) mod luhn;
pub(crate) mod nhs;
pub(crate) mod pesel;

/// The value of an ASCII digit.
fn digit(c: u8) -> Option<u32> {
    c.is_ascii_digit().then(|| u32::from(c - b'0'))
}

/// `s` when it has exactly `n` bytes, all ASCII digits.
fn digits(s: &[u8], n: usize) -> Option<&[u8]> {
    (s.len() == n && s.iter().all(u8::is_ascii_digit)).then_some(s)
}

/// The ASCII digit of `v` (`v` < 10).
fn ascii(v: u32) -> u8 {
    b"0123456789"[(v % 10) as usize]
}

/// The sum of `digit · weight` over `d`, which the caller has checked
/// with [`digits`] (a stray byte would count as garbage, never panic).
fn weighted(d: &[u8], weights: impl IntoIterator<Item = u32>) -> u32 {
    d.iter()
        .zip(weights)
        .map(|(&c, w)| u32::from(c.wrapping_sub(b'0')).wrapping_mul(w))
        .fold(0, u32::wrapping_add)
}
