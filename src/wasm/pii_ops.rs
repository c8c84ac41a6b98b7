//! JS bindings for `crate::pii::operators`.

use super::args::{context_option, options_object, string_arg};
use super::{into_error, invalid, json, JsKeyring, JsResult};
use crate::pii::operators::{apply, Operator, OperatorContext};
use crate::pii::EntityType;
use js_sys::Reflect;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/* PiiEntityType is declared with scanPii (src/wasm/pii_scan.rs). */
/** What to do with a PII value; `op` selects the operator, the rest are its options. */
export type PiiOperator =
  /** Remove the value (result ""). */
  | { op: "redact" }
  /** Remove the record field; on a single value the same as redact. */
  | { op: "drop" }
  /** A fixed text; "{type}" becomes the entity type. Default "<{type}>". */
  | { op: "replace"; with?: string }
  /** Letters and digits masked, separators kept. Defaults: char "*", keep 0, keepDomain false. */
  | { op: "mask"; char?: string; keepFirst?: number; keepLast?: number; keepDomain?: boolean }
  /** Keyed HMAC-SHA256, hex; length in bytes 4..=32, default 16. Needs a keyring. */
  | { op: "hash"; length?: number; keyId?: number }
  /** Deterministic format-preserving fake. keepDomain (emails) default true. Needs a keyring. */
  | { op: "pseudonymize"; keepDomain?: boolean; keyId?: number }
  /** A fieldguard text token bound to options.context. Needs a keyring. */
  | { op: "encrypt"; deterministic?: boolean }
  /** Exactly one of: to (dates), bucket (integers), keepPrefix (codes). */
  | { op: "generalize"; to?: "year" | "month"; bucket?: number; keepPrefix?: number }
  /** Move a date by a keyed per-subject number of days in ±maxDays (default 365). Needs a keyring. */
  | { op: "date-shift"; maxDays?: number; dayFirst?: boolean; keyId?: number };

/** Options of `anonymizeValue`; every field is optional. */
export interface AnonymizeOptions {
  /** The value's type: selects the pseudonym format. Default none (generic). */
  entityType?: PiiEntityType;
  /** Field path etc.: token context for encrypt, domain separation for hash. Default empty. */
  context?: Context;
  /** Whose value it is, for date-shift. Default none (the shift follows the context). */
  subject?: string;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// `PiiOperator` from the TypeScript section above.
    #[wasm_bindgen(typescript_type = "PiiOperator")]
    pub type PiiOperatorArg;
    /// `AnonymizeOptions` from the TypeScript section above.
    #[wasm_bindgen(typescript_type = "AnonymizeOptions")]
    pub type AnonymizeOptionsArg;
}

#[wasm_bindgen(js_class = Keyring)]
impl JsKeyring {
    /// Apply a PII operator to one value with this keyring (see `anonymizeValue`).
    pub fn anonymize(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] value: JsValue,
        operator: PiiOperatorArg,
        options: Option<AnonymizeOptionsArg>,
    ) -> JsResult<String> {
        run(
            Some(&self.inner),
            &value,
            &operator.into(),
            options.map(JsValue::from),
        )
    }
}

/// Apply a PII operator to one value (see `fieldguard::pii::operators`).
/// `keyring` may be null or undefined for operators that need no key.
///
/// Why the keyring goes through its own `anonymize` method: wasm-bindgen
/// cannot borrow an optional exported object, and taking it by value
/// would free the caller's keyring.
#[wasm_bindgen(js_name = anonymizeValue)]
pub fn anonymize_value(
    #[wasm_bindgen(unchecked_param_type = "Keyring | null | undefined")] keyring: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] value: JsValue,
    operator: PiiOperatorArg,
    options: Option<AnonymizeOptionsArg>,
) -> JsResult<String> {
    let options = options.map_or(JsValue::UNDEFINED, JsValue::from);
    if keyring.is_null() || keyring.is_undefined() {
        return run(None, &value, &operator.into(), Some(options));
    }
    let method = Reflect::get(&keyring, &"anonymize".into())
        .ok()
        .filter(|m| keyring.is_object() && m.is_function())
        .ok_or_else(|| invalid("keyring must be a Keyring, null or undefined"))?;
    let method: &js_sys::Function = method.unchecked_ref();
    method
        .call3(&keyring, &value, &operator.into(), &options)?
        .as_string()
        .ok_or_else(|| invalid("keyring must be a Keyring, null or undefined"))
}

fn run(
    keyring: Option<&crate::Keyring>,
    value: &JsValue,
    operator: &JsValue,
    options: Option<JsValue>,
) -> JsResult<String> {
    let value = zeroize::Zeroizing::new(string_arg(value, "value")?);
    if !operator.is_object() || js_sys::Array::is_array(operator) {
        return Err(invalid(
            "operator must be an object such as {op: \"redact\"}",
        ));
    }
    let operator: Operator = json::parse(operator, "operator")?;
    let o = options_object(options, &["entityType", "context", "subject"])?;
    let context = context_option(o.as_ref())?;
    let mut ctx = OperatorContext::new().context(&context);
    let subject;
    if let Some(o) = &o {
        let t = Reflect::get(o, &"entityType".into())?;
        if !t.is_undefined() {
            let name = string_arg(&t, "entityType")?;
            let t = EntityType::from_name(&name)
                .ok_or_else(|| invalid("entityType is not a known entity type name"))?;
            ctx = ctx.entity_type(t);
        }
        let s = Reflect::get(o, &"subject".into())?;
        if !s.is_undefined() {
            subject = string_arg(&s, "subject")?;
            ctx = ctx.subject(&subject);
        }
    }
    if let Some(kr) = keyring {
        ctx = ctx.keyring(kr);
    }
    apply(&operator, &value, &ctx).map_err(into_error)
}
