//! Free-text anonymization and policies with PII steps: the invariants
//! behind the recorded vectors (tests/vectors/pii-anonymize.json), token
//! round trips, and properties over arbitrary input.

use fieldguard::pii::anonymize::{AnonymizeOptions, Anonymizer};
use fieldguard::pii::operators::{apply, Operator, OperatorContext, Pseudonymize};
use fieldguard::pii::recognize::{find, RecognizeOptions};
use fieldguard::pii::EntityType;
use fieldguard::policy::Policy;
use fieldguard::{field_context, FieldPath, KeyStatus, Keyring, SecretKey};
use proptest::prelude::*;
use serde_json::{json, Value};
use std::sync::OnceLock;

fn keyring() -> &'static Keyring {
    static KR: OnceLock<Keyring> = OnceLock::new();
    KR.get_or_init(|| {
        Keyring::from_keys(vec![(
            3,
            KeyStatus::Primary,
            SecretKey::from_bytes(&[3; 32]).unwrap(),
        )])
        .unwrap()
    })
}

fn pseudonym(t: EntityType, value: &str) -> String {
    let ctx = OperatorContext::new().entity_type(t).keyring(keyring());
    apply(
        &Operator::Pseudonymize(Pseudonymize::default()),
        value,
        &ctx,
    )
    .unwrap()
}

fn policy(doc: Value) -> Policy {
    Policy::from_json(&doc.to_string()).unwrap()
}

#[test]
fn one_customer_gets_one_pseudonym_in_fields_free_text_and_single_values() {
    let p = policy(json!({"version": 1,
        "fields": {"email": {"anonymize": {"op": "pseudonymize"}},
                   "name": {"anonymize": {"op": "pseudonymize"}, "entity": "PERSON_NAME"}},
        "pii": {"operators": {"EMAIL_ADDRESS": {"op": "pseudonymize"}}}}));
    let mut users = json!({"email": "alice@example.com", "name": "Alice Smith",
                           "note": "reply to alice@example.com"});
    p.apply(&mut users, Some(keyring())).unwrap();
    let fake = pseudonym(EntityType::EmailAddress, "alice@example.com");
    assert_ne!(fake, "alice@example.com");
    assert_eq!(users["email"], fake.as_str());
    assert_eq!(users["note"], format!("reply to {fake}"));
    assert_eq!(
        users["name"],
        pseudonym(EntityType::PersonName, "Alice Smith").as_str()
    );

    // Another "service" with another policy and field names.
    let orders = policy(
        json!({"version": 1, "fields": {"customer.contact": {"anonymize": {"op": "pseudonymize"}}}}),
    );
    let mut order = json!({"customer": {"contact": "alice@example.com"}});
    orders.apply(&mut order, Some(keyring())).unwrap();
    assert_eq!(order["customer"]["contact"], fake.as_str());
    let mut single = json!("alice@example.com");
    p.apply_field("email", &mut single, Some(keyring()))
        .unwrap();
    assert_eq!(single, fake.as_str());
}

#[test]
fn every_date_of_a_subject_moves_by_the_same_number_of_days() {
    let p = policy(json!({"version": 1, "subject": "customer",
        "fields": {"dob": {"anonymize": {"op": "date-shift"}}, "visits[*]": {"anonymize": {"op": "date-shift"}}}}));
    let days = |a: &str, b: &str| {
        let d = |s: &str| {
            let v: Vec<i64> = s.split('-').map(|x| x.parse().unwrap()).collect();
            // Days from civil (H. Hinnant's algorithm), independent of the library.
            let (y, m, d) = (if v[1] <= 2 { v[0] - 1 } else { v[0] }, v[1], v[2]);
            let era = y.div_euclid(400);
            let yoe = y - era * 400;
            let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
            era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy
        };
        d(b) - d(a)
    };
    let mut shifts = Vec::new();
    for customer in ["c-1", "c-2", "c-3"] {
        let mut r = json!({"customer": customer, "dob": "1985-03-12", "visits": ["2024-01-31", "2024-02-29"]});
        p.apply(&mut r, Some(keyring())).unwrap();
        let shift = days("1985-03-12", r["dob"].as_str().unwrap());
        assert_eq!(days("2024-01-31", r["visits"][0].as_str().unwrap()), shift);
        assert_eq!(days("2024-02-29", r["visits"][1].as_str().unwrap()), shift);
        assert!(shift != 0 && shift.abs() <= 365);
        shifts.push(shift);
    }
    assert!(
        shifts[0] != shifts[1] || shifts[1] != shifts[2],
        "subjects should differ"
    );
}

