//! Keyring JSON from files, environment variables and secrets:
//! `Keyring::from_json` on arbitrary text. Checked besides "no panic": a
//! keyring that parses serializes (`to_json`) to JSON that parses to the
//! same keys, primary and statuses, and it encrypts and decrypts.
#![no_main]

use fieldguard::Keyring;
use fieldguard_fuzz::text;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let json = text(data);
    let Ok(keyring) = Keyring::from_json(&json) else {
        return;
    };
    let again = Keyring::from_json(&keyring.to_json()).expect("to_json output parses");
    assert_eq!(again.primary_id(), keyring.primary_id());
    let ids = |k: &Keyring| k.keys().map(|i| (i.id, i.status)).collect::<Vec<_>>();
    assert_eq!(ids(&again), ids(&keyring));
    let token = keyring
        .encrypt(b"x", b"c")
        .expect("a parsed keyring encrypts");
    assert_eq!(again.decrypt(&token, b"c").expect("and decrypts"), b"x");
});
