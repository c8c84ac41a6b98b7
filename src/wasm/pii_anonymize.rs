//! JS bindings for `crate::pii::anonymize`: `anonymizeText` and
//! `Keyring.anonymizeText`.

use super::args::{context_option, string_arg};
use super::{into_error, invalid, json, JsKeyring, JsResult};
use crate::pii::anonymize::AnonymizeTextRequest;
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Options of `anonymizeText`; every field is optional. */
export interface AnonymizeTextOptions {
  /** What to look for (as in `scanPii`). */
  scan?: ScanPiiOptions;
  /** The operator for each entity type. Default none. */
  operators?: { [T in PiiEntityType]?: PiiOperator };
  /** The operator for other types. Default { op: "replace" } (the tag "<EMAIL_ADDRESS>"). */
  defaultOperator?: PiiOperator;
  /** Token context for encrypt, domain separation for hash. Default empty. */
  context?: Context;
  /** Whose text it is, for date-shift. Default none. */
  subject?: string;
}

/** One replaced finding; `start`/`end` locate the replacement in the output (UTF-16). */
export interface AnonymizedItem {
  entityType: PiiEntityType;
  start: number;
  end: number;
  /** The operator that ran, e.g. "mask". */
  operator: PiiOperator["op"];
  /** The operator could not read the value and the "<TYPE>" tag was used. */
  fallback: boolean;
}

/** The result of `anonymizeText`. */
export interface AnonymizedText {
  text: string;
  items: AnonymizedItem[];
}
"#;

#[wasm_bindgen]
extern "C" {
    /// `AnonymizeTextOptions` from the TypeScript section above.
    #[wasm_bindgen(typescript_type = "AnonymizeTextOptions")]
    pub type AnonymizeTextOptionsArg;
}

#[wasm_bindgen(js_class = Keyring)]
impl JsKeyring {
    /// Find PII in free text and replace each finding with its type's
    /// operator, with this keyring (see `anonymizeText`).
    #[wasm_bindgen(js_name = anonymizeText, unchecked_return_type = "AnonymizedText")]
    pub fn anonymize_text(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
        options: Option<AnonymizeTextOptionsArg>,
    ) -> JsResult<JsValue> {
        run(Some(&self.inner), &text, options.map(JsValue::from))
    }
}

/// Find PII in free text and replace each finding with its type's operator
/// (see `fieldguard::pii::anonymize`). `keyring` may be null or undefined
/// when no operator needs a key. Offsets are UTF-16 code units of the
/// output text.
#[wasm_bindgen(js_name = anonymizeText, unchecked_return_type = "AnonymizedText")]
pub fn anonymize_text(
    #[wasm_bindgen(unchecked_param_type = "Keyring | null | undefined")] keyring: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<AnonymizeTextOptionsArg>,
) -> JsResult<JsValue> {
    let options = options.map_or(JsValue::UNDEFINED, JsValue::from);
    if keyring.is_null() || keyring.is_undefined() {
        return run(None, &text, Some(options));
    }
    // Through the keyring's own method: wasm-bindgen cannot borrow an
    // optional exported object (see `anonymizeValue`).
    let method = Reflect::get(&keyring, &"anonymizeText".into())
        .ok()
        .filter(|m| keyring.is_object() && m.is_function())
        .ok_or_else(|| invalid("keyring must be a Keyring, null or undefined"))?;
    let method: &js_sys::Function = method.unchecked_ref();
    method.call2(&keyring, &text, &options)
}

fn run(
    keyring: Option<&crate::Keyring>,
    text: &JsValue,
    options: Option<JsValue>,
) -> JsResult<JsValue> {
    let text = zeroize::Zeroizing::new(string_arg(text, "text")?);
    let out = request(options)?
        .anonymize(&text, keyring)
        .map_err(into_error)?;
    json::to_js(&out.with_utf16_offsets())
}

/// The options object as the core's request: through JSON (the serde code
/// every runtime uses), except `context`, which may be a `Uint8Array` and
/// is converted to bytes here.
fn request(options: Option<JsValue>) -> JsResult<AnonymizeTextRequest> {
    let Some(object) = json::plain_object(options)? else {
        return Ok(AnonymizeTextRequest::default());
    };
    let context = context_option(Some(&object))?;
    // A shallow copy without `context`, so the caller's object is untouched.
    let rest = Object::assign(&Object::new(), &object);
    Reflect::delete_property(&rest, &"context".into())?;
    let mut request: AnonymizeTextRequest = json::parse(&rest, "options")?;
    request.context = context;
    Ok(request)
}
