//! Policy documents from users: `Policy::from_json` on arbitrary text (the
//! policy grammar: field paths, clean/validate/detect/anonymize rules, the
//! `pii` section, record ID and subject paths). A policy that parses is
//! applied to a small fixed record with the fixed keyring, so options that
//! parse but make no sense meet real data. Checked: no panic; a policy that
//! does not need a keyring applies without one.
#![no_main]

use fieldguard::policy::Policy;
use fieldguard_fuzz::{keyring, text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(policy) = Policy::from_json(&text(data)) else {
        return;
    };
    let _ = policy.fields().count();
    let mut record = serde_json::json!({
        "id": "cus_1001", "name": " Zoë\u{200B} Smith ", "email": "zoe@example.com",
        "age": 42, "notes": ["call +44 20 7946 0958", "card 4111 1111 1111 1111"],
        "orders": [{"card": "4111111111111111", "note": "<b>hi</b>"}]
    });
    // Half the runs pass a keyring the policy does not need: it must not matter.
    let keyring =
        (policy.needs_keyring() || data.first().is_some_and(|b| b & 1 == 0)).then(keyring);
    let _ = policy.apply(&mut record, keyring);
});
