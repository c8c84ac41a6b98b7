//! Property tests: tampering is always caught, no input makes any parser
//! or decryptor panic, and every check digit the library computes agrees
//! with the independent implementations in tests/common/checks.rs.

mod common;
use common::checks::{
    bsn_ok, cf_ok, days_in_month, de_tax_ok, digits, luhn_ok, mod97_ok, nhs_ok, nif_ok, nir_ok,
    pesel_ok,
};
use fieldguard::pii::operators::{apply, Operator, OperatorContext, Pseudonymize};
use fieldguard::pii::recognize::{RecognizeOptions, Recognizer};
use fieldguard::pii::EntityType;
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
        let report = policy().apply(&mut once, None);
        prop_assert!(report.is_ok(), "{:?}", report);
        let mut twice = once.clone();
        policy().apply(&mut twice, None).unwrap();
        prop_assert_eq!(twice, once);
    }
}

// ---- check digits: the library against the independent oracle ----
//
// `src/checks` is crate-private, so its check digits are compared through
// the public API: for random bodies, every completion (each possible
// check digit, letter or pair) is recognized, and validated where a
// validator exists, exactly when the independent implementations in
// tests/common/checks.rs accept it; and the pseudonyms of every ID type
// pass those implementations.

/// Does the recognizer of `t` alone find `number`, whole? (One type only,
/// so that a number is judged by its own check, not outranked by another.)
fn recognized(t: EntityType, number: &str) -> bool {
    Recognizer::new(&RecognizeOptions::default().entities([t]))
        .unwrap()
        .find(number)
        .iter()
        .any(|f| f.entity_type == t && f.start == 0 && f.end == number.len())
}

/// One of the check functions of tests/common/checks.rs.
type Oracle = fn(&str) -> bool;

fn pseudonym(t: EntityType, value: &str) -> String {
    let ctx = OperatorContext::new().entity_type(t).keyring(keyring());
    apply(
        &Operator::Pseudonymize(Pseudonymize::default()),
        value,
        &ctx,
    )
    .unwrap()
}

fn same_digit(s: &str) -> bool {
    let d = digits(s);
    d.bytes().all(|b| b == d.as_bytes()[0])
}

