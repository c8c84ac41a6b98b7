//! Property tests: tampering is always caught, and no input makes any
//! parser or decryptor panic.

use fieldguard::{decode_text, BlindIndexOptions, ErrorKind, FieldPath, Keyring};
use proptest::prelude::*;
use std::sync::OnceLock;

fn keyring() -> &'static Keyring {
    static KR: OnceLock<Keyring> = OnceLock::new();
    KR.get_or_init(|| Keyring::generate().unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_single_bit_flip_is_rejected(
        plaintext in proptest::collection::vec(any::<u8>(), 0..64),
        context in proptest::collection::vec(any::<u8>(), 0..16),
        deterministic in any::<bool>(),
        bit in any::<prop::sample::Index>(),
    ) {
        let kr = keyring();
        let token = if deterministic {
            kr.encrypt_deterministic(&plaintext, &context).unwrap()
        } else {
            kr.encrypt(&plaintext, &context).unwrap()
        };
        prop_assert_eq!(&kr.decrypt(&token, &context).unwrap(), &plaintext);
        let mut bad = token.clone();
        let i = bit.index(bad.len() * 8);
        bad[i / 8] ^= 1 << (i % 8);
        let err = kr.decrypt(&bad, &context).unwrap_err();
        prop_assert!(matches!(err.kind(), ErrorKind::DecryptFailed | ErrorKind::TokenUnknownVersion | ErrorKind::KeyUnknownId), "{:?}", err);
    }

    #[test]
    fn a_changed_context_is_rejected(
        plaintext in proptest::collection::vec(any::<u8>(), 0..32),
        context in proptest::collection::vec(any::<u8>(), 0..16),
        other in proptest::collection::vec(any::<u8>(), 0..16),
    ) {
        prop_assume!(context != other);
        let kr = keyring();
        for token in [kr.encrypt(&plaintext, &context).unwrap(), kr.encrypt_deterministic(&plaintext, &context).unwrap()] {
            prop_assert_eq!(kr.decrypt(&token, &other).unwrap_err().kind(), ErrorKind::DecryptFailed);
        }
    }

    #[test]
    fn text_tokens_round_trip(plaintext in ".*", context in ".*") {
        let kr = keyring();
        let token = kr.encrypt_str(&plaintext, context.as_bytes()).unwrap();
        prop_assert!(fieldguard::looks_like_token(&token));
        prop_assert_eq!(kr.decrypt_str(&token, context.as_bytes()).unwrap(), plaintext);
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_decryptor(bytes in proptest::collection::vec(any::<u8>(), 0..80)) {
        let _ = keyring().decrypt(&bytes, b"");
        let _ = fieldguard::inspect_bytes(&bytes);
        let _ = keyring().reencrypt(&bytes, b"");
    }

    #[test]
    fn arbitrary_strings_never_panic_the_parsers(text in "\\PC*", prefixed in "fg\\.[A-Za-z0-9_=+/-]{0,60}") {
        let kr = keyring();
        for t in [&text, &prefixed] {
            let _ = kr.decrypt_str(t, b"");
            let _ = decode_text(t);
            let _ = Keyring::from_json(t);
            if let Ok(path) = t.parse::<FieldPath>() {
                // Canonical printing round-trips.
                prop_assert_eq!(path.to_string().parse::<FieldPath>().unwrap(), path);
            }
            let _ = kr.blind_index(t, &BlindIndexOptions::new(b"c").case_insensitive(true));
        }
    }

    #[test]
    fn keyring_json_with_random_fields_never_panics(id in any::<i64>(), status in "[a-z-]{0,14}", material in "[A-Za-z0-9+/=_-]{0,50}") {
        let json = format!(r#"{{"version":1,"keys":[{{"id":{id},"status":"{status}","material":"{material}"}}]}}"#);
        let _ = Keyring::from_json(&json);
    }
}

#[test]
fn blind_index_is_stable_under_canonicalization_only() {
    let kr = keyring();
    let opts = BlindIndexOptions::new(b"users.email").case_insensitive(true);
    let a = kr.blind_index("Alice@Example.com", &opts).unwrap();
    assert_eq!(a, kr.blind_index("  alice@example.com\n", &opts).unwrap());
    assert_ne!(a, kr.blind_index("alice@example.org", &opts).unwrap());
    assert_ne!(
        a,
        kr.blind_index(
            "alice@example.com",
            &BlindIndexOptions::new(b"orders.email").case_insensitive(true)
        )
        .unwrap()
    );
}

/// A policy using every step, in clean mode so that every record completes.
fn policy() -> &'static fieldguard::policy::Policy {
    static P: OnceLock<fieldguard::policy::Policy> = OnceLock::new();
    P.get_or_init(|| {
        fieldguard::policy::Policy::from_json(
            r#"{"version": 1, "fields": {
                "name": {"clean": {"preset": "name"}, "onViolation": "clean"},
                "email": {"required": true, "validate": {"type": "email"}, "onViolation": "clean"},
                "n": {"validate": {"type": "decimal"}, "onViolation": "clean"},
                "items[*].note": {"clean": {"maxLength": 5}, "detect": {}, "onViolation": "clean"}
            }}"#,
        )
        .unwrap()
    })
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<f64>()
            .prop_filter("finite", |f| f.is_finite())
            .prop_map(serde_json::Value::from),
        ".{0,12}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            proptest::collection::btree_map(
                prop_oneof![
                    Just("name".to_string()),
                    Just("email".into()),
                    Just("n".into()),
                    Just("items".into()),
                    Just("note".into())
                ],
                inner,
                0..4
            )
            .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Any record, any value types: a clean-mode policy always completes,
    /// and a second pass over its output changes nothing more.
    #[test]
    fn policies_never_panic_and_are_idempotent(record in json_value()) {
        let mut once = record.clone();
        let report = policy().apply(&mut once);
        prop_assert!(report.is_ok(), "{:?}", report);
        let mut twice = once.clone();
        policy().apply(&mut twice).unwrap();
        prop_assert_eq!(twice, once);
    }
}
