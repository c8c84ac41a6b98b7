//! The `call` op of the shared vectors: `{"op":"call","fn":"clean","args":[…]}`
//! runs `fg.clean(...args)` in JS and the matching typed Rust API here. Each
//! module maps the JS function names of one part of the library; results are
//! compared as JSON, so they must serialize exactly as the wasm API returns them.

use fieldguard::Error;
use serde::de::DeserializeOwned;
use serde_json::Value;

mod detect;
mod escape;
#[cfg(feature = "html")]
mod html;
mod pii_anonymize;
pub use pii_anonymize::anonymize_text;
mod pii_ops;
pub use pii_ops::anonymize;
mod pii_scan;
mod policy;
mod text;
mod validate;

/// `None` when no module knows `f`.
pub fn call(f: &str, args: &[Value]) -> Option<Result<Value, Error>> {
    let found = text::call(f, args)
        .or_else(|| escape::call(f, args))
        .or_else(|| validate::call(f, args))
        .or_else(|| detect::call(f, args))
        .or_else(|| policy::call(f, args))
        .or_else(|| pii_scan::call(f, args))
        .or_else(|| pii_ops::call(f, args));
    #[cfg(feature = "html")]
    let found = found.or_else(|| html::call(f, args));
    found
}

/// Argument `i` as a string (vectors are trusted test data: panics on misuse).
pub fn str_arg(args: &[Value], i: usize) -> &str {
    args.get(i)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("argument {i} must be a string: {args:?}"))
}

/// Argument `i` as options: absent or null → `T::default()`. Parsing failures
/// are `INVALID_ARGUMENT`, exactly as in the wasm API.
pub fn options<T: DeserializeOwned + Default>(args: &[Value], i: usize) -> Result<T, Error> {
    match args.get(i) {
        None | Some(Value::Null) => Ok(T::default()),
        Some(v) if !v.is_object() => Err(Error::invalid_argument("options must be a plain object")),
        Some(v) => {
            serde_json::from_value(v.clone()).map_err(|e| Error::invalid_argument(e.to_string()))
        }
    }
}

/// Serialize a result the way the wasm API does.
pub fn json<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).expect("results serialize")
}
