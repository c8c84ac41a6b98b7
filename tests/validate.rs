//! fieldguard::validate natively: unit tests of the rules and property tests
//! (no input panics; the canonical form is a fixed point; independent
//! re-implementations of Luhn, mod 97, ranges and the calendar agree).

mod common;

use fieldguard::validate::{self, outcome, Reason, Validator, TYPES};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Every type with default options, plus the options that change behaviour.
fn validators() -> Vec<Validator> {
    let mut all: Vec<Validator> = TYPES
        .iter()
        .map(|t| Validator::from_type(t, None).unwrap())
        .collect();
    for extra in [
        json!({"type": "email", "unicodeDomain": true, "allowIpDomain": true, "requireTld": false}),
        json!({"type": "url", "schemes": [], "requireHost": false, "allowCredentials": true}),
        json!({"type": "hostname", "requireTld": false}),
        json!({"type": "uuid", "allowNil": true}),
        json!({"type": "date-time", "requireOffset": false}),
        json!({"type": "phone", "defaultCountry": "US"}),
        json!({"type": "phone", "defaultCountry": "GB"}),
        json!({"type": "phone", "defaultCountry": "RU"}),
        json!({"type": "phone", "defaultCountry": "LU"}),
        json!({"type": "integer", "min": -5, "max": 5}),
        json!({"type": "decimal", "min": "-1.5", "max": "2", "maxScale": 3}),
    ] {
        all.push(serde_json::from_value(extra).unwrap());
    }
    all
}

/// No panic; a valid value's canonical form validates to itself with the
/// same details; a message never contains a (long enough) input.
fn check_all(input: &str) -> Result<(), TestCaseError> {
    for v in validators() {
        match v.validate(input) {
            Ok(ok) => {
                let again = v.validate(&ok.value);
                prop_assert_eq!(
                    again.as_ref(),
                    Ok(&ok),
                    "{} not a fixed point for {:?}",
                    v.type_name(),
                    input
                );
            }
            Err(e) => {
                if input.chars().count() >= 8 {
                    prop_assert!(!e.message.contains(input), "message leaks input");
                }
            }
        }
    }
    Ok(())
}

