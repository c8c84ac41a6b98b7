//! JS bindings for `crate::html` (the `pkg/html/` entry only).
use super::{args::string_arg, into_error, json, JsResult};
use crate::html::{HtmlOptions, HtmlSanitizer};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A sanitizer profile; every field is optional and replaces the default of the same name. */
export interface HtmlOptions {
  /** Allowed tags. Default: the rich-text set documented in fieldguard::html. */
  tags?: string[];
  /** Tags allowed in addition to `tags`. Default []. */
  addTags?: string[];
  /** Attributes allowed per tag, e.g. { a: ["href"] }. */
  tagAttributes?: Record<string, string[]>;
  /** Attributes allowed on every allowed tag. Default ["lang", "title", "dir"]. */
  genericAttributes?: string[];
  /** Allowed schemes of absolute URLs (href, src, cite). Default ["http", "https", "mailto", "tel"]. */
  urlSchemes?: string[];
  /** Keep relative URLs. Default true. */
  relativeUrls?: boolean;
  /** rel forced on every link; null leaves links alone. Default "noopener noreferrer". */
  linkRel?: string | null;
  /** Remove comments. Default true. */
  stripComments?: boolean;
  /** Per tag, the only classes kept. Default {}. */
  allowedClasses?: Record<string, string[]>;
  /** Longer input throws INPUT_TOO_LARGE. Default 1048576. */
  maxInputBytes?: number;
  /** Input that may nest deeper throws INPUT_TOO_LARGE. Default 1536 (about 512 explicit levels). */
  maxNestingDepth?: number;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// `HtmlOptions` from the TypeScript section above.
    #[wasm_bindgen(typescript_type = "HtmlOptions")]
    pub type HtmlOptionsArg;
}

/// Sanitize an HTML fragment with an allowlist profile (see `fieldguard::html`).
#[wasm_bindgen(js_name = sanitizeHtml)]
pub fn sanitize_html(
    #[wasm_bindgen(unchecked_param_type = "string")] html: JsValue,
    options: Option<HtmlOptionsArg>,
) -> JsResult<String> {
    let html = string_arg(&html, "html")?;
    let options: HtmlOptions = json::options(options.map(JsValue::from))?;
    HtmlSanitizer::from_options(&options)
        .and_then(|s| s.sanitize(&html))
        .map_err(into_error)
}
