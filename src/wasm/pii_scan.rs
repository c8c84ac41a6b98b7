//! JS bindings for `crate::pii::recognize`.

use super::{args::string_arg, into_error, json, JsResult};
use crate::pii::recognize::{find, utf16_offsets, Finding, RecognizeOptions};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** The stable entity type names. More may be added. */
export type PiiEntityType =
  | "EMAIL_ADDRESS" | "PHONE_NUMBER" | "CREDIT_CARD" | "IBAN_CODE" | "US_SSN"
  | "IP_ADDRESS" | "URL" | "MAC_ADDRESS" | "CRYPTO" | "DATE_OF_BIRTH" | "UK_NHS"
  | "ES_NIF" | "IT_FISCAL_CODE" | "PL_PESEL" | "DE_TAX_ID" | "FR_NIR" | "NL_BSN"
  | "JWT" | "AWS_ACCESS_KEY" | "PRIVATE_KEY" | "SECRET_ASSIGNMENT" | "PERSON_NAME"
  | "LOCATION" | "STREET_ADDRESS";

/** Options of `scanPii`; every field is optional. */
export interface ScanPiiOptions {
  /** Only these types. Default: all. "PERSON_NAME", "LOCATION" and "STREET_ADDRESS" are recognized only by the
   * names entry (pkg/names); the core entry leaves them out by default and refuses them with INVALID_ARGUMENT. */
  entities?: PiiEntityType[];
  /** Drop findings scoring below this, 0..=100. Default 50. */
  minScore?: number;
  /** Chars before/after a candidate searched for context words, 0..=1000. Default 40. */
  contextWindow?: number;
  /** Refuse longer texts (UTF-8 bytes) with INPUT_TOO_LARGE. Default 8388608. */
  maxInputBytes?: number;
}

/** One finding. `start`/`end` are UTF-16 offsets: `text.slice(start, end)` is the finding. */
export interface PiiFinding {
  entityType: PiiEntityType;
  start: number;
  end: number;
  /** 0..=100: a base score per recognizer raised by context words, not a probability. */
  score: number;
  /** Stable recognizer id such as "credit_card.luhn". */
  recognizer: string;
}
"#;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(typescript_type = "ScanPiiOptions")]
    pub type ScanPiiOptionsArg;
}

/// Find personal data and secrets in free text (see
/// `fieldguard::pii::recognize`). Offsets are UTF-16 code units.
#[wasm_bindgen(js_name = scanPii, unchecked_return_type = "PiiFinding[]")]
pub fn scan_pii(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    options: Option<ScanPiiOptionsArg>,
) -> JsResult<JsValue> {
    let text = string_arg(&text, "text")?;
    let options: RecognizeOptions = json::options(options.map(JsValue::from))?;
    let found = find(&text, &options).map_err(into_error)?;
    let js: Vec<Finding> = utf16_offsets(&text, &found)
        .into_iter()
        .zip(&found)
        .map(|((start, end), f)| Finding { start, end, ..*f })
        .collect();
    json::to_js(&js)
}
