//! The Luhn (mod 10) check digit of payment card numbers (ISO/IEC 7812-1,
//! annex B): used by the `credit-card` validator, the card recognizer and
//! the card pseudonymizer.

/// The ASCII check digit that completes `body` (the number without its
/// last digit): from the right, the first, third, … digit of the body is
/// doubled (9 subtracted when that exceeds 9), and the check digit brings
/// the sum to a multiple of 10. `None` if `body` holds a non-digit.
pub(crate) fn check_digit(body: &[u8]) -> Option<u8> {
    let mut sum = 0;
    for (i, &c) in body.iter().rev().enumerate() {
        let v = super::digit(c)?;
        sum += if i % 2 == 0 {
            let x = v * 2;
            if x > 9 {
                x - 9
            } else {
                x
            }
        } else {
            v
        };
    }
    Some(super::ascii((10 - sum % 10) % 10))
}

/// Does the last digit of `full` complete the rest?
pub(crate) fn is_valid(full: &[u8]) -> bool {
    full.split_last()
        .is_some_and(|(&last, body)| check_digit(body) == Some(last))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_examples() {
        // Wikipedia, "Luhn algorithm": 7992739871 completes to …3.
        assert_eq!(check_digit(b"7992739871"), Some(b'3'));
        assert!(is_valid(b"79927398713"));
        assert!(!is_valid(b"79927398710"));
        // python-stdnum, stdnum.luhn: calc_check_digit('7894') == '9'.
        assert_eq!(check_digit(b"7894"), Some(b'9'));
        // The Visa and Mastercard test numbers the networks publish.
        assert!(is_valid(b"4111111111111111") && is_valid(b"5555555555554444"));
        assert!(!is_valid(b"4111111111111112"));
    }

    #[test]
    fn bad_input_is_refused() {
        assert_eq!(check_digit(b"41x1"), None);
        assert!(!is_valid(b"") && !is_valid(b"4111 1111 1111 1111"));
        assert_eq!(check_digit(b""), Some(b'0'));
    }
}
