//! Telephone numbers, normalized to E.164 (`+` country code, national
//! significant number, at most 15 digits).
//!
//! Accepted input: digits with the separators space, `-`, `.`, and
//! parentheses (not nested), optionally starting with `+`. Letters
//! (vanity numbers), extensions (`x123`, `ext.`) and any other character are
//! `PHONE_INVALID`. Then:
//!
//! * `+CC…`: an international number. `CC` must be an assigned ITU-T E.164
//!   country code (`PHONE_COUNTRY_UNKNOWN` otherwise).
//! * an international call prefix instead of `+`: `011` when
//!   `defaultCountry` is a North American Numbering Plan region (country
//!   code 1), `00` otherwise (including without `defaultCountry`). Other
//!   prefixes (Japan's `010`, Australia's `0011` …) are not recognized.
//! * otherwise a national number of `defaultCountry` (without it:
//!   `PHONE_COUNTRY_UNKNOWN`). Its trunk prefix (`0` in GB, `1` in the US,
//!   `8` in RU …) is dropped when the number, without it, has a valid
//!   length: `020 7946 0958` in GB → `+442079460958`.
//!
//! Lengths: for the ~55 regions of the table in `phone_data` the national
//! significant number must have that region's length; North American
//! numbers must also have an area code and exchange starting 2–9. Other
//! codes need 4 to 15 − (digits of the code) digits. Details: `countryCode`
//! (integer), `nationalNumber`, and `region` (ISO 3166-1) when it follows
//! from the number: `defaultCountry` if it shares the code, else the main
//! region of the code, except codes 1 and 7, whose region depends on the
//! area code (omitted).

use super::phone_data::{Region, CODES, REGIONS};
use super::{Invalid, Reason, Valid};
use serde::{Deserialize, Serialize};

/// Options of the `phone` validator.
///
/// ```
/// use fieldguard::validate::{PhoneOptions, Validator};
/// let gb = Validator::Phone(PhoneOptions { default_country: Some("GB".into()) });
/// let v = gb.validate("020 7946 0958").unwrap();
/// assert_eq!(v.value, "+442079460958");
/// assert_eq!(v.details["region"], "GB");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct PhoneOptions {
    /// Region (ISO 3166-1 alpha-2, e.g. `"US"`, any case) of numbers written
    /// without `+`. Default none: such numbers are `PHONE_COUNTRY_UNKNOWN`.
    pub default_country: Option<String>,
}

/// The calling code of region `code` (upper-case), if assigned.
fn region_code(code: &str) -> Option<u16> {
    if code.len() != 2 {
        return None;
    }
    if let Some(r) = region_rules(code) {
        return Some(r.cc);
    }
    CODES
        .iter()
        .find(|(_, regions)| regions.split(' ').any(|r| r == code))
        .map(|&(cc, _)| cc)
}

fn region_rules(code: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.code == code)
}

pub(super) fn check_options(o: &PhoneOptions) -> Result<(), String> {
    match &o.default_country {
        Some(c) if region_code(&c.to_ascii_uppercase()).is_none() => {
            Err("defaultCountry must be an ISO 3166-1 alpha-2 region with a calling code".into())
        }
        _ => Ok(()),
    }
}

fn invalid(m: &'static str) -> Invalid {
    Invalid::msg(Reason::PhoneInvalid, m)
}

fn length(m: &'static str) -> Invalid {
    Invalid::msg(Reason::PhoneLength, m)
}

