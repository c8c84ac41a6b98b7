//! JS bindings for `crate::validate`.
use super::{args::string_arg, into_error, invalid, json, JsResult};
use crate::validate::{outcome, Validator};
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** The validator types of `validate`. */
export type ValidatorType =
  | "email" | "url" | "hostname" | "ip" | "uuid" | "date" | "date-time"
  | "phone" | "credit-card" | "iban" | "integer" | "decimal";

/** Options of `validate`, per type; every field is optional, unknown fields throw. */
export interface ValidatorOptions {
  /** email: max octets with ASCII domain, default 254. url: max octets, default 2048. */
  maxLength?: number;
  /** email, hostname: require at least two labels. Default true. */
  requireTld?: boolean;
  /** email: accept [192.0.2.1] / [IPv6:…] domains. Default false. */
  allowIpDomain?: boolean;
  /** email: return the domain as U-labels. Default false. */
  unicodeDomain?: boolean;
  /** url: allowed schemes. Default ["https", "http"]; [] allows any. */
  schemes?: string[];
  /** url: require a host. Default true. */
  requireHost?: boolean;
  /** url: allow user:password@. Default false. */
  allowCredentials?: boolean;
  /** ip: default "any". */
  version?: "any" | "v4" | "v6";
  /** uuid: allowed versions 1..8. Default: any. */
  versions?: number[];
  /** uuid: accept the nil and max UUIDs. Default false. */
  allowNil?: boolean;
  /** date-time: require Z or ±HH:MM. Default true. */
  requireOffset?: boolean;
  /** phone: region of numbers without +, e.g. "US". Default none. */
  defaultCountry?: string;
  /** credit-card: allowed brands. Default: all. */
  brands?: ("amex" | "visa" | "mastercard" | "discover" | "jcb" | "diners" | "unionpay" | "maestro")[];
  /** integer: a number; decimal: a decimal string such as "-12.50". Inclusive. */
  min?: number | string;
  /** integer: a number; decimal: a decimal string. Inclusive. */
  max?: number | string;
  /** decimal: most fraction digits (after removing trailing zeros). */
  maxScale?: number;
}

/** Stable reason codes of an invalid value. */
export type ValidationReason =
  | "EMPTY" | "TOO_LONG" | "EMAIL_MISSING_AT" | "EMAIL_LOCAL_INVALID" | "EMAIL_DOMAIN_INVALID"
  | "URL_INVALID" | "URL_SCHEME_NOT_ALLOWED" | "URL_HOST_INVALID" | "URL_HOST_MISSING"
  | "URL_CREDENTIALS"
  | "HOSTNAME_INVALID" | "IP_INVALID" | "IP_VERSION_NOT_ALLOWED" | "UUID_INVALID"
  | "UUID_VERSION_NOT_ALLOWED" | "DATE_INVALID" | "DATE_TIME_INVALID" | "DATE_TIME_OFFSET_MISSING"
  | "PHONE_INVALID" | "PHONE_COUNTRY_UNKNOWN" | "PHONE_LENGTH" | "CARD_INVALID" | "CARD_CHECKSUM"
  | "CARD_LENGTH" | "CARD_UNKNOWN_IIN" | "CARD_BRAND_NOT_ALLOWED" | "IBAN_INVALID"
  | "IBAN_COUNTRY_UNKNOWN" | "IBAN_LENGTH" | "IBAN_CHECKSUM" | "NUMBER_INVALID" | "OUT_OF_RANGE"
  | "NUMBER_SCALE";

/** The outcome of `validate`: discriminated on `valid`. */
export type ValidationResult =
  | { valid: true; value: string; details: Record<string, string | number | boolean> }
  | { valid: false; reason: ValidationReason; message: string };
"#;

#[wasm_bindgen]
extern "C" {
    /// `ValidatorOptions` from the TypeScript section above.
    #[wasm_bindgen(typescript_type = "ValidatorOptions")]
    pub type ValidatorOptionsArg;
}

/// Validate and canonicalize `input` as validator type `kind` (`"email"`,
/// `"phone"`, …; see `fieldguard::validate`).
/// An unknown type or option throws `INVALID_ARGUMENT`; an invalid value
/// does not throw but returns `{valid: false, reason, message}`.
#[wasm_bindgen(js_name = validate, unchecked_return_type = "ValidationResult")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "ValidatorType")] kind: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    options: Option<ValidatorOptionsArg>,
) -> JsResult<JsValue> {
    let kind = string_arg(&kind, "type")?;
    let input = string_arg(&input, "input")?;
    let options: Map<String, Value> = json::options(options.map(JsValue::from))?;
    if options.contains_key("type") {
        return Err(invalid("options must not contain \"type\""));
    }
    let validator = Validator::from_type(&kind, Some(&options)).map_err(into_error)?;
    json::to_js(&outcome(&validator.validate(&input)))
}
