//! IBAN check digits (ISO 13616-1:2020): MOD 97-10 of the IBAN with its
//! first four characters (country code, check digits) moved to the end;
//! and each country's length and BBAN structure from the SWIFT IBAN
//! Registry (the generated table in [`super::iban_registry`]).

use super::{iban_registry::REGISTRY, iso7064};

/// A registry country: its IBAN length and BBAN structure.
#[derive(Clone, Copy)]
pub(crate) struct Country {
    /// IBAN length (country code, check digits and BBAN).
    pub(crate) len: usize,
    /// Registry notation with merged fields, e.g. `4!a10!n`.
    bban: &'static str,
}

impl Country {
    /// The class of every IBAN position, parsed once: `a` for the country
    /// code, `n` for the check digits, then the BBAN's; positions from
    /// `len` on are 0 (no class, nothing fits).
    pub(crate) fn classes(&self) -> [u8; MAX_LEN] {
        let mut out = [0u8; MAX_LEN];
        out[..4].copy_from_slice(b"aann");
        let mut at = 4;
        for field in self.bban.split_inclusive(['n', 'a', 'c']) {
            let (n, class) = field.split_at(field.len() - 1);
            let n = n.trim_end_matches('!').parse::<usize>().unwrap_or(0);
            let end = (at + n).min(MAX_LEN);
            out[at..end].fill(class.as_bytes()[0]);
            at = end;
        }
        out
    }
}

/// The longest IBAN ISO 13616 allows.
pub(crate) const MAX_LEN: usize = 34;

/// `n`: a digit, `a`: an upper-case letter, `c`: a letter or digit.
pub(crate) fn fits_class(class: u8, c: u8) -> bool {
    match class {
        b'n' => c.is_ascii_digit(),
        b'a' => c.is_ascii_uppercase(),
        b'c' => c.is_ascii_alphanumeric(),
        _ => false,
    }
}

/// The registry entry of a country code (upper case).
pub(crate) fn country(code: &[u8]) -> Option<Country> {
    REGISTRY
        .binary_search_by(|&(c, _, _)| c.as_bytes().cmp(code))
        .ok()
        .map(|k| Country {
            len: usize::from(REGISTRY[k].1),
            bban: REGISTRY[k].2,
        })
}

/// Does the upper-cased, separator-free IBAN have a registry country, its
/// length, and a BBAN of its structure? (The checksum is [`is_valid`].)
pub(crate) fn fits_registry(iban: &[u8]) -> bool {
    iban.len() >= 2
        && country(&iban[..2]).is_some_and(|c| {
            let classes = c.classes();
            iban.len() == c.len && iban.iter().zip(classes).all(|(&b, k)| fits_class(k, b))
        })
}

/// The check digits, as two ASCII digits, of the IBAN with this country
/// code and BBAN: the MOD 97-10 check of `bban ++ country`.
pub(crate) fn check_digits(country: &[u8], bban: &[u8]) -> Option<[u8; 2]> {
    let n = iso7064::mod97_10_check(bban.iter().chain(country))?;
    Some([super::ascii(n / 10), super::ascii(n % 10)])
}

/// The national check digits inside the BBAN, for the countries whose
/// scheme is published and checked by python-stdnum's `stdnum.<cc>.iban`:
/// so far Spain (`ES`, the CCC's two digits, weights 1 2 4 8 5 10 9 7 3 6
/// mod 11 over `00` + bank + branch and over the account number). `true`
/// for every other country and for input that is not a full IBAN.
pub(crate) fn national_ok(iban: &[u8]) -> bool {
    es_ccc(iban).is_none_or(|d| iban[12..14] == d)
}

/// Set the national check digits of a generated IBAN (country in either
/// case) so that [`national_ok`] holds; other countries are left alone.
pub(crate) fn fix_national(iban: &mut [u8]) {
    if let Some(d) = es_ccc(iban) {
        iban[12..14].copy_from_slice(&d);
    }
}

/// The two CCC check digits of a Spanish IBAN of 24 characters, BBAN all
/// digits; `None` for anything else.
fn es_ccc(iban: &[u8]) -> Option<[u8; 2]> {
    if iban.len() != 24
        || !iban[..2].eq_ignore_ascii_case(b"ES")
        || !iban[4..].iter().all(u8::is_ascii_digit)
    {
        return None;
    }
    let ccc = |d: &[u8]| {
        const W: [u32; 10] = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
        let sum: u32 = d.iter().zip(W).map(|(&c, w)| u32::from(c - b'0') * w).sum();
        match 11 - sum % 11 {
            11 => b'0',
            10 => b'1',
            n => super::ascii(n),
        }
    };
    let mut head = *b"0000000000";
    head[2..].copy_from_slice(&iban[4..12]);
    Some([ccc(&head), ccc(&iban[14..24])])
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
    fn registry_structure() {
        let nl = country(b"NL").unwrap();
        assert_eq!(nl.len, 18);
        let k = nl.classes();
        assert_eq!(&k[..18], b"aannaaaannnnnnnnnn");
        assert!(k[18..].iter().all(|&c| c == 0));
        assert!(country(b"XX").is_none() && country(b"").is_none() && country(b"N").is_none());
        // Every entry: the structure covers exactly the BBAN.
        for &(code, len, _) in REGISTRY {
            let len = usize::from(len);
            let k = country(code.as_bytes()).unwrap().classes();
            assert!(k[..len].iter().all(|c| b"nac".contains(c)), "{code}");
            assert!(k[len..].iter().all(|&c| c == 0), "{code}");
        }
        assert!(fits_registry(b"NL91ABNA0417164300") && is_valid(b"NL91ABNA0417164300"));
        // Passes mod 97, but NL's BBAN is 4!a10!n.
        assert!(is_valid(b"NL5630030A17164300") && !fits_registry(b"NL5630030A17164300"));
        assert!(fits_registry(b"GB29NWBK60161331926819"));
        assert!(
            !fits_registry(b"GB29NWBK6016133192681") && !fits_registry(b"gb29NWBK60161331926819")
        );
    }

    #[test]
    fn spanish_ccc() {
        // python-stdnum's es.iban documentation examples.
        assert!(national_ok(b"ES7721000813610123456789"));
        assert!(
            !national_ok(b"ES7621000813610123456789") || !is_valid(b"ES7621000813610123456789")
        );
        assert!(!national_ok(b"ES2121000418450200051331"));
        assert!(national_ok(b"NL91ABNA0417164300") && national_ok(b"ES77"));
    }

    #[test]
    fn bad_input_is_refused() {
        assert!(!is_valid(b"GB82") && !is_valid(b"GB82 WEST 1234"));
        assert_eq!(check_digits(b"G-", b"1"), None);
    }
}
