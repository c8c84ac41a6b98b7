//! The JSON bridge for the sanitize/validate/detect APIs: their options and
//! results are serde types in the core, and cross the boundary as JSON.
//!
//! Why JSON rather than field-by-field `Reflect` calls: the wasm build then
//! parses options with exactly the serde code the native build and the test
//! vectors use (`deny_unknown_fields` included), so a misspelt option or a
//! wrong type fails the same way in every runtime. `JSON.stringify` escapes
//! lone surrogates as `\udXXX`, which serde_json refuses, so invalid UTF-16
//! inside options is an `INVALID_ARGUMENT` too, never silently replaced.

use super::{invalid, JsResult};
use js_sys::Object;
use serde::{de::DeserializeOwned, Serialize};
use wasm_bindgen::{JsCast, JsValue};

/// `undefined`/`null` → `T::default()`; a plain object → parsed with serde.
pub(super) fn options<T: DeserializeOwned + Default>(value: Option<JsValue>) -> JsResult<T> {
    match plain_object(value)? {
        Some(object) => parse(&object, "options"),
        None => Ok(T::default()),
    }
}

/// `undefined`/`null` → `None`; a plain object → the object; anything
/// else (a string, an array, a function) is an error.
pub(super) fn plain_object(value: Option<JsValue>) -> JsResult<Option<Object>> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(None);
    };
    if !value.is_object() || value.is_function() || super::args::is_array(&value) != Some(false) {
        return Err(invalid("options must be a plain object"));
    }
    Ok(Some(value.unchecked_into()))
}

/// Any JSON-compatible JS value (object, array, string, number…) → `T`.
pub(super) fn parse<T: DeserializeOwned>(value: &JsValue, name: &str) -> JsResult<T> {
    let text = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| invalid(format!("{name} must be JSON-compatible")))?;
    serde_json::from_str(&text).map_err(|e| invalid(format!("{name}: {e}")))
}

/// A serde value → a plain JS object (through `JSON.parse`).
pub(super) fn to_js<T: Serialize>(value: &T) -> JsResult<JsValue> {
    let text =
        serde_json::to_string(value).map_err(|_| invalid("result is not representable as JSON"))?;
    js_sys::JSON::parse(&text)
}
