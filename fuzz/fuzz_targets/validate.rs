//! Every validator type on untrusted values (`validate::Validator`).
//!
//! The mode byte picks one of `VALIDATORS` below (every type, some with
//! options that switch on other code paths); any other mode reads the
//! payload as validator JSON (`{"type": …, options}`, deserialized like a
//! policy's `validate`), a NUL byte, and the value. Checked besides "no
//! panic": the canonical form of a valid value is a fixed point — it is
//! valid and canonicalizes to itself — so storing the canonical form and
//! validating it again later never changes or rejects it.
#![no_main]

use fieldguard::validate::Validator;
use fieldguard_fuzz::{split_first, split_nul, text};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

/// (type, options) of the fixed validators; `fuzz/seeds.py` maps the
/// vector cases onto these indexes by type.
const VALIDATORS: &[(&str, &str)] = &[
    ("email", "{}"),
    (
        "email",
        r#"{"allowIpDomain": true, "unicodeDomain": true, "requireTld": false}"#,
    ),
    ("url", "{}"),
    (
        "url",
        r#"{"allowCredentials": true, "schemes": ["mailto", "http", "ftp"], "requireHost": false}"#,
    ),
    ("hostname", "{}"),
    ("hostname", r#"{"requireTld": false}"#),
    ("ip", "{}"),
    ("uuid", "{}"),
    ("uuid", r#"{"allowNil": true}"#),
    ("date", "{}"),
    ("date-time", "{}"),
    ("date-time", r#"{"requireOffset": false}"#),
    ("phone", "{}"),
    ("phone", r#"{"defaultCountry": "GB"}"#),
    ("phone", r#"{"defaultCountry": "US"}"#),
    ("credit-card", "{}"),
    ("iban", "{}"),
    ("integer", "{}"),
    ("integer", r#"{"min": 0, "max": 100}"#),
    ("decimal", "{}"),
    (
        "decimal",
        r#"{"maxScale": 2, "min": "-1.5", "max": "1000"}"#,
    ),
];

fn fixed() -> &'static [Validator] {
    static FIXED: OnceLock<Vec<Validator>> = OnceLock::new();
    FIXED.get_or_init(|| {
        VALIDATORS
            .iter()
            .map(|(t, o)| {
                let options: serde_json::Value = serde_json::from_str(o).expect("options are JSON");
                Validator::from_type(t, options.as_object()).expect("fixed validators build")
            })
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let (mode, payload) = split_first(data);
    let owned;
    let (validator, input) = match fixed().get(usize::from(mode)) {
        Some(v) => (v, text(payload)),
        None => {
            let (json, value) = split_nul(payload);
            let Ok(v) = serde_json::from_str::<Validator>(&text(json)) else {
                return;
            };
            owned = v;
            (&owned, text(value))
        }
    };
    let Ok(valid) = validator.validate(&input) else {
        return;
    };
    let again = validator.validate(&valid.value).unwrap_or_else(|e| {
        panic!(
            "{}: the canonical form is invalid: {}",
            validator.type_name(),
            e.reason.code()
        )
    });
    assert_eq!(
        again.value,
        valid.value,
        "{}: canonicalization is idempotent",
        validator.type_name()
    );
});
