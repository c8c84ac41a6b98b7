//! Integers and decimals of any length, compared textually.

use super::{Invalid, Reason, Valid};
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Options of the `integer` validator.
///
/// ```
/// use fieldguard::validate::{IntegerOptions, Validator};
/// let v = Validator::Integer(IntegerOptions { min: Some(1), max: Some(12) });
/// assert_eq!(v.validate("13").unwrap_err().code(), "OUT_OF_RANGE");
/// assert_eq!(v.validate("99999999999999999999999999").unwrap_err().code(), "OUT_OF_RANGE");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct IntegerOptions {
    /// Smallest allowed value (inclusive). Default: none.
    pub min: Option<i64>,
    /// Largest allowed value (inclusive). Default: none.
    pub max: Option<i64>,
}

/// Options of the `decimal` validator.
///
/// ```
/// use fieldguard::validate::{DecimalOptions, Validator};
/// let v: Validator = serde_json::from_str(r#"{"type":"decimal","min":"0","max":"100.00","maxScale":2}"#).unwrap();
/// assert_eq!(v.validate("99.990").unwrap().value, "99.99");
/// assert_eq!(v.validate("1.005").unwrap_err().code(), "NUMBER_SCALE");
/// assert_eq!(v.validate("100.01").unwrap_err().code(), "OUT_OF_RANGE");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct DecimalOptions {
    /// Smallest allowed value (inclusive), as a decimal string. Default: none.
    pub min: Option<String>,
    /// Largest allowed value (inclusive), as a decimal string. Default: none.
    pub max: Option<String>,
    /// Most fraction digits allowed, counted on the canonical form (trailing
    /// zeros removed, so `1.50` has scale 1). Default: none.
    pub max_scale: Option<u32>,
}

/// A canonical decimal: sign, integer digits without leading zeros ("0"
/// for zero), fraction digits without trailing zeros.
struct Dec<'a> {
    negative: bool,
    int: &'a str,
    frac: &'a str,
}

impl Dec<'_> {
    fn is_zero(&self) -> bool {
        self.int == "0" && self.frac.is_empty()
    }

    fn to_canonical(&self) -> String {
        let mut s = String::with_capacity(self.int.len() + self.frac.len() + 2);
        if self.negative && !self.is_zero() {
            s.push('-');
        }
        s.push_str(self.int);
        if !self.frac.is_empty() {
            s.push('.');
            s.push_str(self.frac);
        }
        s
    }

    fn cmp_abs(&self, other: &Dec<'_>) -> Ordering {
        self.int
            .len()
            .cmp(&other.int.len())
            .then_with(|| self.int.cmp(other.int))
            // Fractions without trailing zeros compare lexicographically:
            // a proper prefix is the smaller one.
            .then_with(|| self.frac.cmp(other.frac))
    }

    fn cmp(&self, other: &Dec<'_>) -> Ordering {
        let neg_a = self.negative && !self.is_zero();
        let neg_b = other.negative && !other.is_zero();
        match (neg_a, neg_b) {
            (false, true) => Ordering::Greater,
            (true, false) => Ordering::Less,
            (false, false) => self.cmp_abs(other),
            (true, true) => other.cmp_abs(self),
        }
    }
}

/// Parse `[+-]?digits(.digits)?` or `[+-]?.digits`; `allow_fraction`
/// false refuses any `.`.
fn parse(input: &str, allow_fraction: bool) -> Option<Dec<'_>> {
    let (negative, rest) = match input.as_bytes().first()? {
        b'-' => (true, &input[1..]),
        b'+' => (false, &input[1..]),
        _ => (false, input),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) if allow_fraction => {
            if f.is_empty() {
                return None;
            }
            (i, f)
        }
        Some(_) => return None,
        None => (rest, ""),
    };
    if (int.is_empty() && frac.is_empty())
        || !int.bytes().all(|c| c.is_ascii_digit())
        || !frac.bytes().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    Some(Dec {
        negative,
        int: if int.is_empty() { "0" } else { int },
        frac,
    })
}

fn bound(s: &str) -> Option<Dec<'_>> {
    parse(s, true)
}

fn out_of_range(min: Option<&Dec>, max: Option<&Dec>, v: &Dec) -> bool {
    min.is_some_and(|m| v.cmp(m) == Ordering::Less)
        || max.is_some_and(|m| v.cmp(m) == Ordering::Greater)
}

pub(super) fn check_integer_options(o: &IntegerOptions) -> Result<(), String> {
    match (o.min, o.max) {
        (Some(a), Some(b)) if a > b => Err("min is greater than max".into()),
        _ => Ok(()),
    }
}

pub(super) fn check_decimal_options(o: &DecimalOptions) -> Result<(), String> {
    let min = o.min.as_deref().map(bound);
    let max = o.max.as_deref().map(bound);
    if matches!(min, Some(None)) || matches!(max, Some(None)) {
        return Err("min and max must be decimal strings such as \"-12.5\"".into());
    }
    if let (Some(Some(a)), Some(Some(b))) = (&min, &max) {
        if a.cmp(b) == Ordering::Greater {
            return Err("min is greater than max".into());
        }
    }
    Ok(())
}

pub(super) fn integer(input: &str, o: &IntegerOptions) -> Result<Valid, Invalid> {
    let v = parse(input, false).ok_or_else(|| {
        Invalid::msg(
            Reason::NumberInvalid,
            "not an integer (optional sign, then ASCII digits)",
        )
    })?;
    let (min, max) = (o.min.map(|m| m.to_string()), o.max.map(|m| m.to_string()));
    let (min, max) = (
        min.as_deref().and_then(bound),
        max.as_deref().and_then(bound),
    );
    if out_of_range(min.as_ref(), max.as_ref(), &v) {
        return Err(Invalid::new(Reason::OutOfRange));
    }
    Ok(Valid::new(v.to_canonical()))
}

pub(super) fn decimal(input: &str, o: &DecimalOptions) -> Result<Valid, Invalid> {
    let v = parse(input, true).ok_or_else(|| {
        Invalid::msg(
            Reason::NumberInvalid,
            "not a decimal (optional sign, ASCII digits, optional . and digits; no exponent)",
        )
    })?;
    let scale = v.frac.len();
    if o.max_scale.is_some_and(|m| scale > m as usize) {
        return Err(Invalid::new(Reason::NumberScale));
    }
    let min = o.min.as_deref().and_then(bound);
    let max = o.max.as_deref().and_then(bound);
    if out_of_range(min.as_ref(), max.as_ref(), &v) {
        return Err(Invalid::new(Reason::OutOfRange));
    }
    Ok(Valid::new(v.to_canonical()).with("scale", scale))
}