pub(super) fn validate(input: &str, o: &PhoneOptions) -> Result<Valid, Invalid> {
    if input.len() > 64 {
        return Err(Invalid::new(Reason::TooLong));
    }
    let default = match &o.default_country {
        Some(c) => {
            let c = c.to_ascii_uppercase();
            let cc = region_code(&c).ok_or_else(|| {
                Invalid::msg(
                    Reason::PhoneCountryUnknown,
                    "defaultCountry is not a known region",
                )
            })?;
            Some((c, cc))
        }
        None => None,
    };
    let mut digits = String::with_capacity(input.len());
    let mut open = false;
    let plus = input.starts_with('+');
    for c in input.chars().skip(usize::from(plus)) {
        match c {
            '0'..='9' => digits.push(c),
            ' ' | '-' | '.' => {}
            '(' if !open => open = true,
            ')' if open => open = false,
            _ => {
                return Err(invalid(
                    "only digits, a leading +, spaces, - . and ( ) are allowed",
                ))
            }
        }
    }
    if open {
        return Err(invalid("unbalanced parentheses"));
    }
    if digits.is_empty() {
        return Err(invalid("no digits"));
    }
    let nanp_default = default.as_ref().is_some_and(|(_, cc)| *cc == 1);
    let international = if plus {
        Some(digits.as_str())
    } else if nanp_default {
        digits.strip_prefix("011")
    } else {
        digits.strip_prefix("00")
    };
    let (cc, nsn, region) = match international {
        Some(rest) => {
            let (cc, cc_len, regions) = (1..=3)
                .filter_map(|n| {
                    let code: u16 = rest.get(..n)?.parse().ok()?;
                    CODES
                        .iter()
                        .find(|(c, _)| *c == code)
                        .map(|&(c, r)| (c, n, r))
                })
                .next()
                .ok_or_else(|| Invalid::new(Reason::PhoneCountryUnknown))?;
            let region = match &default {
                Some((d, dcc)) if *dcc == cc => Some(d.clone()),
                _ if cc == 1 || cc == 7 => None,
                _ => regions
                    .split(' ')
                    .next()
                    .filter(|r| !r.is_empty())
                    .map(str::to_owned),
            };
            (cc, &rest[cc_len..], region)
        }
        None => {
            let Some((region, cc)) = &default else {
                return Err(Invalid::msg(
                    Reason::PhoneCountryUnknown,
                    "no + country code and no defaultCountry",
                ));
            };
            let mut nsn = digits.as_str();
            if let Some(r) = region_rules(region) {
                if let Some(rest) = nsn.strip_prefix(r.trunk).filter(|_| !r.trunk.is_empty()) {
                    if (r.min..=r.max).contains(&rest.len()) {
                        nsn = rest;
                    }
                }
            }
            (*cc, nsn, Some(region.clone()))
        }
    };
    let cc_len = cc.to_string().len();
    if cc_len + nsn.len() > 15 {
        return Err(length("more than 15 digits (E.164)"));
    }
    match region.as_deref().and_then(region_rules) {
        Some(r) if !(r.min..=r.max).contains(&nsn.len()) => {
            return Err(length("wrong number of digits for the region"))
        }
        Some(_) => {}
        None if cc == 1 && nsn.len() != 10 => {
            return Err(length("North American numbers have 10 digits"))
        }
        None if cc == 7 && nsn.len() != 10 => {
            return Err(length("numbers of country code 7 have 10 digits"))
        }
        None if nsn.len() < 4 => return Err(length("fewer than 4 digits after the country code")),
        None => {}
    }
    let b = nsn.as_bytes();
    if cc == 1 && (b[0] < b'2' || b[3] < b'2') {
        return Err(invalid(
            "North American area codes and exchanges start with 2-9",
        ));
    }
    let mut valid = Valid::new(format!("+{cc}{nsn}"))
        .with("countryCode", cc)
        .with("nationalNumber", nsn);
    if let Some(r) = region {
        valid = valid.with("region", r);
    }
    Ok(valid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_table_agrees_with_itu_codes() {
        for r in REGIONS {
            let itu = CODES
                .iter()
                .find(|(_, regions)| regions.split(' ').any(|x| x == r.code))
                .map(|&(cc, _)| cc);
            assert_eq!(itu, Some(r.cc), "{}", r.code);
        }
        // E.164 country codes are prefix-free.
        for (a, _) in CODES {
            for (b, _) in CODES {
                let (a, b) = (a.to_string(), b.to_string());
                assert!(a == b || !b.starts_with(&a), "{a} is a prefix of {b}");
            }
        }
    }

    #[test]
    fn every_region_normalizes_national_and_international_forms() {
        for r in REGIONS {
            for len in [r.min, r.max] {
                // 2 then 3s: a valid NANP area code and exchange too.
                let nsn = format!("2{}", "3".repeat(len - 1));
                let o = PhoneOptions {
                    default_country: Some(r.code.to_owned()),
                };
                let want = format!("+{}{nsn}", r.cc);
                for input in [format!("{}{nsn}", r.trunk), format!("+{} {nsn}", r.cc)] {
                    let v = validate(&input, &o).unwrap_or_else(|e| panic!("{}: {e}", r.code));
                    assert_eq!(v.value, want, "{}", r.code);
                    assert_eq!(v.details["region"], r.code);
                }
                let too_long = format!("+{}{nsn}4", r.cc);
                if len == r.max && r.cc.to_string().len() + len < 15 {
                    assert!(validate(&too_long, &o).is_err(), "{}", r.code);
                }
            }
        }
    }
}
