//! `fg_scan_pii` and `fg_anonymize_text`: `crate::pii` for C. Offsets in
//! the JSON results are UTF-8 byte offsets (the JS API gives UTF-16 ones).

use super::crypto::FgKeyring;
use super::{guard, invalid, optional_out, options_arg, out_arg, put, str_arg, NUL_TERMINATED};
use crate::pii::anonymize::{AnonymizeOptions, Anonymizer};
use crate::pii::operators::OperatorContext;
use crate::pii::recognize::{find, RecognizeOptions};
use crate::Result;
use serde_json::{Map, Value};
use std::ffi::{c_char, c_int};

/// Find PII and secrets in `text`; writes the findings as a JSON array
/// (`[{"entityType","start","end","score","recognizer"}]`).
///
/// # Safety
/// See `fieldguard.h`.
#[no_mangle]
pub unsafe extern "C" fn fg_scan_pii(
    text: *const c_char,
    text_len: usize,
    options_json: *const c_char,
    findings_json_out: *mut *mut c_char,
) -> c_int {
    guard(|| {
        // SAFETY (whole block): the pointers are as the header requires.
        unsafe {
            out_arg(findings_json_out, "findings_json_out")?;
            let text = str_arg(text, text_len, "text")?;
            let options: RecognizeOptions = options_arg(options_json)?;
            let found = find(text, &options)?;
            put(findings_json_out, std::ptr::null_mut(), &to_json(&found)?)
        }
    })
}

/// Find PII in `text` and replace each finding with its type's operator.
/// `keyring` may be NULL when no operator needs keys. `options_json` is
/// the JSON of the JS `AnonymizeTextOptions` (`scan`, `operators`,
/// `defaultOperator`, `context`, `subject`), NULL for defaults.
///
/// # Safety
/// See `fieldguard.h`.
#[no_mangle]
pub unsafe extern "C" fn fg_anonymize_text(
    keyring: *const FgKeyring,
    text: *const c_char,
    text_len: usize,
    options_json: *const c_char,
    text_out: *mut *mut c_char,
    text_len_out: *mut usize,
    items_json_out: *mut *mut c_char,
) -> c_int {
    guard(|| {
        // SAFETY (whole block): the pointers are as the header requires.
        unsafe {
            out_arg(text_out, "text_out")?;
            optional_out(items_json_out);
            let keyring = keyring.as_ref().map(|k| &k.inner);
            let text = str_arg(text, text_len, "text")?;
            let options = if options_json.is_null() {
                Value::Object(Map::new())
            } else {
                let raw = str_arg(options_json, NUL_TERMINATED, "options_json")?;
                serde_json::from_str(raw).map_err(|e| invalid(format!("options_json: {e}")))?
            };
            let Value::Object(mut options) = options else {
                return Err(invalid("options_json must be a JSON object"));
            };
            // `context` and `subject` belong to the operator context, the
            // rest is `AnonymizeOptions` (unknown keys refused by serde).
            let context = take_string(&mut options, "context")?;
            let subject = take_string(&mut options, "subject")?;
            let options: AnonymizeOptions = serde_json::from_value(Value::Object(options))
                .map_err(|e| invalid(format!("options_json: {e}")))?;
            let mut ctx = OperatorContext::new();
            if let Some(context) = &context {
                ctx = ctx.context(context.as_bytes());
            }
            if let Some(subject) = &subject {
                ctx = ctx.subject(subject);
            }
            if let Some(keyring) = keyring {
                ctx = ctx.keyring(keyring);
            }
            let out = Anonymizer::new(&options)?.anonymize(text, &ctx)?;
            if !items_json_out.is_null() {
                put(items_json_out, std::ptr::null_mut(), &to_json(&out.items)?)?;
            }
            put(text_out, text_len_out, out.text.as_bytes())
        }
    })
}

/// Remove an optional string option (JSON `null` counts as absent).
fn take_string(options: &mut Map<String, Value>, key: &str) -> Result<Option<String>> {
    match options.remove(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(_) => Err(invalid(format!("options_json: {key} must be a string"))),
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<Vec<u8>> {
    serde_json::to_vec(value).map_err(|_| invalid("result is not representable as JSON"))
}
