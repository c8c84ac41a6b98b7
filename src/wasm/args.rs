//! Checking JS arguments. Each helper returns a coded `INVALID_ARGUMENT`
//! error naming the argument, never its value.

use super::{invalid, JsResult};
use js_sys::{JsString, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};

/// A JS string as Rust UTF-8. Lone surrogates are refused rather than
/// replaced with U+FFFD: replacing would silently change what is encrypted.
pub(super) fn string_arg(value: &JsValue, name: &str) -> JsResult<String> {
    let js: &JsString = value
        .dyn_ref()
        .ok_or_else(|| invalid(format!("{name} must be a string")))?;
    if !js.is_valid_utf16() {
        return Err(invalid(format!(
            "{name} contains a lone UTF-16 surrogate and is not valid Unicode"
        )));
    }
    Ok(String::from(js))
}

/// A `Uint8Array` (or subclass such as Node's `Buffer`) as bytes.
pub(super) fn bytes_arg(value: &JsValue, name: &str) -> JsResult<Vec<u8>> {
    value
        .dyn_ref::<Uint8Array>()
        .map(Uint8Array::to_vec)
        .ok_or_else(|| invalid(format!("{name} must be a Uint8Array")))
}

/// An integer in `1..=u32::MAX`.
pub(super) fn u32_arg(value: &JsValue, name: &str) -> JsResult<u32> {
    match value.as_f64() {
        Some(n) if n.fract() == 0.0 && (1.0..=f64::from(u32::MAX)).contains(&n) => Ok(n as u32),
        _ => Err(invalid(format!(
            "{name} must be an integer from 1 to 4294967295"
        ))),
    }
}

/// `undefined`/`null` → no options; a plain object whose keys are all in
/// `allowed` → the object; anything else is an error.
pub(super) fn options_object(value: Option<JsValue>, allowed: &[&str]) -> JsResult<Option<Object>> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(None);
    };
    if !value.is_object() || value.is_function() || js_sys::Array::is_array(&value) {
        return Err(invalid("options must be a plain object"));
    }
    let object: Object = value.unchecked_into();
    for key in Object::keys(&object).iter() {
        let key = key.as_string().unwrap_or_default();
        if !allowed.contains(&key.as_str()) {
            return Err(invalid(format!(
                "unknown option \"{}\" (allowed: {})",
                key.chars().take(40).collect::<String>(),
                allowed.join(", ")
            )));
        }
    }
    Ok(Some(object))
}

/// The `context` option: a string (UTF-8) or `Uint8Array`; absent → empty.
pub(super) fn context_option(options: Option<&Object>) -> JsResult<Vec<u8>> {
    let Some(o) = options else {
        return Ok(Vec::new());
    };
    let value = Reflect::get(o, &"context".into())?;
    if value.is_undefined() {
        Ok(Vec::new())
    } else if value.is_string() {
        Ok(string_arg(&value, "context")?.into_bytes())
    } else if value.is_instance_of::<Uint8Array>() {
        bytes_arg(&value, "context")
    } else {
        Err(invalid("context must be a string or a Uint8Array"))
    }
}

/// An optional integer option within `min..=max`.
pub(super) fn integer_option(
    options: Option<&Object>,
    key: &str,
    min: u64,
    max: u64,
) -> JsResult<Option<u64>> {
    let Some(o) = options else { return Ok(None) };
    let value = Reflect::get(o, &key.into())?;
    if value.is_undefined() {
        return Ok(None);
    }
    match value.as_f64() {
        Some(n) if n.fract() == 0.0 && n >= min as f64 && n <= max as f64 => Ok(Some(n as u64)),
        _ => Err(invalid(format!(
            "{key} must be an integer from {min} to {max}"
        ))),
    }
}

/// An optional boolean option.
pub(super) fn bool_option(options: Option<&Object>, key: &str) -> JsResult<Option<bool>> {
    let Some(o) = options else { return Ok(None) };
    let value = Reflect::get(o, &key.into())?;
    if value.is_undefined() {
        return Ok(None);
    }
    value
        .as_bool()
        .map(Some)
        .ok_or_else(|| invalid(format!("{key} must be a boolean")))
}
