//! JS bindings for `crate::text`.

use super::{args::string_arg, into_error, json, JsResult};
use crate::text::InputLimit;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Allowlist character classes of `clean`. */
export type CharClass = "any" | "ascii-letters" | "ascii-digits" | "letters" | "digits" | "space";

/** Options of `clean`; every field is optional. A preset fills in the options left unset. */
export interface CleanOptions {
  /** Ready defaults: see the crate docs of `fieldguard::text` for their values. */
  preset?: "username" | "slug" | "name" | "phone-digits";
  /** Default "nfc". */
  normalize?: "none" | "nfc" | "nfkc";
  /** Keep LF, CR, VT, FF, NEL, U+2028, U+2029. Default true. */
  keepNewlines?: boolean;
  /** Keep tabs. Default true. */
  keepTabs?: boolean;
  /** Remove bidi controls (Trojan Source). Default true. */
  removeBidi?: boolean;
  /** Remove zero-width and invisible characters. Default true. */
  removeInvisible?: boolean;
  /** Full Unicode lower-casing. Default false. */
  lowercase?: boolean;
  /** Allowed classes; absent: no allowlist (unless the preset has one). */
  allow?: CharClass[];
  /** Extra allowed characters. Default "". */
  allowExtra?: string;
  /** Keep a `+` before every other kept character. Default false. */
  keepLeadingPlus?: boolean;
  /** Default "remove"; "reject" throws VALUE_INVALID. */
  disallowed?: "remove" | "reject";
  /** Each whitespace run becomes one space. Default false. */
  collapseWhitespace?: boolean;
  /** One character: runs of whitespace, `_` and it become one, trimmed at the ends. */
  separator?: string;
  /** Trim whitespace at both ends. Default true. */
  trim?: boolean;
  /** Maximum length in `lengthUnit`s (no limit by default). */
  maxLength?: number;
  /** Default "graphemes"; "chars" counts code points (not UTF-16 units). */
  lengthUnit?: "graphemes" | "chars";
  /** Default "truncate" (never splits a grapheme); "reject" throws VALUE_INVALID. */
  overLength?: "truncate" | "reject";
  /** Default 1048576; longer input throws INPUT_TOO_LARGE. */
  maxInputBytes?: number;
}

/** Stable kinds of change reported by `clean`. */
export type ChangeKind =
  | "normalized" | "removed-control" | "removed-bidi" | "removed-invisible" | "lowercased"
  | "removed-disallowed" | "replaced-separators" | "collapsed-whitespace" | "trimmed" | "truncated";

export interface Change { kind: ChangeKind; count: number; }

export interface CleanResult {
  value: string;
  /** Whether `value` differs from the input. */
  changed: boolean;
  /** In step order; only kinds that happened. */
  changes: Change[];
}

export type RestrictionLevel =
  | "ascii" | "single-script" | "highly-restrictive" | "moderately-restrictive"
  | "minimally-restrictive" | "unrestricted";

/** Options of `skeleton`, `areConfusable` and `analyzeScripts`. */
export interface InputLimitOptions {
  /** Longer input (UTF-8 bytes; each string for `areConfusable`) throws INPUT_TOO_LARGE. Default 1048576, as `clean`. */
  maxInputBytes?: number;
}

export interface ScriptReport {
  /** Sorted ISO 15924 codes ("Cyrl", "Latn", …) without Common and Inherited. */
  scripts: string[];
  /** UTS #39: the resolved script set is empty. */
  mixedScript: boolean;
  restrictionLevel: RestrictionLevel;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// `CleanOptions` from the TypeScript section above.
    #[wasm_bindgen(typescript_type = "CleanOptions")]
    pub type CleanOptionsArg;
    /// `InputLimitOptions` from the TypeScript section above.
    #[wasm_bindgen(typescript_type = "InputLimitOptions")]
    pub type InputLimitOptionsArg;
}

/// Canonicalize and clean untrusted text (see `fieldguard::text::clean`).
#[wasm_bindgen(js_name = clean, unchecked_return_type = "CleanResult")]
pub fn clean(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    options: Option<CleanOptionsArg>,
) -> JsResult<JsValue> {
    let input = string_arg(&input, "input")?;
    let options = json::options(options.map(JsValue::from))?;
    json::to_js(&crate::text::clean(&input, &options).map_err(into_error)?)
}

/// The UTS #39 confusable skeleton (for comparison only, never for display).
#[wasm_bindgen(js_name = skeleton)]
pub fn skeleton(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    options: Option<InputLimitOptionsArg>,
) -> JsResult<String> {
    let input = string_arg(&input, "input")?;
    let limit: InputLimit = json::options(options.map(JsValue::from))?;
    crate::text::skeleton_limited(&input, &limit).map_err(into_error)
}

/// Whether two strings are confusable per UTS #39 (equal skeletons).
#[wasm_bindgen(js_name = areConfusable)]
pub fn are_confusable(
    #[wasm_bindgen(unchecked_param_type = "string")] a: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] b: JsValue,
    options: Option<InputLimitOptionsArg>,
) -> JsResult<bool> {
    let (a, b) = (string_arg(&a, "a")?, string_arg(&b, "b")?);
    let limit: InputLimit = json::options(options.map(JsValue::from))?;
    crate::text::are_confusable_limited(&a, &b, &limit).map_err(into_error)
}

/// Scripts present, mixed-script status and UTS #39 restriction level.
#[wasm_bindgen(js_name = analyzeScripts, unchecked_return_type = "ScriptReport")]
pub fn analyze_scripts(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    options: Option<InputLimitOptionsArg>,
) -> JsResult<JsValue> {
    let input = string_arg(&input, "input")?;
    let limit: InputLimit = json::options(options.map(JsValue::from))?;
    json::to_js(&crate::text::analyze_scripts_limited(&input, &limit).map_err(into_error)?)
}