/// Strings near the formats: characters the validators care about.
fn near_valid() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "Z",
        "0",
        "1",
        "9",
        "4",
        "-",
        ".",
        "@",
        ":",
        "/",
        "+",
        " ",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        "%",
        "_",
        "T",
        "Z",
        "z",
        "x",
        "xn--",
        "ü",
        "。",
        "ｅ",
        "\u{200d}",
        "\u{0}",
        "é",
        "http://",
        "https://",
        "example.com",
        "::",
        "ffff",
        "2001:db8",
        "192.0.2.1",
        "00",
        "011",
        "+44",
        "+1",
        "GB",
        "DE89",
        "2024-02-29",
        "T23:59:59",
        ".123",
        "+01:00",
        "urn:uuid:",
        "f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
        "4111",
        "1111",
        "user@",
        "\u{10FFFF}",
        "ß",
    ]);
    prop::collection::vec(pieces, 0..12).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_strings_never_panic_and_canonical_is_fixed(s in ".{0,80}") {
        check_all(&s)?;
    }

    #[test]
    fn near_valid_strings_never_panic_and_canonical_is_fixed(s in near_valid()) {
        check_all(&s)?;
    }

    #[test]
    fn integers_compare_like_i128(
        n in any::<i128>(),
        zeros in 0usize..4,
        plus in any::<bool>(),
        a in any::<i64>(),
        b in any::<i64>(),
    ) {
        let (min, max) = (a.min(b), a.max(b));
        let digits = format!("{}{}", "0".repeat(zeros), n.unsigned_abs());
        let text = if n < 0 { format!("-{digits}") } else if plus { format!("+{digits}") } else { digits };
        let v: Validator = serde_json::from_value(json!({"type": "integer", "min": min, "max": max})).unwrap();
        let r = v.validate(&text);
        if n < i128::from(min) || n > i128::from(max) {
            prop_assert_eq!(r.unwrap_err().reason, Reason::OutOfRange);
        } else {
            prop_assert_eq!(r.unwrap().value, n.to_string());
        }
    }

    #[test]
    fn decimals_compare_like_scaled_integers(
        n in -10_000_000i64..10_000_000,
        scale in 0u32..6,
        lo in -10_000_000i64..10_000_000,
        hi in -10_000_000i64..10_000_000,
    ) {
        // n / 10^scale against lo/1000 .. hi/1000, compared as integers scaled by 10^6.
        let (lo, hi) = (lo.min(hi), lo.max(hi));
        let text = to_decimal(n, scale);
        let v: Validator = serde_json::from_value(json!({
            "type": "decimal", "min": to_decimal(lo, 3), "max": to_decimal(hi, 3)
        })).unwrap();
        let scaled = i128::from(n) * 10i128.pow(6 - scale);
        let inside = scaled >= i128::from(lo) * 1000 && scaled <= i128::from(hi) * 1000;
        prop_assert_eq!(v.validate(&text).is_ok(), inside, "{} in [{}, {}]", text, lo, hi);
    }

    #[test]
    fn generated_ibans_validate_and_one_substitution_fails(
        country in prop::sample::select(vec!["GB", "DE", "FR", "NO", "MT", "LC", "RU", "BR", "SC"]),
        body in "[0-9A-Z]{30}",
        pos in 0usize..40,
        sub in "[0-9A-Z]",
    ) {
        // BBAN structures of the SWIFT IBAN Registry (n digit, a letter, c either).
        let structure: &[(usize, u8)] = match country {
            "GB" => &[(4, b'a'), (14, b'n')], "DE" => &[(18, b'n')],
            "FR" => &[(10, b'n'), (11, b'c'), (2, b'n')], "NO" => &[(11, b'n')],
            "MT" => &[(4, b'a'), (5, b'n'), (18, b'c')], "LC" => &[(4, b'a'), (24, b'c')],
            "RU" => &[(14, b'n'), (15, b'c')], "BR" => &[(23, b'n'), (1, b'a'), (1, b'c')],
            _ => &[(4, b'a'), (20, b'n'), (3, b'a')],
        };
        let classes: Vec<u8> = structure.iter().flat_map(|&(n, c)| std::iter::repeat_n(c, n)).collect();
        let len = classes.len() + 4;
        let bban: String = body.bytes().chain(body.bytes()).zip(&classes).map(|(b, &c)| char::from(match c {
            b'n' => b'0' + b % 10,
            b'a' => b'A' + b % 26,
            _ => b,
        })).collect();
        let bban = bban.as_str();
        let iban = format!("{country}{:02}{bban}", 98 - mod97(&format!("{bban}{country}00")));
        let v = validate::iban(&iban).unwrap();
        prop_assert_eq!(&v.value, &iban);
        let i = 4 + pos % (len - 4);
        let mut changed = iban.clone().into_bytes();
        let sub = sub.as_bytes()[0];
        // Mod 97 detects every substitution within a character class (the
        // difference is below 97, a prime); digit <-> letter changes the
        // number of digits and is not guaranteed.
        if changed[i] != sub && changed[i].is_ascii_digit() == sub.is_ascii_digit()
            && (classes[i - 4] == b'c' || sub.is_ascii_digit() == (classes[i - 4] == b'n'))
        {
            changed[i] = sub;
            let changed = String::from_utf8(changed).unwrap();
            prop_assert_eq!(validate::iban(&changed).unwrap_err().reason, Reason::IbanChecksum);
        }
    }

    #[test]
    fn generated_card_numbers_get_their_brand(
        which in 0usize..8,
        body in "[0-9]{19}",
        sep in prop::sample::select(vec!["", " ", "-"]),
    ) {
        let (prefix, len, brand) = [
            ("4", 16, "visa"), ("37", 15, "amex"), ("2720", 16, "mastercard"), ("65", 19, "discover"),
            ("3589", 17, "jcb"), ("36", 14, "diners"), ("62", 18, "unionpay"), ("639", 12, "maestro"),
        ][which];
        let mut digits = format!("{prefix}{}", &body[..len - 1 - prefix.len()]);
        digits.push(luhn_check_digit(&digits));
        let spaced: String = digits.chars().enumerate()
            .flat_map(|(i, c)| (i > 0 && i % 4 == 0).then_some(sep).into_iter().flat_map(str::chars).chain([c]))
            .collect();
        let v = validate::credit_card(&spaced).unwrap();
        prop_assert_eq!(&v.value, &digits);
        prop_assert_eq!(&v.details["brand"], brand);
        prop_assert_eq!(&v.details["last4"], &digits[len - 4..]);
        // Any other final digit fails Luhn.
        let mut wrong = digits.clone().into_bytes();
        wrong[len - 1] = b'0' + (wrong[len - 1] - b'0' + 1) % 10;
        let wrong = String::from_utf8(wrong).unwrap();
        prop_assert_eq!(validate::credit_card(&wrong).unwrap_err().reason, Reason::CardChecksum);
    }
}

fn to_decimal(n: i64, scale: u32) -> String {
    let p = 10i64.pow(scale);
    let sign = if n < 0 { "-" } else { "" };
    let (i, f) = (n.unsigned_abs() / p as u64, n.unsigned_abs() % p as u64);
    if scale == 0 {
        format!("{sign}{i}")
    } else {
        format!("{sign}{i}.{f:0width$}", width = scale as usize)
    }
}

/// Mod 97 of the digit string with letters as 10..=35 (independent of the crate).
fn mod97(s: &str) -> u32 {
    let digits: String = s
        .chars()
        .map(|c| c.to_digit(36).unwrap().to_string())
        .collect();
    digits
        .bytes()
        .fold(0, |acc, d| (acc * 10 + u32::from(d - b'0')) % 97)
}

