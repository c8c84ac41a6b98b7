//! JS function names of `fieldguard::pii::recognize` for the shared vectors.
//! Offsets are converted to UTF-16 with the same public function the wasm
//! binding uses, so both sides report `String.prototype.slice` offsets.

use super::{json, options, str_arg};
use fieldguard::pii::recognize::{find, utf16_offsets, Finding, RecognizeOptions};
use fieldguard::Error;
use serde_json::Value;

pub fn call(f: &str, args: &[Value]) -> Option<Result<Value, Error>> {
    match f {
        "scanPii" => Some((|| {
            let text = str_arg(args, 0);
            let o: RecognizeOptions = options(args, 1)?;
            let found = find(text, &o)?;
            let js: Vec<Finding> = utf16_offsets(text, &found)
                .into_iter()
                .zip(&found)
                .map(|((start, end), f)| Finding { start, end, ..*f })
                .collect();
            Ok(json(&js))
        })()),
        _ => None,
    }
}
