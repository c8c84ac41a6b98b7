//! JS function names of `fieldguard::pii::operators` (pii_ops) for the
//! shared vectors, and the typed side of the `anonymize` op.

use super::str_arg;
use fieldguard::pii::operators::{apply, Operator, OperatorContext};
use fieldguard::pii::EntityType;
use fieldguard::{Error, Keyring};
use serde::Deserialize;
use serde_json::{json, Value};

/// `anonymizeValue`'s options, parsed as strictly as the wasm binding does.
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
struct Options {
    entity_type: Option<String>,
    context: Option<String>,
    subject: Option<String>,
}

/// `fg.anonymizeValue(keyring, value, operator, options)` with the typed API.
pub fn anonymize(
    keyring: Option<&Keyring>,
    value: &str,
    operator: &Value,
    options: Option<&Value>,
) -> Result<Value, Error> {
    if !operator.is_object() {
        return Err(Error::invalid_argument("operator must be an object"));
    }
    let operator: Operator = serde_json::from_str(&operator.to_string())
        .map_err(|e| Error::invalid_argument(e.to_string()))?;
    let o: Options = match options {
        None | Some(Value::Null) => Options::default(),
        Some(v) if v.is_object() => serde_json::from_str(&v.to_string())
            .map_err(|e| Error::invalid_argument(e.to_string()))?,
        Some(_) => return Err(Error::invalid_argument("options must be a plain object")),
    };
    let context = o.context.unwrap_or_default();
    let mut ctx = OperatorContext::new().context(context.as_bytes());
    if let Some(t) = &o.entity_type {
        let t = EntityType::from_name(t)
            .ok_or_else(|| Error::invalid_argument("entityType is not a known entity type name"))?;
        ctx = ctx.entity_type(t);
    }
    if let Some(s) = &o.subject {
        ctx = ctx.subject(s);
    }
    if let Some(kr) = keyring {
        ctx = ctx.keyring(kr);
    }
    Ok(json!(apply(&operator, value, &ctx)?))
}

pub fn call(f: &str, args: &[Value]) -> Option<Result<Value, Error>> {
    match f {
        // anonymizeValue(null, value, operator, options?): the keyless
        // operators (a keyring cannot be written as a JSON argument; the
        // `anonymize` op passes one).
        "anonymizeValue" => Some(match args.first() {
            Some(Value::Null) => anonymize(None, str_arg(args, 1), &args[2], args.get(3)),
            _ => panic!("anonymizeValue vectors pass null as the keyring: {args:?}"),
        }),
        _ => None,
    }
}