fn luhn_check_digit(payload: &str) -> char {
    let sum: u32 = payload
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, c)| {
            let d = u32::from(c - b'0');
            if i % 2 == 0 {
                (d * 2) / 10 + (d * 2) % 10
            } else {
                d
            }
        })
        .sum();
    char::from(b'0' + ((10 - sum % 10) % 10) as u8)
}

#[test]
fn every_day_of_1899_to_2101_and_no_other() {
    // Walk the calendar by day count (independent of the validator's table).
    let days = common::checks::days_in_month;
    let mut total = 0;
    for y in 1899..=2101 {
        for m in 1..=12 {
            for d in 1..=31 {
                let s = format!("{y:04}-{m:02}-{d:02}");
                assert_eq!(validate::date(&s).is_ok(), d <= days(y, m), "{s}");
                total += u32::from(d <= days(y, m));
            }
        }
    }
    // 203 years, 49 of them leap (1904..2096 every 4 years, 2000 included).
    assert_eq!(total, 203 * 365 + 49);
}

#[test]
fn reason_codes_are_unique_screaming_snake() {
    let mut seen = std::collections::HashSet::new();
    for r in Reason::ALL {
        let c = r.code();
        assert!(
            c.bytes().all(|b| b.is_ascii_uppercase() || b == b'_'),
            "{c}"
        );
        assert!(seen.insert(c), "duplicate {c}");
    }
}

#[test]
fn validators_round_trip_through_json_with_documented_defaults() {
    for v in validators() {
        let text = serde_json::to_value(&v).unwrap();
        assert_eq!(text["type"], v.type_name());
        let back: Validator = serde_json::from_value(text).unwrap();
        assert_eq!(back, v);
    }
    let email = serde_json::to_value(Validator::from_type("email", None).unwrap()).unwrap();
    assert_eq!(
        email,
        json!({"type": "email", "maxLength": 254, "requireTld": true, "allowIpDomain": false, "unicodeDomain": false})
    );
    let url = serde_json::to_value(Validator::from_type("url", None).unwrap()).unwrap();
    assert_eq!(
        url,
        json!({"type": "url", "schemes": ["https", "http"], "requireHost": true, "allowCredentials": false, "maxLength": 2048})
    );
}

#[test]
fn bad_validator_json_is_refused() {
    for bad in [
        json!({}),
        json!({"type": 3}),
        json!({"type": "Email"}),
        json!({"type": "email", "maxlength": 3}),
        json!({"type": "ip", "version": "6"}),
        json!({"type": "phone", "defaultCountry": "ZZ"}),
        json!({"type": "decimal", "max": "1e3"}),
        json!({"type": "decimal", "min": "2", "max": "1"}),
        json!({"type": "uuid", "versions": [0]}),
        json!({"type": "credit-card", "brands": ["visa", "amazon"]}),
        json!(["email"]),
    ] {
        assert!(
            serde_json::from_value::<Validator>(bad.clone()).is_err(),
            "{bad}"
        );
    }
    let opts = json!({"type": "email"});
    let err = Validator::from_type("email", opts.as_object()).unwrap_err();
    assert_eq!(err.code(), "INVALID_ARGUMENT");
}

#[test]
fn outcome_and_error_shapes() {
    let o = serde_json::to_value(outcome(&validate::phone("+44 20 7946 0958"))).unwrap();
    assert_eq!(
        o,
        json!({"valid": true, "value": "+442079460958",
               "details": {"countryCode": 44, "nationalNumber": "2079460958", "region": "GB"}})
    );
    let invalid = validate::email("secret-name@").unwrap_err();
    let o = serde_json::to_value(outcome(&Err(invalid.clone()))).unwrap();
    assert_eq!(o["valid"], false);
    assert_eq!(o["reason"], "EMAIL_DOMAIN_INVALID");
    let err: fieldguard::Error = invalid.into();
    assert_eq!(err.code(), "VALUE_INVALID");
    assert!(err.detail().starts_with("EMAIL_DOMAIN_INVALID: "));
    assert!(!err.to_string().contains("secret-name"));
}

#[test]
fn card_details_never_hold_the_number() {
    let v = validate::credit_card("3782 822463 10005").unwrap();
    let details = Value::Object(v.details).to_string();
    assert!(!details.contains("378282"), "{details}");
}

#[test]
fn long_inputs_are_linear_and_refused() {
    let big = "9".repeat(1 << 20);
    assert_eq!(validate::integer(&big).unwrap().value.len(), 1 << 20);
    let v: Validator = serde_json::from_value(json!({"type": "integer", "max": 5})).unwrap();
    assert_eq!(v.validate(&big).unwrap_err().reason, Reason::OutOfRange);
    for t in TYPES
        .iter()
        .filter(|t| !matches!(**t, "integer" | "decimal"))
    {
        let v = Validator::from_type(t, None).unwrap();
        assert!(v.validate(&format!("{big}@{big}.com")).is_err(), "{t}");
    }
}
