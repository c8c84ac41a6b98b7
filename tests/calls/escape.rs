//! JS function names of `fieldguard::escape` for the shared vectors.

use super::{json, str_arg};
use fieldguard::escape::{escape, EscapeContext};
use fieldguard::Error;
use serde_json::Value;

pub fn call(f: &str, args: &[Value]) -> Option<Result<Value, Error>> {
    match f {
        // A non-string context is INVALID_ARGUMENT in JS too.
        "escape" => Some(match args.get(1).and_then(Value::as_str) {
            Some(name) => {
                EscapeContext::from_name(name).map(|ctx| json(&escape(str_arg(args, 0), ctx)))
            }
            None => Err(Error::invalid_argument("context must be a string")),
        }),
        _ => None,
    }
}
