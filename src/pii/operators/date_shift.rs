//! `date-shift`, and the date reading shared with `generalize` and the
//! `DATE_OF_BIRTH` pseudonym.
//!
//! Readable dates (a 4-digit year, month and day as 1–2 digits, one
//! separator among `-` `/` `.` used twice):
//!
//! * year first: `1980-03-14`, `1980/3/14`, `1980.03.14`, and `19800314`;
//!   an ISO date-time (`1980-03-14T10:00:00Z`) shifts its date part and
//!   keeps the rest as is;
//! * year last: `14.03.1980`, `14/03/1980` — day first by default, month
//!   first (`03/14/1980`) with `dayFirst: false`.
//!
//! The result keeps the layout: separators, and the width of day and month
//! (`3/4/1980` stays unpadded, `03/04/1980` padded). Calendar arithmetic is
//! integer-only on the proleptic Gregorian calendar.

use super::{invalid_option, value_invalid, OperatorContext, Result};
use crate::crypto::prf::{Domain, Prf};
use crate::crypto::{Keyring, Purpose};
use serde::{Deserialize, Serialize};

/// Options of `date-shift`.
///
/// The shift is a whole number of days in `-maxDays..=maxDays`, never 0:
///
/// ```text
/// n     = u64_be( HMAC-SHA256(pseudonymize subkey, "fieldguard:date-shift:v1"
///                 || tag || u32_be(len(key)) || key)[..8] ) mod (2 * maxDays)
/// shift = n - maxDays       if n < maxDays
///         n - maxDays + 1   otherwise
/// ```
///
/// `key` is the subject (`tag` = 1) or, without one, the operator context
/// (`tag` = 0): then every date of that field moves by the same amount.
/// Intervals between one subject's dates are kept exactly. The HMAC and
/// its framing are `crypto::prf` (`Domain::DateShift`).
///
/// ```
/// use fieldguard::{pii::operators::*, Keyring};
/// let keyring = Keyring::generate()?;
/// let ctx = OperatorContext::new().keyring(&keyring).subject("patient-7");
/// let op = Operator::DateShift(DateShift::default());
/// let a = apply(&op, "2024-01-10", &ctx)?;
/// let b = apply(&op, "2024-01-11", &ctx)?;
/// assert_eq!(a.len(), 10);
/// assert_ne!(a, "2024-01-10");
/// assert!(a < b); // same subject, same shift
/// # Ok::<(), fieldguard::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct DateShift {
    /// Largest shift in days, 1..=36500. Default 365.
    pub max_days: u32,
    /// Read a year-last date as day/month/year (else month/day/year).
    /// Default true.
    pub day_first: bool,
    /// Derive the shift under this key instead of the primary. Default none.
    pub key_id: Option<u32>,
}

impl Default for DateShift {
    fn default() -> Self {
        Self {
            max_days: 365,
            day_first: true,
            key_id: None,
        }
    }
}

impl DateShift {
    pub(super) fn check(&self) -> Result<()> {
        if (1..=36_500).contains(&self.max_days) {
            Ok(())
        } else {
            Err(invalid_option(
                "date-shift: maxDays must be from 1 to 36500",
            ))
        }
    }

    pub(super) fn apply(
        &self,
        value: &str,
        ctx: &OperatorContext,
        keyring: &Keyring,
    ) -> Result<String> {
        let date = ParsedDate::parse(value, self.day_first).ok_or_else(|| {
            value_invalid("date-shift: the value is not a date in a supported format")
        })?;
        let key = keyring.subkey(Purpose::Pseudonymize, self.key_id)?;
        let (tag, k) = match ctx.subject {
            Some(s) => (1u8, s.as_bytes()),
            None => (0u8, ctx.context),
        };
        let digest = Prf::new(&key, Domain::DateShift)
            .byte(tag)
            .framed(k)?
            .finish();
        let mut eight = [0u8; 8];
        eight.copy_from_slice(&digest[..8]);
        let shift = shift_in(u64::from_be_bytes(eight), self.max_days);
        date.shifted(shift)
            .ok_or_else(|| value_invalid("date-shift: the shifted date is outside years 1 to 9999"))
    }
}

/// Map `n` to `-max..=max` without 0.
pub(super) fn shift_in(n: u64, max: u32) -> i64 {
    let max = i64::from(max);
    let r = (n % (2 * max as u64)) as i64;
    if r < max {
        r - max
    } else {
        r - max + 1
    }
}

/// A date read from text, with what is needed to write it back alike.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct ParsedDate<'a> {
    pub(super) year: i64,
    pub(super) month: u32,
    pub(super) day: u32,
    layout: Layout,
    sep: char,
    month_width: usize,
    day_width: usize,
    /// Text after an ISO date (`T10:00Z`), kept verbatim.
    rest: &'a str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Layout {
    /// Y sep M sep D
    Ymd,
    /// YYYYMMDD
    Compact,
    /// D sep M sep Y
    Dmy,
    /// M sep D sep Y
    Mdy,
}

