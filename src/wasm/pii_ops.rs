//! JS bindings for `crate::pii::operators`.

use super::args::{context_option, get, integer_option, is_array, options_object, string_arg};
use super::slot::Slot;
use super::{invalid, json, optional_keyring_arg, with_optional, JsKeyring, JsResult};
use crate::pii::operators::{apply, Operator, OperatorContext};
use crate::pii::EntityType;
use crate::Keyring;
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
  /** Longer values (UTF-8 bytes) throw INPUT_TOO_LARGE. Default 1048576, as `clean`. */
  maxInputBytes?: number;
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
            Some(&self.slot),
            &value,
            &operator.into(),
            options.map(JsValue::from),
        )
    }
}

/// Apply a PII operator to one value (see `fieldguard::pii::operators`).
/// `keyring` may be null or undefined for operators that need no key.
#[wasm_bindgen(js_name = anonymizeValue)]
pub fn anonymize_value(
    #[wasm_bindgen(unchecked_param_type = "Keyring | null | undefined")] keyring: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] value: JsValue,
    operator: PiiOperatorArg,
    options: Option<AnonymizeOptionsArg>,
) -> JsResult<String> {
    let keyring = optional_keyring_arg(&keyring)?;
    run(
        keyring.as_deref(),
        &value,
        &operator.into(),
        options.map(JsValue::from),
    )
}

/// Convert every argument first (that may run caller code), then borrow
/// the keyring for the core call only.
fn run(
    keyring: Option<&Slot<Keyring>>,
    value: &JsValue,
    operator: &JsValue,
    options: Option<JsValue>,
) -> JsResult<String> {
    let value = zeroize::Zeroizing::new(string_arg(value, "value")?);
    if !operator.is_object() || is_array(operator) != Some(false) {
        return Err(invalid(
            "operator must be an object such as {op: \"redact\"}",
        ));
    }
    let operator: Operator = json::parse(operator, "operator")?;
    let o = options_object(
        options,
        &["entityType", "context", "subject", "maxInputBytes"],
    )?;
    let context = context_option(o.as_ref())?;
    let mut entity_type = None;
    let mut subject = None;
    let mut max_input_bytes = crate::text::DEFAULT_MAX_INPUT_BYTES;
    if let Some(o) = &o {
        let t = get(o, "entityType")?;
        if !t.is_undefined() {
            let name = string_arg(&t, "entityType")?;
            entity_type = Some(
                EntityType::from_name(&name)
                    .ok_or_else(|| invalid("entityType is not a known entity type name"))?,
            );
        }
        let s = get(o, "subject")?;
        if !s.is_undefined() {
            subject = Some(string_arg(&s, "subject")?);
        }
        if let Some(max) = integer_option(Some(o), "maxInputBytes", 0, u64::MAX >> 11)? {
            max_input_bytes = max;
        }
    }
    with_optional(keyring, |kr| {
        let mut ctx = OperatorContext::new()
            .context(&context)
            .max_input_bytes(max_input_bytes);
        if let Some(t) = entity_type {
            ctx = ctx.entity_type(t);
        }
        if let Some(s) = &subject {
            ctx = ctx.subject(s);
        }
        if let Some(kr) = kr {
            ctx = ctx.keyring(kr);
        }
        apply(&operator, &value, &ctx)
    })
}
