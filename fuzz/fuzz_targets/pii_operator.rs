//! One value through one operator (`pii::operators::apply`), both from the
//! caller: JS `anonymizeValue`, C `fg_anonymize_value` and policies'
//! `anonymize` rules. The payload is the entity type (mode byte, an index
//! into `EntityType::ALL`, or none), operator JSON, a NUL byte and the
//! value; the fixed keyring is in the context. Checked besides "no panic":
//! operators that parse and pass `check` give the same result twice except
//! `encrypt` (randomized unless `deterministic`), whose token decrypts to
//! the value with the context.
#![no_main]

use fieldguard::pii::operators::{apply, Operator, OperatorContext};
use fieldguard::pii::EntityType;
use fieldguard_fuzz::{keyring, split_first, split_nul, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (mode, payload) = split_first(data);
    let (json, value) = split_nul(payload);
    let Ok(op) = serde_json::from_str::<Operator>(&text(json)) else {
        return;
    };
    if op.check().is_err() {
        return;
    }
    let value = text(value);
    let mut ctx = OperatorContext::new()
        .keyring(keyring())
        .context(b"users.email")
        .subject("u1");
    if let Some(&t) = EntityType::ALL.get(usize::from(mode)) {
        ctx = ctx.entity_type(t);
    }
    let Ok(out) = apply(&op, &value, &ctx) else {
        return;
    };
    match &op {
        Operator::Encrypt(e) => {
            let plain = keyring()
                .decrypt_str(&out, b"users.email")
                .expect("the token decrypts");
            assert_eq!(plain, *value);
            if e.deterministic {
                assert_eq!(apply(&op, &value, &ctx).expect("succeeded once"), out);
            }
        }
        _ => assert_eq!(
            apply(&op, &value, &ctx).expect("succeeded once"),
            out,
            "deterministic"
        ),
    }
});
