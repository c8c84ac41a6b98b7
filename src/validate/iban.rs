//! IBANs (ISO 13616): the registry lengths and BBAN structures and the
//! ISO 7064 mod 97-10 check are in `crate::checks::iban`.

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
    let reg = iban::country(country.as_bytes())
        .ok_or_else(|| Invalid::new(Reason::IbanCountryUnknown))?;
    let len = reg.len;
    if value.len() != len {
        return Err(Invalid::msg(
            Reason::IbanLength,
            format!("an IBAN of this country has {len} characters"),
        ));
    }
    if !iban::fits_registry(value.as_bytes()) {
        return Err(Invalid::msg(
            Reason::IbanInvalid,
            "the BBAN does not match this country's structure in the IBAN registry",
        ));
    }
    let check = &value[2..4];
    // Check digits 00, 01 and 99 are never produced by the algorithm
    // (98 - (n mod 97) is in 2..=98).
    if matches!(check, "00" | "01" | "99")
        || !iban::is_valid(value.as_bytes())
        || !iban::national_ok(value.as_bytes())
    {
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
