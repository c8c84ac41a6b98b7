//! JS function names of `fieldguard::text` for the shared vectors.

use super::{json, options, str_arg};
use fieldguard::text::{self, CleanOptions};
use fieldguard::Error;
use serde_json::Value;

pub fn call(f: &str, args: &[Value]) -> Option<Result<Value, Error>> {
    Some(match f {
        "clean" => options::<CleanOptions>(args, 1)
            .and_then(|o| text::clean(str_arg(args, 0), &o))
            .map(|r| json(&r)),
        "skeleton" => Ok(json(&text::skeleton(str_arg(args, 0)))),
        "areConfusable" => Ok(json(&text::are_confusable(
            str_arg(args, 0),
            str_arg(args, 1),
        ))),
        "analyzeScripts" => Ok(json(&text::analyze_scripts(str_arg(args, 0)))),
        _ => return None,
    })
}
