//! UUIDs (RFC 9562).

use super::{Invalid, Reason, Valid};
use serde::{Deserialize, Serialize};

/// Options of the `uuid` validator.
///
/// ```
/// use fieldguard::validate::{UuidOptions, Validator};
/// let v4 = Validator::Uuid(UuidOptions { versions: vec![4], ..Default::default() });
/// assert!(v4.validate("919108f7-52d1-4320-9bac-f847db4148a8").is_ok());
/// assert_eq!(v4.validate("f81d4fae-7dec-11d0-a765-00a0c91e6bf6").unwrap_err().code(), "UUID_VERSION_NOT_ALLOWED");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct UuidOptions {
    /// Allowed versions, 1–8. Default empty: any version 1–8.
    pub versions: Vec<u8>,
    /// Accept the nil (`00000000-…-000000000000`) and max (`ffffffff-…`)
    /// UUIDs. Default false.
    pub allow_nil: bool,
}

pub(super) fn check_options(o: &UuidOptions) -> Result<(), String> {
    if o.versions.iter().any(|v| !(1..=8).contains(v)) {
        return Err("versions must be integers from 1 to 8".into());
    }
    Ok(())
}

pub(super) fn validate(input: &str, o: &UuidOptions) -> Result<Valid, Invalid> {
    let bad = || Invalid::new(Reason::UuidInvalid);
    let body = if let Some(inner) = input.strip_prefix('{') {
        inner.strip_suffix('}').ok_or_else(bad)?
    } else if input.len() == 45
        && input.is_char_boundary(9)
        && input[..9].eq_ignore_ascii_case("urn:uuid:")
    {
        &input[9..]
    } else {
        input
    };
    let b = body.as_bytes();
    if b.len() != 36 {
        return Err(bad());
    }
    let mut value = String::with_capacity(36);
    for (i, &c) in b.iter().enumerate() {
        if matches!(i, 8 | 13 | 18 | 23) {
            if c != b'-' {
                return Err(bad());
            }
        } else if !c.is_ascii_hexdigit() {
            return Err(bad());
        }
        value.push(c.to_ascii_lowercase() as char);
    }
    let hex = value.replace('-', "");
    let version = hex_val(value.as_bytes()[14]);
    let variant = hex_val(value.as_bytes()[19]);
    if hex.bytes().all(|c| c == b'0') || hex.bytes().all(|c| c == b'f') {
        if !o.allow_nil {
            return Err(Invalid::msg(
                Reason::UuidVersionNotAllowed,
                "the nil and max UUIDs are not allowed (allowNil)",
            ));
        }
        return Ok(Valid::new(value).with("version", version));
    }
    if !(1..=8).contains(&version) || variant & 0b1100 != 0b1000 {
        return Err(Invalid::msg(
            Reason::UuidInvalid,
            "not an RFC 9562 UUID (version 1-8 with variant 10xx)",
        ));
    }
    if !o.versions.is_empty() && !o.versions.contains(&version) {
        return Err(Invalid::new(Reason::UuidVersionNotAllowed));
    }
    Ok(Valid::new(value).with("version", version))
}

fn hex_val(c: u8) -> u8 {
    match c {
        b'0'..=b'9' => c - b'0',
        b'a'..=b'f' => c - b'a' + 10,
        _ => 0,
    }
}
