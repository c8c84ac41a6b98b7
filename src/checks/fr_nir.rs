//! The key of the French NIR (numéro d'inscription au répertoire, INSEE):
//! `97 − (n mod 97)` over the first 13 characters, where Corsica's
//! départements 2A and 2B are read as 19 and 18 (INSEE's rule, also
//! python-stdnum's `stdnum.fr.nir`).

/// The two ASCII key digits (01–97) of the 13-character `body`: sex, YY,
/// MM, département (two digits, or `2A`/`2B`), commune, order.
pub(crate) fn key(body: &[u8]) -> Option<[u8; 2]> {
    if body.len() != 13 {
        return None;
    }
    let department = match &body[5..7] {
        b"2A" => *b"19",
        b"2B" => *b"18",
        _ => [body[5], body[6]],
    };
    let mut n = 0u32;
    for &c in body[..5].iter().chain(&department).chain(&body[7..]) {
        n = (n * 10 + super::digit(c)?) % 97;
    }
    let k = 97 - n;
    Some([super::ascii(k / 10), super::ascii(k % 10)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_examples() {
        // python-stdnum, stdnum.fr.nir.
        assert_eq!(key(b"2951099126111"), Some(*b"93"));
        assert_ne!(key(b"2951099126111"), Some(*b"99"));
        assert_eq!(key(b"253072B073004"), Some(*b"70"));
        assert_eq!(key(b"253072A073004"), Some(*b"43"));
    }

    #[test]
    fn bad_input_is_refused() {
        assert_eq!(key(b"253072C073004"), None);
        assert_eq!(key(b"295109912611"), None);
        assert_eq!(key(b"29510991261119"), None);
    }

    #[test]
    fn a_multiple_of_97_has_key_97() {
        assert_eq!(key(b"0000000000000"), Some(*b"97"));
    }
}