#[test]
fn encrypted_fields_and_findings_decrypt_with_their_location_context() {
    let p = policy(json!({"version": 1, "recordId": "id",
        "fields": {"ssn": {"anonymize": {"op": "encrypt"}}},
        "pii": {"operators": {"IBAN_CODE": {"op": "encrypt"}}}}));
    let mut r = json!({"id": 42, "ssn": "536-90-4399",
        "rows": [{"memo": "x"}, {"memo": "pay GB82 WEST 1234 5698 7654 32 now"}]});
    p.apply(&mut r, Some(keyring())).unwrap();
    let ssn_ctx = field_context(&"ssn".parse::<FieldPath>().unwrap(), Some("42"));
    assert_eq!(
        keyring()
            .decrypt_str(r["ssn"].as_str().unwrap(), &ssn_ctx)
            .unwrap(),
        "536-90-4399"
    );
    let memo = r["rows"][1]["memo"].as_str().unwrap();
    let token = memo
        .strip_prefix("pay ")
        .unwrap()
        .strip_suffix(" now")
        .unwrap();
    // A finding inside an array element is bound to that element.
    let memo_ctx = field_context(&"rows[1].memo".parse::<FieldPath>().unwrap(), Some("42"));
    assert_eq!(
        keyring().decrypt_str(token, &memo_ctx).unwrap(),
        "GB82 WEST 1234 5698 7654 32"
    );
    let shared = field_context(&"rows[*].memo".parse::<FieldPath>().unwrap(), Some("42"));
    assert!(keyring().decrypt_str(token, &shared).is_err());
    // Bound to the record: another ID does not decrypt.
    let other = field_context(&"ssn".parse::<FieldPath>().unwrap(), Some("43"));
    assert!(keyring()
        .decrypt_str(r["ssn"].as_str().unwrap(), &other)
        .is_err());
}

#[test]
fn array_rules_bind_randomized_tokens_to_each_element_and_the_rest_to_the_field() {
    let p = policy(json!({"version": 1, "recordId": "id", "fields": {
        "orders[*].card": {"anonymize": {"op": "encrypt"}},
        "orders[*].email": {"anonymize": {"op": "encrypt", "deterministic": true}},
        "orders[*].tag": {"anonymize": {"op": "hash"}}}}));
    let mut r = json!({"id": "c1", "orders": [
        {"card": "4111", "email": "a@x.org", "tag": "t"},
        {"card": "5500", "email": "a@x.org", "tag": "t"}]});
    p.apply(&mut r, Some(keyring())).unwrap();
    let at = |i: usize, k: &str| r["orders"][i][k].as_str().unwrap().to_owned();
    let ctx = |path: &str| field_context(&path.parse::<FieldPath>().unwrap(), Some("c1"));
    let open = |i: usize, token: &str| {
        fieldguard::path::ValueContexts {
            location: &ctx(&format!("orders[{i}].card")),
            field: &ctx("orders[*].card"),
        }
        .decrypt(keyring(), &fieldguard::decode_text(token).unwrap())
    };
    let cards = [at(0, "card"), at(1, "card")];
    assert_eq!(open(0, &cards[0]).unwrap(), b"4111");
    assert_eq!(open(1, &cards[1]).unwrap(), b"5500");
    // Swapped, each fails: the tokens are bound to their element.
    assert_eq!(open(0, &cards[1]).unwrap_err().code(), "DECRYPT_FAILED");
    assert_eq!(open(1, &cards[0]).unwrap_err().code(), "DECRYPT_FAILED");
    // Equal values stay equal across elements where that is the point.
    assert_eq!(at(0, "email"), at(1, "email"));
    assert_eq!(
        keyring()
            .decrypt_str(&at(0, "email"), &ctx("orders[*].email"))
            .unwrap(),
        "a@x.org"
    );
    assert_eq!(at(0, "tag"), at(1, "tag"));
}

