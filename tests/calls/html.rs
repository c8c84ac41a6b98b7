//! JS function names of `fieldguard::html` for the shared vectors.

use super::{json, options, str_arg};
use fieldguard::html::{HtmlOptions, HtmlSanitizer};
use fieldguard::Error;
use serde_json::Value;

pub fn call(f: &str, args: &[Value]) -> Option<Result<Value, Error>> {
    match f {
        "sanitizeHtml" => Some((|| {
            let opts: HtmlOptions = options(args, 1)?;
            let out = HtmlSanitizer::from_options(&opts)?.sanitize(str_arg(args, 0))?;
            Ok(json(&out))
        })()),
        _ => None,
    }
}
