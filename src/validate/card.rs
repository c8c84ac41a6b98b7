//! Payment card numbers: IIN ranges, lengths and the Luhn check
//! (`crate::checks::luhn`).
//!
//! IIN ranges and lengths (as published by the networks and summarized in
//! ISO/IEC 7812 registries):
//!
//! | brand | IIN prefixes | lengths |
//! |---|---|---|
//! | amex | 34, 37 | 15 |
//! | visa | 4 | 13, 16, 19 |
//! | mastercard | 51–55, 2221–2720 | 16 |
//! | discover | 6011, 644–649, 65 | 16–19 |
//! | jcb | 3528–3589 | 16–19 |
//! | diners | 300–305, 3095, 36, 38, 39 | 14–19 |
//! | unionpay | 62, 81 | 16–19 |
//! | maestro | 50, 56–58, 6304, 639, 67 | 12–19 |
//!
//! The 622126–622925 range shared by UnionPay and Discover is reported as
//! `unionpay` (62 is UnionPay's prefix; Discover accepts it by agreement).
//! Every brand must pass Luhn, including UnionPay (a few old UnionPay cards
//! do not; they are refused).

use super::{Invalid, Reason, Valid};
use crate::checks::luhn;
use serde::{Deserialize, Serialize};

/// A card brand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum CardBrand {
    /// American Express.
    Amex,
    /// Visa.
    Visa,
    /// Mastercard.
    Mastercard,
    /// Discover.
    Discover,
    /// JCB.
    Jcb,
    /// Diners Club.
    Diners,
    /// UnionPay.
    Unionpay,
    /// Maestro.
    Maestro,
}

impl CardBrand {
    /// The kebab-case name, as in `details.brand`.
    ///
    /// ```
    /// assert_eq!(fieldguard::validate::CardBrand::Unionpay.name(), "unionpay");
    /// ```
    pub const fn name(self) -> &'static str {
        match self {
            Self::Amex => "amex",
            Self::Visa => "visa",
            Self::Mastercard => "mastercard",
            Self::Discover => "discover",
            Self::Jcb => "jcb",
            Self::Diners => "diners",
            Self::Unionpay => "unionpay",
            Self::Maestro => "maestro",
        }
    }

    fn lengths(self) -> (usize, usize, &'static [usize]) {
        match self {
            Self::Amex => (15, 15, &[]),
            Self::Visa => (13, 19, &[13, 16, 19]),
            Self::Mastercard => (16, 16, &[]),
            Self::Discover | Self::Jcb | Self::Unionpay => (16, 19, &[]),
            Self::Diners => (14, 19, &[]),
            Self::Maestro => (12, 19, &[]),
        }
    }

    fn length_ok(self, n: usize) -> bool {
        let (min, max, exact) = self.lengths();
        (min..=max).contains(&n) && (exact.is_empty() || exact.contains(&n))
    }
}

/// Options of the `credit-card` validator.
///
/// ```
/// use fieldguard::validate::{CardBrand, CardOptions, Validator};
/// let v = Validator::CreditCard(CardOptions { brands: vec![CardBrand::Visa] });
/// assert_eq!(v.validate("5555555555554444").unwrap_err().code(), "CARD_BRAND_NOT_ALLOWED");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct CardOptions {
    /// Allowed brands. Default empty: every known brand.
    pub brands: Vec<CardBrand>,
}

/// The first `n` digits as a number (the caller guarantees ≥ n digits).
fn prefix(d: &[u8], n: usize) -> u32 {
    d.iter()
        .take(n)
        .fold(0, |acc, c| acc * 10 + u32::from(c - b'0'))
}

/// The network whose IIN range the digits start with (shared with the PII recognizer).
pub(crate) fn brand(d: &[u8]) -> Option<CardBrand> {
    use CardBrand::*;
    let (p1, p2, p3, p4) = (prefix(d, 1), prefix(d, 2), prefix(d, 3), prefix(d, 4));
    Some(match () {
        _ if p2 == 34 || p2 == 37 => Amex,
        _ if p1 == 4 => Visa,
        _ if (51..=55).contains(&p2) || (2221..=2720).contains(&p4) => Mastercard,
        _ if p4 == 6011 || (644..=649).contains(&p3) || p2 == 65 => Discover,
        _ if (3528..=3589).contains(&p4) => Jcb,
        _ if (300..=305).contains(&p3) || p4 == 3095 || matches!(p2, 36 | 38 | 39) => Diners,
        _ if p2 == 62 || p2 == 81 => Unionpay,
        _ if matches!(p2, 50 | 56..=58 | 67) || p3 == 639 || p4 == 6304 => Maestro,
        _ => return None,
    })
}

pub(super) fn validate(input: &str, o: &CardOptions) -> Result<Valid, Invalid> {
    let mut d = Vec::with_capacity(19);
    for c in input.bytes() {
        match c {
            b'0'..=b'9' => {
                if d.len() == 19 {
                    return Err(Invalid::msg(Reason::CardLength, "more than 19 digits"));
                }
                d.push(c);
            }
            b' ' | b'-' => {}
            _ => {
                return Err(Invalid::msg(
                    Reason::CardInvalid,
                    "only digits, spaces and - are allowed",
                ))
            }
        }
    }
    if d.is_empty() {
        return Err(Invalid::msg(Reason::CardInvalid, "no digits"));
    }
    if d.len() < 12 {
        return Err(Invalid::msg(Reason::CardLength, "fewer than 12 digits"));
    }
    let b = brand(&d).ok_or_else(|| Invalid::new(Reason::CardUnknownIin))?;
    if !b.length_ok(d.len()) {
        return Err(Invalid::msg(
            Reason::CardLength,
            format!("wrong number of digits for {}", b.name()),
        ));
    }
    if !luhn::is_valid(&d) {
        return Err(Invalid::new(Reason::CardChecksum));
    }
    if !o.brands.is_empty() && !o.brands.contains(&b) {
        return Err(Invalid::new(Reason::CardBrandNotAllowed));
    }
    // Digits only: ASCII, so the conversion cannot fail.
    let value = String::from_utf8(d).unwrap_or_default();
    let last4 = value[value.len() - 4..].to_owned();
    Ok(Valid::new(value)
        .with("brand", b.name())
        .with("last4", last4))
}
