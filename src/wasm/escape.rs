//! JS bindings for `crate::escape`.
use super::{args::string_arg, into_error, JsResult};
use crate::escape::EscapeContext;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Where an escaped value is placed (OWASP encoder contexts). */
export type EscapeContext = "html-text" | "html-attribute" | "js-string" | "url-component" | "css-string";
"#;

/// Escape an untrusted string for one output context (see `fieldguard::escape`).
#[wasm_bindgen(js_name = escape)]
pub fn escape(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "EscapeContext")] context: JsValue,
) -> JsResult<String> {
    let input = string_arg(&input, "input")?;
    let context =
        EscapeContext::from_name(&string_arg(&context, "context")?).map_err(into_error)?;
    Ok(crate::escape::escape(&input, context))
}
