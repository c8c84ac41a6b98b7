//! The typed side of the `anonymize_text` op (`fg.anonymizeText`).

use fieldguard::pii::anonymize::AnonymizeTextRequest;
use fieldguard::{Error, Keyring};
use serde_json::Value;

/// `fg.anonymizeText(keyring, text, options)` with the typed API: the
/// options are the core's request type, as in every adapter, and the
/// offsets are converted to UTF-16 as the JS API returns them.
pub fn anonymize_text(
    keyring: Option<&Keyring>,
    text: &str,
    options: Option<&Value>,
) -> Result<Value, Error> {
    // `super::options` reads argument `i`: here the only one.
    let args = options.map_or(&[][..], std::slice::from_ref);
    let request: AnonymizeTextRequest = super::options(args, 0)?;
    let out = request.anonymize(text, keyring)?;
    Ok(super::json(&out.with_utf16_offsets()))
}
