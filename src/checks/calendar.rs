//! The proleptic Gregorian calendar (ISO 8601): leap years and the length
//! of a month, for the date validators, the date-shift operator and the
//! recognizers that read birth dates (PESEL, dates of birth).

/// A Gregorian leap year (proleptic, so also before 1582 and for year 0
/// and negative years).
pub(crate) fn is_leap_year(y: i64) -> bool {
    y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)
}

/// The days in month `m` of year `y`; 0 when `m` is not 1–12, so that
/// `1 <= d && d <= days_in_month(y, m)` also checks the month.
pub(crate) fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(y) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leap_years() {
        assert!(is_leap_year(2000) && is_leap_year(2024) && is_leap_year(1600));
        assert!(!is_leap_year(1900) && !is_leap_year(2023) && !is_leap_year(2100));
        assert!(is_leap_year(0) && is_leap_year(-4) && !is_leap_year(-100));
    }

    #[test]
    fn month_lengths() {
        let year: Vec<u32> = (1..=12).map(|m| days_in_month(2023, m)).collect();
        assert_eq!(year, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
        assert_eq!(year.iter().sum::<u32>(), 365);
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2024, 0), 0);
        assert_eq!(days_in_month(2024, 13), 0);
    }
}
