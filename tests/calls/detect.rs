//! JS function names of `fieldguard::detect` for the shared vectors.

use super::{json, options, str_arg};
use fieldguard::detect::{detect, DetectOptions};
use fieldguard::Error;
use serde_json::Value;

pub fn call(f: &str, args: &[Value]) -> Option<Result<Value, Error>> {
    Some(match f {
        "detectInjection" => options::<DetectOptions>(args, 1)
            .and_then(|o| detect(str_arg(args, 0), &o))
            .map(|found| json(&found)),
        _ => return None,
    })
}
