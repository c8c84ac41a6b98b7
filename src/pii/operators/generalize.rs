//! `generalize`: a coarser value (k-anonymity style).

use super::date_shift::ParsedDate;
use super::{invalid_option, value_invalid, Result};
use serde::{Deserialize, Serialize};

/// A date part to keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum DatePart {
    /// `1980`.
    Year,
    /// `1980-03` (always ISO order, whatever the input layout).
    Month,
}

/// Options of `generalize`: exactly one of `to`, `bucket`, `keepPrefix`.
///
/// * `to` (`"year"` | `"month"`): a date (layouts as in `date-shift`,
///   year-last dates read day first) → `1980` or `1980-03`.
/// * `bucket` (1..=10^18): a number (optional sign, optional `.fraction`,
///   up to 30 integer digits; a decimal is rounded down first, so `39.99` →
///   39 and `-0.5` → −1) → the range of its bucket: `34` with bucket 10 →
///   `30-39`, `-5` → `-10--1`.
/// * `keepPrefix` N: keep the first N letters and digits, replace the
///   later ones with `*` (`90210` → `902**`); separators stay.
///
/// A value the chosen form cannot read is `VALUE_INVALID`.
///
/// ```
/// use fieldguard::pii::operators::*;
/// let ctx = OperatorContext::new();
/// let g = |json: &str, v: &str| apply(&serde_json::from_str(json).unwrap(), v, &ctx);
/// assert_eq!(g(r#"{"op":"generalize","to":"year"}"#, "14.03.1980")?, "1980");
/// assert_eq!(g(r#"{"op":"generalize","bucket":10}"#, "34")?, "30-39");
/// assert_eq!(g(r#"{"op":"generalize","keepPrefix":3}"#, "SW1A 1AA")?, "SW1* ***");
/// # Ok::<(), fieldguard::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Generalize {
    /// Reduce a date to this part.
    pub to: Option<DatePart>,
    /// Reduce an integer to the range of its bucket of this size.
    pub bucket: Option<u64>,
    /// Keep this many leading letters and digits of a code.
    pub keep_prefix: Option<usize>,
}

const MAX_BUCKET: u64 = 1_000_000_000_000_000_000;

impl Generalize {
    pub(super) fn check(&self) -> Result<()> {
        let set = usize::from(self.to.is_some())
            + usize::from(self.bucket.is_some())
            + usize::from(self.keep_prefix.is_some());
        if set != 1 {
            return Err(invalid_option(
                "generalize: give exactly one of to, bucket, keepPrefix",
            ));
        }
        if matches!(self.bucket, Some(b) if b == 0 || b > MAX_BUCKET) {
            return Err(invalid_option("generalize: bucket must be from 1 to 10^18"));
        }
        Ok(())
    }

    pub(super) fn apply(&self, value: &str) -> Result<String> {
        if let Some(part) = self.to {
            let d = ParsedDate::parse(value, true).ok_or_else(|| {
                value_invalid("generalize: the value is not a date in a supported format")
            })?;
            return Ok(match part {
                DatePart::Year => format!("{:04}", d.year),
                DatePart::Month => format!("{:04}-{:02}", d.year, d.month),
            });
        }
        if let Some(size) = self.bucket {
            let n = integer_part(value)
                .ok_or_else(|| value_invalid("generalize: the value is not a number"))?;
            let size = i128::from(size);
            let low = n.div_euclid(size) * size;
            return Ok(format!("{low}-{}", low + size - 1));
        }
        let keep = self.keep_prefix.unwrap_or(0);
        let mut seen = 0;
        Ok(value
            .chars()
            .map(|c| {
                if c.is_alphanumeric() {
                    seen += 1;
                    if seen > keep {
                        return '*';
                    }
                }
                c
            })
            .collect())
    }
}

/// `[+-]digits[.digits]` → the integer part rounded toward −∞; `None` for
/// anything else or beyond ±10^30.
fn integer_part(value: &str) -> Option<i128> {
    let (neg, rest) = match value.as_bytes().first()? {
        b'-' => (true, &value[1..]),
        b'+' => (false, &value[1..]),
        _ => (false, value),
    };
    let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
    if int.is_empty()
        || int.len() > 30
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || (rest.contains('.') && frac.is_empty())
    {
        return None;
    }
    let n: i128 = int.parse().ok()?;
    let has_frac = frac.bytes().any(|b| b != b'0');
    Some(if neg { -n - i128::from(has_frac) } else { n })
}
