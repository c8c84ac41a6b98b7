//! JS bindings for `crate::detect`.

use super::{args::string_arg, into_error, json, JsResult};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** What kind of injection a finding points to. More may be added. */
export type InjectionCategory = "sql" | "xss" | "command" | "path-traversal" | "template" | "code-eval";

/** Options of `detectInjection`; every field is optional. */
export interface DetectInjectionOptions {
  /** Only report these categories (non-empty). Default: all. */
  categories?: InjectionCategory[];
  /** Report findings with at least this confidence, 0..=100. Default 50. */
  minConfidence?: number;
  /** Also scan after up to two rounds of URL-percent / `+` / HTML-entity decoding. Default true. */
  decode?: boolean;
  /** Refuse longer inputs (UTF-8 bytes) with INPUT_TOO_LARGE. Default 1048576. */
  maxInputBytes?: number;
}

/** One suspicious fragment. Offsets count Unicode code points (not UTF-16 units) of the original input. */
export interface InjectionFinding {
  category: InjectionCategory;
  /** 0..=100; a fixed score per rule adjusted by context, not a probability. */
  confidence: number;
  /** Stable rule id such as "sql.tautology". */
  rule: string;
  /** The original input's code points start..end, cut to 100. */
  fragment: string;
  start: number;
  end: number;
}
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "DetectInjectionOptions")]
    pub type DetectInjectionOptionsArg;
}

/// Find likely injection payloads in one value (see `fieldguard::detect`).
/// A second line of defence: use parameterized queries, escaping and the
/// HTML sanitizer first.
#[wasm_bindgen(js_name = detectInjection, unchecked_return_type = "InjectionFinding[]")]
pub fn detect_injection(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    options: Option<DetectInjectionOptionsArg>,
) -> JsResult<JsValue> {
    let input = string_arg(&input, "input")?;
    let options: crate::detect::DetectOptions = json::options(options.map(JsValue::from))?;
    json::to_js(&crate::detect::detect(&input, &options).map_err(into_error)?)
}
