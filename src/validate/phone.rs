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
//! Lengths: the national significant number must have one of the possible
//! lengths of its region in libphonenumber's metadata (the table the PII
//! recognizer and the phone pseudonyms read, `crate::checks::phonemeta`; every
//! region and non-geographic code libphonenumber knows), or, where the
//! region follows only from the area code (codes 1 and 7), of one of the
//! code's regions; North American numbers must also have an area code and
//! exchange starting 2–9. The digits are not checked against the number
//! ranges: a number of a possible length is accepted. Details:
//! `countryCode` (integer), `nationalNumber`, and `region` (ISO 3166-1)
//! when it follows from the number: `defaultCountry` if it shares the
//! code, else the main region of the code, except codes 1 and 7, whose
//! region depends on the area code (omitted), and non-geographic codes
//! (`+800` international freephone).

use super::{Invalid, Reason, Valid};
use crate::checks::phonemeta::{self, Region};
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

/// The region `code` (ISO 3166-1 alpha-2, upper-case), if it has a
/// calling code.
fn region(code: &str) -> Option<Region> {
    if code.len() != 2 {
        return None;
    }
    phonemeta::region(code)
}

pub(super) fn check_options(o: &PhoneOptions) -> Result<(), String> {
    match &o.default_country {
        Some(c) if region(&c.to_ascii_uppercase()).is_none() => {
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

/// Is `len` one of the lengths in `mask` (bit k: k digits)?
fn possible(mask: u32, len: usize) -> bool {
    len < 32 && mask >> len & 1 == 1
}

pub(super) fn validate(input: &str, o: &PhoneOptions) -> Result<Valid, Invalid> {
    if input.len() > 64 {
        return Err(Invalid::new(Reason::TooLong));
    }
    let default = match &o.default_country {
        Some(c) => {
            let c = c.to_ascii_uppercase();
            let r = region(&c).ok_or_else(|| {
                Invalid::msg(
                    Reason::PhoneCountryUnknown,
                    "defaultCountry is not a known region",
                )
            })?;
            Some((c, r.code(), r))
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
    let nanp_default = default.as_ref().is_some_and(|(_, cc, _)| *cc == 1);
    let international = if plus {
        Some(digits.as_str())
    } else if nanp_default {
        digits.strip_prefix("011")
    } else {
        digits.strip_prefix("00")
    };
    let (cc, nsn, region) = match international {
        Some(rest) => {
            let digits = rest.as_bytes();
            let (cc, cc_len) = phonemeta::code_at(digits)
                .ok_or_else(|| Invalid::new(Reason::PhoneCountryUnknown))?;
            let region = match &default {
                Some((d, dcc, r)) if *dcc == cc => Some((d.clone(), *r)),
                _ if cc == 1 || cc == 7 => None,
                _ => phonemeta::for_code(cc)
                    .next()
                    .filter(|r| r.id() != "001")
                    .map(|r| (r.id().to_owned(), r)),
            };
            (cc, &rest[cc_len..], region)
        }
        None => {
            let Some((id, cc, r)) = &default else {
                return Err(Invalid::msg(
                    Reason::PhoneCountryUnknown,
                    "no + country code and no defaultCountry",
                ));
            };
            let mut nsn = digits.as_str();
            let trunk = r.trunk();
            if !trunk.is_empty() {
                if let Some(rest) = nsn.as_bytes().strip_prefix(trunk) {
                    if possible(r.lengths(), rest.len()) {
                        nsn = &nsn[trunk.len()..];
                    }
                }
            }
            (*cc, nsn, Some((id.clone(), *r)))
        }
    };
    let cc_len = cc.to_string().len();
    if cc_len + nsn.len() > 15 {
        return Err(length("more than 15 digits (E.164)"));
    }
    match &region {
        Some((_, r)) if !possible(r.lengths(), nsn.len()) => {
            return Err(length("wrong number of digits for the region"))
        }
        Some(_) => {}
        None if cc == 1 && nsn.len() != 10 => {
            return Err(length("North American numbers have 10 digits"))
        }
        None if cc == 7 && nsn.len() != 10 => {
            return Err(length("numbers of country code 7 have 10 digits"))
        }
        None => {
            let lengths = phonemeta::for_code(cc).fold(0, |m, r| m | r.lengths());
            if !possible(lengths, nsn.len()) {
                return Err(length("wrong number of digits for the country code"));
            }
        }
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
    if let Some((id, _)) = region {
        valid = valid.with("region", id);
    }
    Ok(valid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calling_codes_from_the_metadata() {
        // E.164 country codes are prefix-free.
        let codes: Vec<u16> = phonemeta::regions().map(|r| r.code()).collect();
        for a in &codes {
            for b in &codes {
                let (a, b) = (a.to_string(), b.to_string());
                assert!(a == b || !b.starts_with(&a), "{a} is a prefix of {b}");
            }
        }
        assert!(!codes.contains(&0));
        for (code, cc) in [
            ("US", 1),
            ("GB", 44),
            ("GG", 44),
            ("DE", 49),
            ("XK", 383),
            ("TA", 290),
        ] {
            assert_eq!(region(code).map(|r| r.code()), Some(cc), "{code}");
        }
        assert!(region("XX").is_none() && region("001").is_none() && region("").is_none());
        for (input, want) in [
            ("+44 20 7946 0958", "GB"),
            ("+39 06 6982 0000", "IT"),
            ("+262 262 16 12 34", "RE"),
        ] {
            let v = validate(input, &PhoneOptions::default()).unwrap();
            assert_eq!(v.details["region"], want, "{input}");
        }
        let v = validate("+800 1234 5678", &PhoneOptions::default()).unwrap();
        assert!(v.details.get("region").is_none());
    }

    #[test]
    fn every_region_normalizes_national_and_international_forms() {
        for r in phonemeta::regions().filter(|r| r.id() != "001") {
            let cc_len = r.code().to_string().len();
            for len in (1..=phonemeta::MAX_NSN).filter(|&n| possible(r.lengths(), n)) {
                if cc_len + len > 15 {
                    continue;
                }
                // 2 then 3s: a valid NANP area code and exchange too.
                let nsn = format!("2{}", "3".repeat(len - 1));
                let o = PhoneOptions {
                    default_country: Some(r.id().to_owned()),
                };
                let want = format!("+{}{nsn}", r.code());
                let trunk = std::str::from_utf8(r.trunk()).unwrap();
                for input in [format!("{trunk}{nsn}"), format!("+{} {nsn}", r.code())] {
                    let v = validate(&input, &o).unwrap_or_else(|e| panic!("{}: {e}", r.id()));
                    assert_eq!(v.value, want, "{}", r.id());
                    assert_eq!(v.details["region"], r.id());
                }
                if !possible(r.lengths(), len + 1) && cc_len + len < 15 {
                    let too_long = format!("+{}{nsn}4", r.code());
                    assert!(validate(&too_long, &o).is_err(), "{}", r.id());
                }
            }
        }
    }
}
