//! Checking JS arguments. Each helper returns a coded `INVALID_ARGUMENT`
//! error naming the argument, never its value.

use super::{invalid, JsResult};
use js_sys::{Array, ArrayBuffer, JsString, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

// Catching forms of the built-ins that can run caller code (proxy traps,
// getters) or throw (revoked proxies, detached buffers). js-sys binds them
// without `catch`; a JS exception thrown through Rust frames would come out
// without a code and abandon the call half-way.
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Object, js_name = keys, catch)]
    fn object_keys(object: &JsValue) -> Result<Array, JsValue>;
    #[wasm_bindgen(js_namespace = Array, js_name = isArray, catch)]
    fn array_is_array(value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(js_namespace = Object, js_name = assign, catch)]
    fn object_assign(target: &JsValue, source: &JsValue) -> Result<JsValue, JsValue>;
    /// `String.prototype.isWellFormed.call(s)`; throws (caught) where it does not exist.
    #[wasm_bindgen(js_namespace = ["String", "prototype", "isWellFormed"], js_name = call, catch)]
    fn is_well_formed(this: &JsString) -> Result<bool, JsValue>;
}

/// `Array.isArray`, with a revoked proxy counting as "not a plain object" (`None`).
pub(super) fn is_array(value: &JsValue) -> Option<bool> {
    array_is_array(value).ok()
}

/// A shallow copy of `object` (`Object.assign({}, object)`); a throwing getter is a coded error.
pub(super) fn shallow_copy(object: &Object, name: &str) -> JsResult<Object> {
    object_assign(&Object::new(), object)
        .map(JsCast::unchecked_into)
        .map_err(|_| {
            invalid(format!(
                "{name} could not be read (a getter or proxy threw)"
            ))
        })
}

/// `object[key]`; a throwing getter or proxy trap is a coded error naming the key.
pub(super) fn get(object: &Object, key: &str) -> JsResult<JsValue> {
    Reflect::get(object, &key.into()).map_err(|_| {
        invalid(format!(
            "option {key} could not be read (a getter or proxy threw)"
        ))
    })
}

/// A JS string as Rust UTF-8. Lone surrogates are refused rather than
/// replaced with U+FFFD: replacing would silently change what is encrypted.
pub(super) fn string_arg(value: &JsValue, name: &str) -> JsResult<String> {
    let js: &JsString = value
        .dyn_ref()
        .ok_or_else(|| invalid(format!("{name} must be a string")))?;
    // The conversion replaces lone surrogates with U+FFFD, so only a result
    // containing U+FFFD needs the well-formedness check. Why not always
    // check: js-sys's `is_valid_utf16` makes one JS call per code unit,
    // seconds for a 32 MB string before any size limit could refuse it.
    let s = String::from(js);
    if s.contains('\u{FFFD}') && !is_well_formed(js).unwrap_or_else(|_| js.is_valid_utf16()) {
        return Err(invalid(format!(
            "{name} contains a lone UTF-16 surrogate and is not valid Unicode"
        )));
    }
    Ok(s)
}

/// A `Uint8Array` (or subclass such as Node's `Buffer`) as bytes.
///
/// Copied with `new Uint8Array(value)` first: for a real typed array that
/// reads the internal slots and runs no caller code, where `length` and
/// `set` could be overridden getters on a subclass; a detached buffer
/// throws there and becomes a coded error.
pub(super) fn bytes_arg(value: &JsValue, name: &str) -> JsResult<Vec<u8>> {
    let refuse = || invalid(format!("{name} must be a Uint8Array"));
    // `isView` checks the internal slot (a proxy is not a view); `instanceof` the kind.
    if !ArrayBuffer::is_view(value) || !value.is_instance_of::<Uint8Array>() {
        return Err(refuse());
    }
    let ctor: JsValue = Uint8Array::new_with_length(0).constructor().into();
    let copy = Reflect::construct(ctor.unchecked_ref::<js_sys::Function>(), &Array::of1(value))
        .map_err(|_| invalid(format!("{name} could not be read (detached buffer?)")))?;
    Ok(copy.unchecked_into::<Uint8Array>().to_vec())
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
    if !value.is_object() || value.is_function() || is_array(&value) != Some(false) {
        return Err(invalid("options must be a plain object"));
    }
    let keys =
        object_keys(&value).map_err(|_| invalid("options could not be read (a proxy threw)"))?;
    let object: Object = value.unchecked_into();
    for key in keys.iter() {
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
    let value = get(o, "context")?;
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
    let value = get(o, key)?;
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
    let value = get(o, key)?;
    if value.is_undefined() {
        return Ok(None);
    }
    value
        .as_bool()
        .map(Some)
        .ok_or_else(|| invalid(format!("{key} must be a boolean")))
}
