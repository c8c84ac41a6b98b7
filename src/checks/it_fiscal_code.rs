//! The Italian codice fiscale of a person (16 characters; the check
//! character tables of the DM 23 dicembre 1976, Ministero delle Finanze):
//! 6 letters (surname, name), YY, a month letter, DD (+40 for women), a
//! municipality code (letter + 3 digits) and the check letter. Omocodia
//! (two people with the same code) replaces digits at positions 7 8 10 11
//! 13 14 15 with `L M N P Q R S T U V`.
//!
//! Companies, associations and other non-persons have an 11-digit numeric
//! codice fiscale, the same number as their partita IVA
//! ([`numeric_is_valid`]): a 7-digit serial (matricola), the 3-digit code
//! of the provincial office that issued it and a Luhn check digit
//! (the structure as it.wikipedia, "Partita IVA", describes it; the office
//! codes as python-stdnum's `stdnum.it.iva` checks them).

/// The month letters, January to December.
pub(crate) const MONTH_LETTERS: &[u8; 12] = b"ABCDEHLMPRST";

/// The letters that stand for 0–9 in omocodia codes.
const OMOCODIA: &[u8; 10] = b"LMNPQRSTUV";

/// The value of a character in an odd position (1st, 3rd, …), for 0–9 and
/// A–Z alike (0 counts as A, …, 9 as J); even positions count 0–9 and
/// A = 0 … Z = 25.
const ODD: [u32; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

/// The check letter (ASCII upper case) of the first 15 characters
/// (digits and letters, either case): the odd- and even-position values
/// summed, mod 26, as a letter.
pub(crate) fn check_letter(body: &[u8]) -> Option<u8> {
    if body.len() != 15 {
        return None;
    }
    let mut sum = 0;
    for (i, &c) in body.iter().enumerate() {
        let v = match c.to_ascii_uppercase() {
            c @ b'0'..=b'9' => c - b'0',
            c @ b'A'..=b'Z' => c - b'A',
            _ => return None,
        };
        sum += if i % 2 == 0 {
            ODD[usize::from(v)]
        } else {
            u32::from(v)
        };
    }
    Some(b'A' + (sum % 26) as u8)
}

/// A digit, or its omocodia letter, as its value.
fn omocodia_digit(c: u8) -> Option<u32> {
    match c {
        b'0'..=b'9' => Some(u32::from(c - b'0')),
        _ => OMOCODIA.iter().position(|&o| o == c).map(|p| p as u32),
    }
}

/// A 16-character upper-case code with the layout above (omocodia
/// allowed), a real month letter, a day 1–31 or 41–71, and its check letter.
pub(crate) fn is_valid(s: &[u8]) -> bool {
    if s.len() != 16 {
        return false;
    }
    let letters = [0, 1, 2, 3, 4, 5, 8, 11, 15]
        .iter()
        .all(|&k| s[k].is_ascii_uppercase());
    let digits = [6, 7, 9, 10, 12, 13, 14]
        .iter()
        .all(|&k| omocodia_digit(s[k]).is_some());
    if !letters || !digits || !MONTH_LETTERS.contains(&s[8]) {
        return false;
    }
    let day = omocodia_digit(s[9]).unwrap_or(0) * 10 + omocodia_digit(s[10]).unwrap_or(0);
    if !(1..=31).contains(&day) && !(41..=71).contains(&day) {
        return false;
    }
    check_letter(&s[..15]) == Some(s[15])
}

/// An 11-digit numeric codice fiscale (= partita IVA): digits only, a
/// serial that is not all zeros, a provincial office code 001–100 or one
/// of the special codes 120, 121, 888, 999, and the Luhn check digit
/// ([`super::luhn`]: digits in even positions doubled, counted from the
/// left, which for 11 digits is the Luhn rule).
pub(crate) fn numeric_is_valid(d: &[u8]) -> bool {
    let Some(d) = super::digits(d, 11) else {
        return false;
    };
    let office = super::weighted(&d[7..10], [100, 10, 1]);
    d[..7].iter().any(|&c| c != b'0')
        && ((1..=100).contains(&office) || matches!(office, 120 | 121 | 888 | 999))
        && super::luhn::is_valid(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_examples() {
        // python-stdnum, stdnum.it.codicefiscale.
        assert_eq!(check_letter(b"RCCMNL83S18D969"), Some(b'H'));
        assert!(is_valid(b"RCCMNL83S18D969H"));
        assert!(is_valid(b"CNTCHR83T41D969D")); // a woman: day + 40
        assert!(!is_valid(b"RCCMNL83S18D969A"));
        // The "Mario Rossi" example of Wikipedia, "Codice fiscale".
        assert!(is_valid(b"RSSMRA85T10A562S"));
    }

    #[test]
    fn omocodia_and_case() {
        // RCCMNL83S18D969H with its last municipality digit 9 → V: the
        // check letter is computed on the letters as they stand.
        let omo = b"RCCMNL83S18D96V";
        let check = check_letter(omo).unwrap();
        let mut full = omo.to_vec();
        full.push(check);
        assert!(is_valid(&full));
        assert_eq!(check_letter(b"rccmnl83s18d969"), Some(b'H'));
        assert!(!is_valid(b"rccmnl83s18d969h")); // the recognizer wants capitals
    }

    #[test]
    fn numeric_code() {
        // python-stdnum, stdnum.it.codicefiscale and stdnum.it.iva.
        assert!(numeric_is_valid(b"00743110157"));
        assert!(!numeric_is_valid(b"00743110158")); // wrong check digit
                                                    // The check digit passes, but 975 is no provincial office code.
        assert!(super::super::luhn::is_valid(b"86334519757"));
        assert!(!numeric_is_valid(b"86334519757"));
        assert!(!numeric_is_valid(b"00000000000")); // serial 0
        assert!(!numeric_is_valid(b"0074311015")); // 10 digits
        assert!(!numeric_is_valid(b"0074311015a"));
    }

    #[test]
    fn layout_is_checked() {
        assert!(!is_valid(b"RCCMNL83Z18D969H")); // Z is no month
        assert!(!is_valid(b"RCCMNL83S38D969H")); // day 38
        assert!(!is_valid(b"RCCMNL83S18D969"));
        assert_eq!(check_letter(b"RCCMNL83S18D96-"), None);
    }
}
