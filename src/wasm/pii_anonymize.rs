//! JS bindings for `crate::pii::anonymize`: `anonymizeText` and
//! `Keyring.anonymizeText`.

use super::args::{context_option, options_object, string_arg};
use super::{into_error, invalid, json, JsKeyring, JsResult};
use crate::pii::anonymize::{AnonymizeOptions, AnonymizedItem, Anonymizer};
use crate::pii::operators::OperatorContext;
use js_sys::Reflect;
use serde_json::{Map, Value};
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
    let o = options_object(
        options,
        &["scan", "operators", "defaultOperator", "context", "subject"],
    )?;
    let context = context_option(o.as_ref())?;
    let mut ctx = OperatorContext::new().context(&context);
    // The anonymizer's own options go through serde, exactly as natively.
    let mut doc = Map::new();
    let mut subject = None;
    if let Some(o) = &o {
        for key in ["scan", "operators", "defaultOperator"] {
            let v = Reflect::get(o, &key.into())?;
            if !v.is_undefined() {
                doc.insert(key.to_owned(), json::parse::<Value>(&v, key)?);
            }
        }
        let s = Reflect::get(o, &"subject".into())?;
        if !s.is_undefined() {
            subject = Some(string_arg(&s, "subject")?);
        }
    }
    if let Some(s) = &subject {
        ctx = ctx.subject(s);
    }
    if let Some(kr) = keyring {
        ctx = ctx.keyring(kr);
    }
    let options: AnonymizeOptions =
        serde_json::from_value(Value::Object(doc)).map_err(|e| invalid(format!("options: {e}")))?;
    let out = Anonymizer::new(&options)
        .and_then(|a| a.anonymize(&text, &ctx))
        .map_err(into_error)?;
    let items = to_utf16(&out.text, out.items);
    json::to_js(&serde_json::json!({ "text": out.text, "items": items }))
}

/// Items with UTF-16 offsets, in one pass over the text (items are in text
/// order and never overlap).
fn to_utf16(text: &str, items: Vec<AnonymizedItem>) -> Vec<AnonymizedItem> {
    let mut chars = text.char_indices().peekable();
    let mut units = 0;
    let mut at = |byte: usize| {
        while let Some(&(i, c)) = chars.peek() {
            if i >= byte {
                break;
            }
            units += c.len_utf16();
            chars.next();
        }
        units
    };
    items
        .into_iter()
        .map(|mut item| {
            item.start = at(item.start);
            item.end = at(item.end);
            item
        })
        .collect()
}