/// Ten digits shaped like a Steuer-ID body: a permutation of 0–9 with one
/// digit copied over one or two others (so one digit occurs twice or three
/// times), or any ten digits.
fn tax_body() -> impl Strategy<Value = String> {
    let shaped = (
        Just(b"0123456789".to_vec()).prop_shuffle(),
        0usize..10,
        0usize..10,
        proptest::option::of(0usize..10),
    )
        .prop_map(|(mut d, from, to, again)| {
            let c = d[from];
            d[to] = c;
            if let Some(k) = again {
                d[k] = c;
            }
            String::from_utf8(d).unwrap()
        });
    prop_oneof![3 => shaped, 1 => "[0-9]{10}"]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    // 13 and 15–19 digits: a 14-digit number is no Visa (Visa issues 13,
    // 16 and 19) and only Diners issues 14, so it needs a card word.
    fn luhn_agrees_with_the_oracle(
        body in prop_oneof!["4[0-9]{11}", "4[0-9]{13,17}"],
        visa16 in "4[0-9]{14}",
    ) {
        for c in '0'..='9' {
            let n = format!("{body}{c}");
            if !same_digit(&n) {
                prop_assert_eq!(recognized(EntityType::CreditCard, &n), luhn_ok(&n), "{}", n);
            }
            let v = format!("{visa16}{c}");
            prop_assert_eq!(fieldguard::validate::credit_card(&v).is_ok(), luhn_ok(&v), "{}", v);
        }
    }

    #[test]
    fn iban_mod97_agrees_with_the_oracle(
        iban in prop_oneof!["GB[A-Z]{4}[0-9]{14}", "DE[0-9]{18}", "NL[A-Z]{4}[0-9]{10}", "FR[0-9]{10}[A-Z0-9]{11}[0-9]{2}"],
    ) {
        for check in 0..100 {
            let n = format!("{}{check:02}{}", &iban[..2], &iban[2..]);
            prop_assert_eq!(recognized(EntityType::IbanCode, &n), mod97_ok(&n), "{}", n);
            // The validator also refuses 00, 01 and 99 (never computed).
            let canonical = mod97_ok(&n) && !matches!(check, 0 | 1 | 99);
            prop_assert_eq!(fieldguard::validate::iban(&n).is_ok(), canonical, "{}", n);
        }
    }

    #[test]
    fn national_id_checks_agree_with_the_oracle(
        nhs in "[0-9]{9}",
        bsn in "[0-9]{8}",
        (yy, mm, century, dd, serial) in (0u32..100, 1u32..=12, 0u32..5, 1u32..=31, 0u32..10_000),
        tax in tax_body(),
        dni in "[0-9]{8}",
        nie in "[XYZ][0-9]{7}",
    ) {
        for c in '0'..='9' {
            // NHS written 3-3-4 (the bare form has an extra CHI date rule).
            let n = format!("{} {} {}{c}", &nhs[..3], &nhs[3..6], &nhs[6..]);
            if !same_digit(&n) {
                prop_assert_eq!(recognized(EntityType::UkNhs, &n), nhs_ok(&n), "{}", n);
            }
            let n = format!("{bsn}{c}");
            prop_assert_eq!(recognized(EntityType::NlBsn, &n), bsn_ok(&n) && n != "000000000", "{}", n);
            let n = format!("{yy:02}{:02}{dd:02}{serial:04}{c}", mm + 20 * century);
            let year = [1900, 2000, 2100, 2200, 1800][century as usize] + yy;
            let real = dd <= days_in_month(year, mm);
            prop_assert_eq!(recognized(EntityType::PlPesel, &n), pesel_ok(&n) && real, "{}", n);
            let n = format!("{tax}{c}");
            prop_assert_eq!(recognized(EntityType::DeTaxId, &n), de_tax_ok(&n), "{}", n);
        }
        for letter in 'A'..='Z' {
            for body in [&dni, &nie] {
                let n = format!("{body}{letter}");
                prop_assert_eq!(recognized(EntityType::EsNif, &n), nif_ok(&n), "{}", n);
            }
        }
    }

    #[test]
    fn fiscal_code_and_nir_agree_with_the_oracle(
        cf in "[A-Z]{6}[0-9]{2}[ABCDEHLMPRST]",
        day in prop_oneof![1u32..=31, 41u32..=71],
        place in "[A-Z][0-9]{3}",
        nir in "[12][0-9]{2}(0[1-9]|1[0-2])([0-9]{2}|2A|2B)[0-9]{6}",
    ) {
        for letter in 'A'..='Z' {
            let n = format!("{cf}{day:02}{place}{letter}");
            prop_assert_eq!(recognized(EntityType::ItFiscalCode, &n), cf_ok(&n), "{}", n);
        }
        for key in 0..100 {
            let n = format!("{nir}{key:02}");
            prop_assert_eq!(recognized(EntityType::FrNir, &n), nir_ok(&n), "{}", n);
        }
    }

    /// Pseudonyms of every ID type with a check pass the oracle and are
    /// recognized again as their type.
    #[test]
    fn pseudonyms_of_every_id_type_pass_the_oracle(n in 0u64..1_000_000_000, letters in "[A-Z]{8}") {
        let nine = format!("{n:09}");
        let cases: [(EntityType, String, Oracle); 11] = [
            (EntityType::CreditCard, format!("4{nine}{}", &nine[..5]), luhn_ok),
            (EntityType::IbanCode, format!("GB00 {} {} {} {} {}", &letters[..4], &nine[..4], &nine[4..8], &nine[..4], &nine[4..6]), mod97_ok),
            (EntityType::UkNhs, format!("{} {} {}0", &nine[..3], &nine[3..6], &nine[6..]), nhs_ok),
            (EntityType::NlBsn, nine.clone(), bsn_ok),
            (EntityType::EsNif, format!("{:08}X", n % 100_000_000), nif_ok),
            (EntityType::EsNif, format!("Z{:07}Q", n % 10_000_000), nif_ok),
            (EntityType::PlPesel, format!("85{nine}"), pesel_ok),
            (EntityType::DeTaxId, format!("{n:011}"), de_tax_ok),
            (EntityType::FrNir, format!("1{nine}{}", &nine[..5]), nir_ok),
            (EntityType::FrNir, format!("2 {} {} {} {} {} {}", &nine[..2], &nine[2..4], &nine[4..6], &nine[6..9], &nine[..3], &nine[3..5]), nir_ok),
            (EntityType::ItFiscalCode, format!("{}{}A{}{}{}{}", &letters[..6], &nine[..2], &nine[2..4], &letters[6..7], &nine[4..7], &letters[7..]), cf_ok),
        ];
        for (t, value, oracle) in cases {
            let fake = pseudonym(t, &value);
            prop_assert!(oracle(&fake), "{:?} {} -> {}", t, value, fake);
            prop_assert!(same_digit(&fake) || recognized(t, &fake), "{:?} {} -> {}", t, value, fake);
        }
    }
}
