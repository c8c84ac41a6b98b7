//! The check letter of Spanish DNI and NIE numbers (the NIF of people;
//! Ministerio del Interior, "Cálculo del dígito de control del NIF/NIE"):
//! `TRWAGMYFPDXBNJZSQVHLCKE[n mod 23]`, where an NIE's X/Y/Z counts as the
//! leading digit 0/1/2.

const LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

/// The check letter (ASCII upper case) of `body`: a DNI's 8 digits, or an
/// NIE's X/Y/Z (either case) and 7 digits.
pub(crate) fn check_letter(body: &[u8]) -> Option<u8> {
    let (&first, rest) = body.split_first()?;
    if body.len() != 8 {
        return None;
    }
    let lead = match first.to_ascii_uppercase() {
        c @ b'0'..=b'9' => c - b'0',
        c @ b'X'..=b'Z' => c - b'X',
        _ => return None,
    };
    let n = rest
        .iter()
        .try_fold(u32::from(lead), |n, &c| super::digit(c).map(|d| n * 10 + d))?;
    Some(LETTERS[(n % 23) as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_examples() {
        // python-stdnum, stdnum.es.dni and stdnum.es.nie.
        assert_eq!(check_letter(b"54362315"), Some(b'K'));
        assert_eq!(check_letter(b"X2482300"), Some(b'W'));
        assert_eq!(check_letter(b"x2482300"), Some(b'W'));
        // The Ministerio del Interior's table: remainder 0 is T, 22 is E.
        assert_eq!(check_letter(b"00000000"), Some(b'T'));
        assert_eq!(check_letter(b"00000022"), Some(b'E'));
        assert_eq!(check_letter(b"12345678"), Some(b'Z'));
        assert_eq!(check_letter(b"X1234567"), Some(b'L'));
    }

    #[test]
    fn bad_input_is_refused() {
        assert_eq!(check_letter(b"A1234567"), None);
        assert_eq!(check_letter(b"1234567"), None);
        assert_eq!(check_letter(b"X12345678"), None);
        assert_eq!(check_letter(b"1234567-"), None);
        assert_eq!(check_letter(b"XY234567"), None);
        assert_eq!(check_letter(b""), None);
    }
}
