//! `fg_scan_pii` and `fg_anonymize_text`: `crate::pii` for C. Offsets in
//! the JSON results are UTF-8 byte offsets (the JS API gives UTF-16 ones).

use super::keyring::FgKeyring;
use super::{guard, invalid, optional_out, options_arg, out_arg, put, str_arg};
use crate::pii::anonymize::AnonymizeTextRequest;
use crate::pii::recognize::{find, RecognizeOptions};
use crate::Result;
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
/// an `AnonymizeTextRequest` (the JS `AnonymizeTextOptions`: `scan`,
/// `operators`, `defaultOperator`, `context`, `subject`), NULL for defaults.
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
            let request: AnonymizeTextRequest = options_arg(options_json)?;
            let out = request.anonymize(text, keyring)?;
            if !items_json_out.is_null() {
                put(items_json_out, std::ptr::null_mut(), &to_json(&out.items)?)?;
            }
            put(text_out, text_len_out, out.text.as_bytes())
        }
    })
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<Vec<u8>> {
    serde_json::to_vec(value).map_err(|_| invalid("result is not representable as JSON"))
}
