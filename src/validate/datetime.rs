//! ISO 8601 dates and RFC 3339 date-times.

use super::{Invalid, Reason, Valid};
use crate::checks::calendar::days_in_month;
use serde::{Deserialize, Serialize};

/// Options of the `date` validator (none yet; unknown options are refused).
///
/// ```
/// let v: fieldguard::validate::Validator = serde_json::from_str(r#"{"type":"date"}"#).unwrap();
/// assert_eq!(v.validate("2000-02-29").unwrap().details["day"], 29);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
#[non_exhaustive]
pub struct DateOptions {}

/// Options of the `date-time` validator.
///
/// ```
/// use fieldguard::validate::{DateTimeOptions, Validator};
/// let local = Validator::DateTime(DateTimeOptions { require_offset: false });
/// assert!(local.validate("2024-01-01T12:00:00").is_ok());
/// assert_eq!(fieldguard::validate::date_time("2024-01-01T12:00:00").unwrap_err().code(), "DATE_TIME_OFFSET_MISSING");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct DateTimeOptions {
    /// Require `Z` or `±HH:MM` (RFC 3339 requires one). Default true; false
    /// also accepts a local date-time without offset.
    pub require_offset: bool,
}

impl Default for DateTimeOptions {
    fn default() -> Self {
        Self {
            require_offset: true,
        }
    }
}

/// `n` ASCII digits at `b[at..]` as a number.
fn digits(b: &[u8], at: usize, n: usize) -> Option<u32> {
    let s = b.get(at..at + n)?;
    s.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

/// `YYYY-MM-DD` at the start of `b`: (year, month, day) or a message.
fn parse_date(b: &[u8]) -> Result<(u32, u32, u32), &'static str> {
    let shape = "not in the form YYYY-MM-DD";
    let (Some(y), Some(b'-'), Some(m), Some(b'-'), Some(d)) = (
        digits(b, 0, 4),
        b.get(4),
        digits(b, 5, 2),
        b.get(7),
        digits(b, 8, 2),
    ) else {
        return Err(shape);
    };
    if !(1..=12).contains(&m) {
        return Err("the month is not 01-12");
    }
    if d == 0 || d > days_in_month(i64::from(y), m) {
        return Err("no such day in that month");
    }
    Ok((y, m, d))
}

pub(super) fn date(input: &str, _o: &DateOptions) -> Result<Valid, Invalid> {
    let b = input.as_bytes();
    let (y, m, d) = parse_date(b).map_err(|e| Invalid::msg(Reason::DateInvalid, e))?;
    if b.len() != 10 {
        return Err(Invalid::msg(
            Reason::DateInvalid,
            "not in the form YYYY-MM-DD",
        ));
    }
    Ok(Valid::new(input.to_owned())
        .with("year", y)
        .with("month", m)
        .with("day", d))
}

pub(super) fn date_time(input: &str, o: &DateTimeOptions) -> Result<Valid, Invalid> {
    let bad = |m: &'static str| Invalid::msg(Reason::DateTimeInvalid, m);
    let b = input.as_bytes();
    if b.len() > 64 {
        return Err(Invalid::new(Reason::TooLong));
    }
    parse_date(b).map_err(bad)?;
    if !matches!(b.get(10), Some(b'T' | b't')) {
        return Err(bad("no T between date and time"));
    }
    let (Some(h), Some(b':'), Some(mi), Some(b':'), Some(s)) = (
        digits(b, 11, 2),
        b.get(13),
        digits(b, 14, 2),
        b.get(16),
        digits(b, 17, 2),
    ) else {
        return Err(bad("the time is not in the form HH:MM:SS"));
    };
    if h > 23 || mi > 59 {
        return Err(bad("the hour or minute is out of range"));
    }
    if s > 59 {
        return Err(bad("the second is out of range (leap seconds are refused)"));
    }
    let mut i = 19;
    if b.get(i) == Some(&b'.') {
        let n = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 || n > 9 {
            return Err(bad("the fraction of a second needs 1 to 9 digits"));
        }
        i += 1 + n;
    }
    let offset = match b.get(i) {
        None => None,
        Some(b'Z' | b'z') => {
            i += 1;
            Some("Z".to_owned())
        }
        Some(&sign @ (b'+' | b'-')) => {
            let (Some(oh), Some(b':'), Some(om)) =
                (digits(b, i + 1, 2), b.get(i + 3), digits(b, i + 4, 2))
            else {
                return Err(bad("the offset is not Z or ±HH:MM"));
            };
            if oh > 23 || om > 59 {
                return Err(bad("the offset is out of range"));
            }
            i += 6;
            Some(format!("{}{oh:02}:{om:02}", sign as char))
        }
        Some(_) => return Err(bad("unexpected character after the time")),
    };
    if i != b.len() {
        return Err(bad("unexpected characters after the offset"));
    }
    if offset.is_none() && o.require_offset {
        return Err(Invalid::new(Reason::DateTimeOffsetMissing));
    }
    // All bytes were checked to be ASCII above, so upper-casing changes only t and z.
    let value = input.to_ascii_uppercase();
    let mut valid = Valid::new(value);
    if let Some(off) = offset {
        valid = valid.with("offset", off);
    }
    Ok(valid)
}
