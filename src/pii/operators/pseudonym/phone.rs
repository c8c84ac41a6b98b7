//! Phone numbers: same country code, length and layout.

use super::{differing, relayout, Drbg};

pub(super) fn fake(value: &str, g: &mut Drbg) -> Option<String> {
    if !value
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '+' | ' ' | '-' | '.' | '(' | ')'))
    {
        return None;
    }
    let digits: Vec<u8> = value.bytes().filter(u8::is_ascii_digit).collect();
    if digits.len() < 4 || digits.len() > 17 {
        return None;
    }
    let plus = value.starts_with('+');
    // Digits kept as they are: the country code, or a national number's
    // leading zeros (trunk or international prefix).
    let zeros = digits.iter().take_while(|&&d| d == b'0').count();
    let (keep, nanp) = if plus || zeros >= 2 {
        // `+CC` or the international prefix `00` then `CC`.
        let skip = if plus { 0 } else { zeros };
        let intl: String = digits[skip..].iter().map(|&b| b as char).collect();
        match crate::validate::phone(&format!("+{intl}")) {
            Ok(v) => {
                let cc = v
                    .details
                    .get("countryCode")
                    .map(|c| c.to_string())
                    .unwrap_or_default();
                (skip + cc.len().clamp(1, 3), cc == "1")
            }
            Err(_) => (skip + 1, digits.get(skip) == Some(&b'1')),
        }
    } else {
        (zeros, zeros == 0 && digits.len() == 10)
    };
    let keep = keep.min(digits.len() - 1);
    differing(value, g, |g| {
        let mut d = digits[..keep].to_vec();
        while d.len() < digits.len() {
            let i = d.len() - keep;
            // The first national digit is 2-9 (never a trunk 0 or 1); in
            // North American numbers also the exchange's first digit.
            let lead = i == 0 || (nanp && i == 3);
            d.push(if lead {
                b'0' + g.range(2, 9) as u8
            } else {
                g.digit()
            });
        }
        Some(relayout(value, &d, char::is_ascii_digit))
    })
}
