//! The typed side of the `anonymize_text` op (`fg.anonymizeText`).

use fieldguard::pii::anonymize::{AnonymizeOptions, Anonymizer};
use fieldguard::pii::operators::OperatorContext;
use fieldguard::{Error, Keyring};
use serde_json::{json, Map, Value};

/// `fg.anonymizeText(keyring, text, options)` with the typed API; offsets
/// converted to UTF-16 as the JS API returns them.
pub fn anonymize_text(
    keyring: Option<&Keyring>,
    text: &str,
    options: Option<&Value>,
) -> Result<Value, Error> {
    let mut doc = match options {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(o)) => o.clone(),
        Some(_) => return Err(Error::invalid_argument("options must be a plain object")),
    };
    let context = match doc.remove("context") {
        None => String::new(),
        Some(Value::String(s)) => s,
        Some(_) => return Err(Error::invalid_argument("context must be a string")),
    };
    let subject = match doc.remove("subject") {
        None => None,
        Some(Value::String(s)) => Some(s),
        Some(_) => return Err(Error::invalid_argument("subject must be a string")),
    };
    let options: AnonymizeOptions = serde_json::from_value(Value::Object(doc))
        .map_err(|e| Error::invalid_argument(e.to_string()))?;
    let mut ctx = OperatorContext::new().context(context.as_bytes());
    if let Some(s) = &subject {
        ctx = ctx.subject(s);
    }
    if let Some(kr) = keyring {
        ctx = ctx.keyring(kr);
    }
    let out = Anonymizer::new(&options)?.anonymize(text, &ctx)?;
    let utf16 = |byte: usize| out.text[..byte].encode_utf16().count();
    let items: Vec<Value> = out
        .items
        .iter()
        .map(|i| {
            json!({"entityType": i.entity_type, "start": utf16(i.start), "end": utf16(i.end),
                   "operator": i.operator, "fallback": i.fallback})
        })
        .collect();
    Ok(json!({"text": out.text, "items": items}))
}
