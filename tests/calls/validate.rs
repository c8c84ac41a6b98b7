//! JS function names of `fieldguard::validate` for the shared vectors.

use super::{json, options, str_arg};
use fieldguard::validate::{outcome, Validator};
use fieldguard::Error;
use serde_json::{Map, Value};

pub fn call(f: &str, args: &[Value]) -> Option<Result<Value, Error>> {
    match f {
        // validate(type, input, options?)
        "validate" => Some((|| {
            let opts: Map<String, Value> = options(args, 2)?;
            let v = Validator::from_type(str_arg(args, 0), Some(&opts))?;
            Ok(json(&outcome(&v.validate(str_arg(args, 1)))))
        })()),
        _ => None,
    }
}