#[test]
fn errors_never_contain_values() {
    let p = policy(
        json!({"version": 1, "fields": {"born": {"anonymize": {"op": "generalize", "to": "year"}}}}),
    );
    let mut r = json!({"born": "secret-value-123"});
    let e = p.apply(&mut r, None).unwrap_err();
    assert_eq!(e.code(), "VALUE_INVALID");
    assert!(!e.to_string().contains("secret-value-123"), "{e}");
    let p = policy(
        json!({"version": 1, "recordId": "id", "subject": "who", "fields": {"a": {"anonymize": {"op": "redact"}}}}),
    );
    let e = p
        .apply(&mut json!({"id": 1, "who": {"name": "Ana Secret"}}), None)
        .unwrap_err();
    assert_eq!(e.code(), "FIELD_TYPE");
    assert!(!e.to_string().contains("Ana Secret"), "{e}");
}

/// Issue 12: a policy without a `pii` section used to copy every value it
/// did not name in clear. Now the fields it does not name are scanned with
/// the default operators; the fields it names are left to their rules; and
/// `"scan": false` says, explicitly, not to scan.
#[test]
fn a_policy_without_a_pii_section_still_scans_what_it_does_not_name() {
    let p = policy(json!({"version": 1, "fields": {"x": {"anonymize": {"op": "redact"}}}}));
    let mut r =
        json!({"x": "a@example.com", "y": "mail b@example.com", "z": {"w": ["c@example.com"]}});
    let report = p.apply(&mut r, None).unwrap();
    assert_eq!(
        r,
        json!({"x": "", "y": "mail <EMAIL_ADDRESS>", "z": {"w": ["<EMAIL_ADDRESS>"]}})
    );
    assert_eq!(report.found()[0].count, 3);

    // A validation policy keeps the email it validates, and still catches
    // the one in a field it does not name.
    let p = policy(
        json!({"version": 1, "fields": {"n": {"validate": {"type": "integer"}},
        "email": {"validate": {"type": "email"}}}}),
    );
    assert!(!p.needs_keyring());
    let mut r = json!({"n": 5, "email": "a@example.com", "note": "call a@example.com"});
    p.apply(&mut r, None).unwrap();
    assert_eq!(
        r,
        json!({"n": 5, "email": "a@example.com", "note": "call <EMAIL_ADDRESS>"})
    );
    // `"scan": true` brings a named field in.
    let p = policy(json!({"version": 1, "fields": {"email": {"scan": true}}}));
    let mut r = json!({"email": "a@example.com"});
    p.apply(&mut r, None).unwrap();
    assert_eq!(r, json!({"email": "<EMAIL_ADDRESS>"}));

    // Off only when the policy says so.
    let p = policy(
        json!({"version": 1, "scan": false, "fields": {"n": {"validate": {"type": "integer"}}}}),
    );
    let mut r = json!({"n": 5, "mail": "a@example.com"});
    assert!(p.apply(&mut r, None).unwrap().is_clean());
    assert_eq!(r, json!({"n": 5, "mail": "a@example.com"}));
    for contradiction in [
        json!({"version": 1, "scan": false, "pii": {}}),
        json!({"version": 1, "scan": false, "fields": {"a": {"scan": true}}}),
    ] {
        let e = fieldguard::policy::Policy::from_json(&contradiction.to_string()).unwrap_err();
        assert_eq!(e.code(), "POLICY_INVALID", "{contradiction}");
    }
}

/// A URL carrying a credential is one finding (100, over the secret's 80):
/// anonymizing it leaves neither the URL nor the token in clear.
#[test]
fn a_url_with_a_token_is_replaced_whole() {
    let a = Anonymizer::new(&AnonymizeOptions::default()).unwrap();
    let ctx = OperatorContext::new();
    for text in [
        "GET https://api.example.com/v1?token=abc123XYZ&x=1 done",
        "dsn https://admin:hunter2XYZ@db.example.com/x done",
    ] {
        let out = a.anonymize(text, &ctx).unwrap();
        assert_eq!(out.items.len(), 1, "{text}");
        assert_eq!(out.items[0].entity_type, EntityType::Url);
        assert!(!out.text.contains("XYZ") && !out.text.contains("example.com"));
        assert!(out.text.starts_with("GET ") || out.text.starts_with("dsn "));
        assert!(out.text.ends_with(" done"));
    }
}

