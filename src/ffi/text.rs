//! `fg_clean`: `crate::text::clean` for C.

use super::{guard, optional_out, options_arg, out_arg, put, str_arg};
use crate::text::{clean, CleanOptions};
use std::ffi::{c_char, c_int};

/// Canonicalize and clean untrusted text. `options_json` is the JSON of
/// `CleanOptions` (NULL: defaults); the cleaned value goes to `value_out`,
/// and, if `result_json_out` is not NULL, the whole result
/// (`{"value","changed","changes"}`, as `clean` in JS) to it.
///
/// # Safety
/// See `fieldguard.h`: valid input and out-pointers.
#[no_mangle]
pub unsafe extern "C" fn fg_clean(
    input: *const c_char,
    input_len: usize,
    options_json: *const c_char,
    value_out: *mut *mut c_char,
    value_len_out: *mut usize,
    result_json_out: *mut *mut c_char,
) -> c_int {
    guard(|| {
        // SAFETY (whole block): the pointers are as the header requires.
        unsafe {
            out_arg(value_out, "value_out")?;
            optional_out(result_json_out);
            let input = str_arg(input, input_len, "input")?;
            let options: CleanOptions = options_arg(options_json)?;
            let cleaned = clean(input, &options)?;
            if !result_json_out.is_null() {
                let json = serde_json::to_string(&cleaned)
                    .map_err(|_| crate::Error::invalid_argument("result is not JSON"))?;
                put(result_json_out, std::ptr::null_mut(), json.as_bytes())?;
            }
            put(value_out, value_len_out, cleaned.value.as_bytes())
        }
    })
}