fn number(s: &str, min: usize, max: usize) -> Option<u32> {
    if s.len() < min || s.len() > max || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

use crate::checks::calendar::days_in_month;

/// Days since 1970-01-01 (H. Hinnant's `days_from_civil`).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The inverse of [`days_from_civil`].
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

impl<'a> ParsedDate<'a> {
    pub(super) fn parse(value: &'a str, day_first: bool) -> Option<Self> {
        let b = value.as_bytes();
        // YYYYMMDD
        if b.len() == 8 && b.iter().all(u8::is_ascii_digit) {
            return Self::checked(
                i64::from(number(&value[..4], 4, 4)?),
                number(&value[4..6], 2, 2)?,
                number(&value[6..8], 2, 2)?,
                Layout::Compact,
                '-',
                (2, 2),
                "",
            );
        }
        let sep = value.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
        // Year first: the date ends at the first character that is neither
        // a digit nor the separator (an ISO time part follows).
        if b.len() >= 5 && b[..4].iter().all(u8::is_ascii_digit) && b[4] as char == sep {
            let end = value
                .char_indices()
                .find(|&(_, c)| !c.is_ascii_digit() && c != sep)
                .map_or(value.len(), |(i, _)| i);
            let (date, rest) = value.split_at(end);
            if !rest.is_empty() && !rest.starts_with(['T', 't', ' ']) {
                return None;
            }
            let mut parts = date.split(sep);
            let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
            if parts.next().is_some() {
                return None;
            }
            return Self::checked(
                i64::from(number(y, 4, 4)?),
                number(m, 1, 2)?,
                number(d, 1, 2)?,
                Layout::Ymd,
                sep,
                (m.len(), d.len()),
                rest,
            );
        }
        let mut parts = value.split(sep);
        let (a, m, y) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let year = i64::from(number(y, 4, 4)?);
        let (first, second) = (number(a, 1, 2)?, number(m, 1, 2)?);
        if day_first {
            Self::checked(
                year,
                second,
                first,
                Layout::Dmy,
                sep,
                (m.len(), a.len()),
                "",
            )
        } else {
            Self::checked(
                year,
                first,
                second,
                Layout::Mdy,
                sep,
                (a.len(), m.len()),
                "",
            )
        }
    }

    fn checked(
        year: i64,
        month: u32,
        day: u32,
        layout: Layout,
        sep: char,
        (month_width, day_width): (usize, usize),
        rest: &'a str,
    ) -> Option<Self> {
        if year < 1 || !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self {
            year,
            month,
            day,
            layout,
            sep,
            month_width,
            day_width,
            rest,
        })
    }

    /// The date moved by `days`, written in the same layout; `None` outside
    /// years 1..=9999.
    pub(super) fn shifted(&self, days: i64) -> Option<String> {
        let (y, m, d) = civil_from_days(days_from_civil(self.year, self.month, self.day) + days);
        if !(1..=9999).contains(&y) {
            return None;
        }
        let mm = format!("{m:0w$}", w = self.month_width);
        let dd = format!("{d:0w$}", w = self.day_width);
        let s = self.sep;
        Some(match self.layout {
            Layout::Compact => format!("{y:04}{m:02}{d:02}"),
            Layout::Ymd => format!("{y:04}{s}{mm}{s}{dd}{}", self.rest),
            Layout::Dmy => format!("{dd}{s}{mm}{s}{y:04}"),
            Layout::Mdy => format!("{mm}{s}{dd}{s}{y:04}"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_round_trip() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        for z in (-800_000..3_000_000).step_by(997) {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, m, d), z);
        }
    }

    #[test]
    fn layouts_round_trip() {
        for (s, df) in [
            ("1980-03-14", true),
            ("1980/3/4", true),
            ("19800314", true),
            ("14.03.1980", true),
            ("3/14/1980", false),
            ("1980-03-14T10:00:00Z", true),
        ] {
            let p = ParsedDate::parse(s, df).unwrap();
            assert_eq!(p.shifted(0).unwrap(), s);
        }
        assert_eq!(
            ParsedDate::parse("2024-02-28", true)
                .unwrap()
                .shifted(1)
                .unwrap(),
            "2024-02-29"
        );
        assert_eq!(
            ParsedDate::parse("31.12.1999", true)
                .unwrap()
                .shifted(1)
                .unwrap(),
            "01.01.2000"
        );
        for bad in [
            "2023-02-29",
            "1980-13-01",
            "x",
            "",
            "12/31/1980",
            "1980-03-14X",
            "1980-03-14-01",
        ] {
            assert!(ParsedDate::parse(bad, true).is_none(), "{bad}");
        }
    }

    #[test]
    fn shifts_are_nonzero_and_bounded() {
        for n in 0..2000u64 {
            let s = shift_in(n, 7);
            assert!(s != 0 && (-7..=7).contains(&s));
        }
    }
}