fn all_operators() -> Vec<Value> {
    vec![
        json!({"op": "redact"}),
        json!({"op": "replace", "with": "[{type}]"}),
        json!({"op": "mask", "keepLast": 2}),
        json!({"op": "hash", "length": 6}),
        json!({"op": "pseudonymize"}),
        json!({"op": "encrypt"}),
        json!({"op": "generalize", "to": "year"}),
        json!({"op": "date-shift"}),
        json!({"op": "drop"}),
    ]
}

/// Text with PII-shaped fragments mixed into noise.
fn texty() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "\\PC{0,12}",
        Just("bob@example.com".to_owned()),
        Just("4111 1111 1111 1111".to_owned()),
        Just("+44 20 7946 0958".to_owned()),
        Just("GB82 WEST 1234 5698 7654 32".to_owned()),
        Just("born 1985-03-12".to_owned()),
        Just("192.168.0.1".to_owned()),
        "[0-9 .:/@+-]{0,20}",
        Just("😀e\u{301}".to_owned()),
    ];
    proptest::collection::vec(piece, 0..8).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any text, any operator: no panic; the output is the input with each
    /// finding's span replaced, items in order, on char boundaries; and the
    /// same input gives the same output (except randomized encryption).
    #[test]
    fn anonymized_text_is_the_input_with_findings_replaced(text in texty(), op in 0usize..9) {
        let op = &all_operators()[op];
        let options: AnonymizeOptions = serde_json::from_value(json!({"defaultOperator": op})).unwrap();
        let a = Anonymizer::new(&options).unwrap();
        let ctx = OperatorContext::new().keyring(keyring()).context(b"f").subject("s");
        let out = a.anonymize(&text, &ctx).unwrap();
        let findings = find(&text, &RecognizeOptions::default()).unwrap();
        prop_assert_eq!(out.items.len(), findings.len());
        let (mut at_in, mut at_out) = (0, 0);
        for (item, f) in out.items.iter().zip(&findings) {
            prop_assert_eq!(item.entity_type, f.entity_type);
            prop_assert!(item.start >= at_out && item.end >= item.start);
            prop_assert!(out.text.is_char_boundary(item.start) && out.text.is_char_boundary(item.end));
            prop_assert_eq!(&out.text[at_out..item.start], &text[at_in..f.start]);
            at_in = f.end;
            at_out = item.end;
        }
        prop_assert_eq!(&out.text[at_out..], &text[at_in..]);
        if op["op"] != "encrypt" {
            prop_assert_eq!(&a.anonymize(&text, &ctx).unwrap(), &out);
        }
    }

    /// Policies with a PII scan over arbitrary JSON never panic, report
    /// only field paths, and are deterministic for keyed pseudonyms.
    #[test]
    fn policy_scans_of_arbitrary_records_are_deterministic(
        texts in proptest::collection::vec(texty(), 0..6),
        nested in any::<bool>(),
    ) {
        let p = policy(json!({"version": 1, "pii": {"defaultOperator": {"op": "pseudonymize"}},
                               "fields": {"keep": {"scan": false}}}));
        let inner: Value = texts.iter().cloned().map(Value::String).collect();
        let record = if nested { json!({"a": {"b": [inner]}, "keep": texts}) } else { json!({"list": inner}) };
        let mut once = record.clone();
        let report = p.apply(&mut once, Some(keyring())).unwrap();
        let mut twice = record.clone();
        p.apply(&mut twice, Some(keyring())).unwrap();
        prop_assert_eq!(&once, &twice);
        if nested {
            prop_assert_eq!(&once["keep"], &record["keep"]);
        }
        let serialized = serde_json::to_string(&report).unwrap();
        for t in &texts {
            for f in find(t, &RecognizeOptions::default()).unwrap() {
                // No value ever appears in a report.
                prop_assert!(!serialized.contains(&t[f.start..f.end]));
            }
        }
    }
}
