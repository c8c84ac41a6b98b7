//! The generic rule: keep character classes.

use super::Drbg;

/// ASCII digit → digit; upper-case letter → `A`–`Z`; other letters →
/// `a`–`z`; everything else kept. With `hex`, hex digits stay hex digits,
/// upper-case unless the value has a lower-case one (MAC addresses).
pub(super) fn fake(value: &str, g: &mut Drbg, hex: bool) -> String {
    let upper = !value.bytes().any(|b| matches!(b, b'a'..=b'f'));
    value
        .chars()
        .map(|c| match c {
            '0'..='9' | 'a'..='f' | 'A'..='F' if hex => {
                let d = b"0123456789abcdef"[g.below(16) as usize] as char;
                if upper {
                    d.to_ascii_uppercase()
                } else {
                    d
                }
            }
            '0'..='9' => g.digit() as char,
            c if c.is_uppercase() => (b'A' + g.below(26) as u8) as char,
            c if c.is_alphabetic() => (b'a' + g.below(26) as u8) as char,
            c => c,
        })
        .collect()
}
