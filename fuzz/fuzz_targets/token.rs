//! Tokens from untrusted storage: `Keyring::decrypt`/`decrypt_str`/
//! `reencrypt`, `inspect`/`inspect_bytes`, `decode_text`/`looks_like_token`,
//! with the fixed vector keyring, so seeds from `tests/vectors/tokens.json`
//! reach real authenticated decryption.
//!
//! Mode (first byte, mod 4): 0 binary token, 1 text token, 2 text encoding
//! round trip of arbitrary bytes, 3 encrypt then decrypt the payload as
//! plaintext. Checked besides "no panic": a token that decrypts also
//! inspects (and looks like a token in text form); text encoding is
//! canonical (`encode_text(decode_text(t)) == t`) and round-trips; every
//! plaintext round-trips through randomized and deterministic tokens, and
//! deterministic tokens are deterministic.
#![no_main]

use fieldguard::{decode_text, encode_text, inspect, inspect_bytes, looks_like_token};
use fieldguard_fuzz::{keyring, split_first, text, CONTEXT};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (mode, payload) = split_first(data);
    let kr = keyring();
    match mode % 4 {
        0 => {
            let decrypted = kr.decrypt(payload, CONTEXT);
            let info = inspect_bytes(payload);
            if decrypted.is_ok() {
                assert!(info.is_ok(), "a token that decrypts must inspect");
                let again = kr
                    .reencrypt(payload, CONTEXT)
                    .expect("a token that decrypts re-encrypts");
                assert_eq!(kr.decrypt(&again, CONTEXT).ok(), decrypted.ok());
            } else {
                let _ = kr.reencrypt(payload, CONTEXT);
            }
        }
        1 => {
            let token = text(payload);
            let decrypted = kr.decrypt_str(&token, CONTEXT);
            let info = inspect(&token);
            let looks = looks_like_token(&token);
            if decrypted.is_ok() {
                assert!(
                    info.is_ok() && looks,
                    "a token that decrypts must inspect and look like one"
                );
            }
            if let Ok(binary) = decode_text(&token) {
                assert_eq!(
                    encode_text(&binary),
                    *token,
                    "text tokens have one spelling"
                );
                assert_eq!(inspect_bytes(&binary).is_ok(), info.is_ok());
            }
            let _ = kr.reencrypt_str(&token, CONTEXT);
        }
        2 => {
            let encoded = encode_text(payload);
            assert_eq!(
                decode_text(&encoded).expect("encoded bytes decode"),
                payload
            );
        }
        _ => {
            let token = kr.encrypt(payload, CONTEXT).expect("encrypt any plaintext");
            assert_eq!(
                kr.decrypt(&token, CONTEXT).expect("own token decrypts"),
                payload
            );
            let det = kr
                .encrypt_deterministic(payload, CONTEXT)
                .expect("deterministic encrypt");
            assert_eq!(det, kr.encrypt_deterministic(payload, CONTEXT).unwrap());
            assert_eq!(
                kr.decrypt(&det, CONTEXT)
                    .expect("own deterministic token decrypts"),
                payload
            );
            assert!(
                kr.decrypt(&det, b"other.field").is_err(),
                "the context is bound"
            );
        }
    }
});
