//! IBANs (ISO 13616): registry lengths here, the ISO 7064 mod 97-10
//! check in `crate::checks::iban`.

use super::{Invalid, Reason, Valid};
use crate::checks::iban;
use serde::{Deserialize, Serialize};

/// Options of the `iban` validator (none yet; unknown options are refused).
///
/// ```
/// let v: fieldguard::validate::Validator = serde_json::from_str(r#"{"type":"iban"}"#).unwrap();
/// let ok = v.validate("DE89 3704 0044 0532 0130 00").unwrap();
/// assert_eq!(ok.details["printFormat"], "DE89 3704 0044 0532 0130 00");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
#[non_exhaustive]
pub struct IbanOptions {}

/// Country code and IBAN length of every country in the SWIFT IBAN registry
/// (ISO 13616, registry release 2024/2025: 89 countries).
#[rustfmt::skip]
const LENGTHS: &[(&str, usize)] = &[
    ("AD", 24), ("AE", 23), ("AL", 28), ("AT", 20), ("AZ", 28), ("BA", 20), ("BE", 16),
    ("BG", 22), ("BH", 22), ("BI", 27), ("BR", 29), ("BY", 28), ("CH", 21), ("CR", 22),
    ("CY", 28), ("CZ", 24), ("DE", 22), ("DJ", 27), ("DK", 18), ("DO", 28), ("EE", 20),
    ("EG", 29), ("ES", 24), ("FI", 18), ("FK", 18), ("FO", 18), ("FR", 27), ("GB", 22),
    ("GE", 22), ("GI", 23), ("GL", 18), ("GR", 27), ("GT", 28), ("HN", 28), ("HR", 21),
    ("HU", 28), ("IE", 22), ("IL", 23), ("IQ", 23), ("IS", 26), ("IT", 27), ("JO", 30),
    ("KW", 30), ("KZ", 20), ("LB", 28), ("LC", 32), ("LI", 21), ("LT", 20), ("LU", 20),
    ("LV", 21), ("LY", 25), ("MC", 27), ("MD", 24), ("ME", 22), ("MK", 19), ("MN", 20),
    ("MR", 27), ("MT", 31), ("MU", 30), ("NI", 28), ("NL", 18), ("NO", 15), ("OM", 23),
    ("PK", 24), ("PL", 28), ("PS", 29), ("PT", 25), ("QA", 29), ("RO", 24), ("RS", 22),
    ("RU", 33), ("SA", 24), ("SC", 31), ("SD", 18), ("SE", 24), ("SI", 19), ("SK", 24),
    ("SM", 27), ("SO", 23), ("ST", 25), ("SV", 28), ("TL", 23), ("TN", 24), ("TR", 26),
    ("UA", 29), ("VA", 22), ("VG", 24), ("XK", 20), ("YE", 30),
];

/// Length of a registry country's IBANs.
pub(crate) fn country_length(country: &str) -> Option<usize> {
    LENGTHS.iter().find(|(c, _)| *c == country).map(|&(_, n)| n)
}

pub(super) fn validate(input: &str, _o: &IbanOptions) -> Result<Valid, Invalid> {
    let mut s = Vec::with_capacity(34);
    for c in input.bytes() {
        match c {
            b' ' => {}
            b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' => {
                if s.len() == 34 {
                    return Err(Invalid::msg(
                        Reason::IbanLength,
                        "longer than 34 characters",
                    ));
                }
                s.push(c.to_ascii_uppercase());
            }
            _ => {
                return Err(Invalid::msg(
                    Reason::IbanInvalid,
                    "only letters, digits and spaces are allowed",
                ))
            }
        }
    }
    if s.len() < 4
        || !s[..2].iter().all(u8::is_ascii_uppercase)
        || !s[2..4].iter().all(u8::is_ascii_digit)
    {
        return Err(Invalid::msg(
            Reason::IbanInvalid,
            "an IBAN starts with two letters and two check digits",
        ));
    }
    // ASCII only, checked above.
    let value = String::from_utf8(s).unwrap_or_default();
    let country = &value[..2];
    let len = country_length(country).ok_or_else(|| Invalid::new(Reason::IbanCountryUnknown))?;
    if value.len() != len {
        return Err(Invalid::msg(
            Reason::IbanLength,
            format!("an IBAN of this country has {len} characters"),
        ));
    }
    let check = &value[2..4];
    // Check digits 00, 01 and 99 are never produced by the algorithm
    // (98 - (n mod 97) is in 2..=98).
    if matches!(check, "00" | "01" | "99") || !iban::is_valid(value.as_bytes()) {
        return Err(Invalid::new(Reason::IbanChecksum));
    }
    let print = value
        .as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).unwrap_or_default())
        .collect::<Vec<_>>()
        .join(" ");
    Ok(Valid::new(value.clone())
        .with("country", country)
        .with("checkDigits", check)
        .with("bban", &value[4..])
        .with("printFormat", print))
}
