//! A policy applied to an untrusted record: the payload is policy JSON, a
//! NUL byte, and a record (any JSON value), applied with `Policy::apply`
//! and the fixed keyring. Checked besides "no panic": the report
//! serializes; a policy that needs no keyring gives the same record and
//! report with and without one, and twice in a row (sanitize rules are
//! deterministic and never touch keys).
#![no_main]

use fieldguard::policy::Policy;
use fieldguard_fuzz::{keyring, split_nul, text};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let (policy, record) = split_nul(data);
    let Ok(policy) = Policy::from_json(&text(policy)) else {
        return;
    };
    let Ok(record) = serde_json::from_str::<Value>(&text(record)) else {
        return;
    };
    let mut keyed = record.clone();
    let with_keyring = policy.apply(&mut keyed, Some(keyring()));
    if let Ok(report) = &with_keyring {
        serde_json::to_string(report).expect("reports serialize");
    }
    if !policy.needs_keyring() {
        let mut plain = record.clone();
        let without = policy.apply(&mut plain, None);
        let mut again = record;
        let twice = policy.apply(&mut again, None);
        assert_eq!(without, twice, "policies are deterministic");
        assert_eq!(plain, again);
        assert_eq!(without, with_keyring, "an unneeded keyring changes nothing");
        assert_eq!(plain, keyed);
    }
});
