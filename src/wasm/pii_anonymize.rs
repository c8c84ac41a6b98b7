//! JS bindings for `crate::pii::anonymize`: `anonymizeText` and
//! `Keyring.anonymizeText`.

use super::args::{context_option, shallow_copy, string_arg};
use super::slot::Slot;
use super::{json, optional_keyring_arg, with_optional, JsKeyring, JsResult};
use crate::pii::anonymize::AnonymizeTextRequest;
use crate::Keyring;
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
        run(Some(&self.slot), &text, options.map(JsValue::from))
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
    let keyring = optional_keyring_arg(&keyring)?;
    run(keyring.as_deref(), &text, options.map(JsValue::from))
}

fn run(
    keyring: Option<&Slot<Keyring>>,
    text: &JsValue,
    options: Option<JsValue>,
) -> JsResult<JsValue> {
    let text = zeroize::Zeroizing::new(string_arg(text, "text")?);
    let request = request(options)?;
    let out = with_optional(keyring, |kr| request.anonymize(&text, kr))?;
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
    let rest: Object = shallow_copy(&object, "options")?;
    // A plain new object: deleting an own data property cannot throw.
    let _ = Reflect::delete_property(&rest, &"context".into());
    let mut request: AnonymizeTextRequest = json::parse(&rest, "options")?;
    request.context = context;
    Ok(request)
}
