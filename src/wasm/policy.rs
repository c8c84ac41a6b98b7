//! JS bindings for `crate::policy`: `Policy.fromJson(json).apply(record)`.

use super::slot::Slot;
use super::{into_error, json, keyring_arg, JsResult};
use crate::policy::Policy;
use serde_json::Value;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** A JSON value, as in a record. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** What a policy did to one record; never contains values. */
export interface PolicyReport {
  fields: Array<{
    /** The rule's field path, canonical spelling. */
    field: string;
    /** Kinds of change, e.g. "trimmed", "removed-bidi", "canonicalized". */
    changes: string[];
    /** Violations handled by `onViolation: "clean"`. */
    violations: Array<{
      reason: string;
      message: string;
      category?: string;
      action: "nulled" | "reported";
    }>;
    /** PII anonymized in this field, per type; absent when none. */
    found?: Array<{ entityType: PiiEntityType; count: number }>;
  }>;
}

/** The result of `Policy.apply`: a new record (the input is not modified) and the report. */
export interface PolicyResult {
  record: JsonValue;
  report: PolicyReport;
}
"#;

/// A parsed policy (field rules). Parse once, apply to many records; call
/// `free()` when done.
///
/// In a slot for the same reasons as `Keyring` (see `slot.rs`).
#[wasm_bindgen(js_name = Policy)]
pub struct JsPolicy {
    slot: Slot<Policy>,
}

impl JsPolicy {
    fn read<R>(&self, f: impl FnOnce(&Policy) -> crate::Result<R>) -> JsResult<R> {
        self.slot.read(f).and_then(|r| r).map_err(into_error)
    }
}

#[wasm_bindgen(js_class = Policy)]
impl JsPolicy {
    /// Parse a policy: a JSON string, or an object (serialized with
    /// `JSON.stringify`). Errors are `POLICY_INVALID`.
    #[wasm_bindgen(js_name = fromJson)]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string | object")] policy: JsValue,
    ) -> JsResult<JsPolicy> {
        let text = match policy.as_string() {
            Some(text) => text,
            None if policy.is_object() => js_sys::JSON::stringify(&policy)
                .ok()
                .and_then(|s| s.as_string())
                .ok_or_else(|| super::invalid("policy must be a JSON string or an object"))?,
            None => return Err(super::invalid("policy must be a JSON string or an object")),
        };
        Ok(Self {
            slot: Slot::new(Policy::from_json(&text).map_err(into_error)?, "policy"),
        })
    }

    /// Release the policy. Idempotent; later calls throw `INVALID_ARGUMENT`.
    #[wasm_bindgen(js_name = free)]
    pub fn free_policy(&self) {
        self.slot.free();
    }

    /// The field paths with rules, in document order.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn fields(&self) -> JsResult<JsValue> {
        let fields: Vec<String> = self.read(|p| Ok(p.fields().map(str::to_owned).collect()))?;
        json::to_js(&fields)
    }

    /// Apply the policy to a record (a JSON-compatible object). Returns a
    /// new record and the report; throws `VALUE_INVALID` on a violation of
    /// a rule whose `onViolation` is `"reject"`.
    #[wasm_bindgen(unchecked_return_type = "PolicyResult")]
    pub fn apply(
        &self,
        #[wasm_bindgen(unchecked_param_type = "JsonValue")] record: JsValue,
    ) -> JsResult<JsValue> {
        let mut record: Value = record_arg(&record)?;
        let report = self.read(|p| p.apply(&mut record, None))?;
        json::to_js(&serde_json::json!({ "record": record, "report": report }))
    }

    /// Whether applying needs a keyring (`applyWithKeyring`): some operator
    /// is hash, pseudonymize, encrypt or date-shift.
    #[wasm_bindgen(getter, js_name = needsKeyring)]
    pub fn needs_keyring(&self) -> JsResult<bool> {
        self.read(|p| Ok(p.needs_keyring()))
    }

    /// `apply` with the keys for hash, pseudonymize, encrypt and date-shift.
    #[wasm_bindgen(js_name = applyWithKeyring, unchecked_return_type = "PolicyResult")]
    pub fn apply_with_keyring(
        &self,
        #[wasm_bindgen(unchecked_param_type = "JsonValue")] record: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Keyring")] keyring: JsValue,
    ) -> JsResult<JsValue> {
        let mut record: Value = record_arg(&record)?;
        let keyring = keyring_arg(&keyring)?;
        let report = self.read(|p| {
            keyring
                .read(|k| p.apply(&mut record, Some(k)))
                .and_then(|r| r)
        })?;
        json::to_js(&serde_json::json!({ "record": record, "report": report }))
    }

    /// `applyField` with a keyring.
    #[wasm_bindgen(js_name = applyFieldWithKeyring, unchecked_return_type = "PolicyResult")]
    pub fn apply_field_with_keyring(
        &self,
        field: JsValue,
        #[wasm_bindgen(unchecked_param_type = "JsonValue")] value: JsValue,
        #[wasm_bindgen(unchecked_param_type = "Keyring")] keyring: JsValue,
    ) -> JsResult<JsValue> {
        let field = super::args::string_arg(&field, "field")?;
        let mut value: Value = record_arg(&value)?;
        let keyring = keyring_arg(&keyring)?;
        let report = self.read(|p| {
            keyring
                .read(|k| p.apply_field(&field, &mut value, Some(k)))
                .and_then(|r| r)
        })?;
        json::to_js(&serde_json::json!({ "record": value, "report": report }))
    }

    /// Apply the rule of one field to one value (a form input). Returns
    /// `{ record: <new value>, report }`.
    #[wasm_bindgen(js_name = applyField, unchecked_return_type = "PolicyResult")]
    pub fn apply_field(
        &self,
        field: JsValue,
        #[wasm_bindgen(unchecked_param_type = "JsonValue")] value: JsValue,
    ) -> JsResult<JsValue> {
        let field = super::args::string_arg(&field, "field")?;
        let mut value: Value = record_arg(&value)?;
        let report = self.read(|p| p.apply_field(&field, &mut value, None))?;
        json::to_js(&serde_json::json!({ "record": value, "report": report }))
    }
}

/// A record from JS. Unlike options, a record holds personal data: errors
/// name the problem, never quote serde's message (which can include values).
fn record_arg(value: &JsValue) -> JsResult<Value> {
    let text = js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .ok_or_else(|| super::invalid("record must be JSON-compatible"))?;
    serde_json::from_str(&text).map_err(|e| {
        into_error(crate::Error::invalid_argument(format!(
            "record is not valid JSON ({}; lone UTF-16 surrogates are not allowed)",
            crate::error::json_position(&e)
        )))
    })
}
