//! `fieldguard::text`: unit tests, properties over arbitrary strings, and
//! adversarial megabyte inputs (which must simply complete).

use fieldguard::text::{
    analyze_scripts, are_confusable, clean, skeleton, ChangeKind, CharClass, CleanOptions,
    Disallowed, LengthUnit, Normalization, OverLength, Preset, RestrictionLevel,
};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

const PRESETS: [Preset; 4] = [
    Preset::Username,
    Preset::Slug,
    Preset::Name,
    Preset::PhoneDigits,
];

fn value(input: &str, options: &CleanOptions) -> String {
    clean(input, options).expect("clean").value
}

#[test]
fn trojan_source_is_neutralised() {
    // The CVE-2021-42574 "commenting-out" example, as a string value.
    let input = "access_level != \"user\u{202E} \u{2066}// Check if admin\u{2069} \u{2066}\"";
    let out = clean(input, &CleanOptions::default()).unwrap();
    assert!(!out
        .value
        .chars()
        .any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')));
    assert_eq!(out.changes.len(), 1);
    assert_eq!(out.changes[0].kind, ChangeKind::RemovedBidi);
    assert_eq!(out.changes[0].count, 4);
}

#[test]
fn errors_never_contain_the_input() {
    let secret = "s3cr3t-name!";
    let opts = CleanOptions {
        allow: Some(vec![CharClass::AsciiLetters]),
        disallowed: Some(Disallowed::Reject),
        ..Default::default()
    };
    let err = clean(secret, &opts).unwrap_err();
    assert_eq!(err.code(), "VALUE_INVALID");
    assert_eq!(
        err.detail(),
        "DISALLOWED_CHARACTER at index 1 (category number)"
    );
    assert!(!err.to_string().contains("s3cr3t"));

    let opts = CleanOptions {
        max_length: Some(3),
        over_length: Some(OverLength::Reject),
        ..Default::default()
    };
    let err = clean(secret, &opts).unwrap_err();
    assert_eq!(err.detail(), "TOO_LONG: 12 graphemes, limit 3");
}

#[test]
fn presets_are_overridden_by_explicit_options() {
    let opts = CleanOptions {
        preset: Some(Preset::Name),
        collapse_whitespace: Some(false),
        max_length: Some(3),
        ..Default::default()
    };
    assert_eq!(value("A  B C", &opts), "A");
    let opts = CleanOptions {
        preset: Some(Preset::Username),
        lowercase: Some(false),
        ..Default::default()
    };
    assert_eq!(value("MiXeD", &opts), "MiXeD");
}

#[test]
fn options_round_trip_as_camel_case_json() {
    let opts: CleanOptions = serde_json::from_str(
        r#"{"preset":"phone-digits","maxLength":5,"lengthUnit":"chars","normalize":"nfkc"}"#,
    )
    .unwrap();
    assert_eq!(opts.length_unit, Some(LengthUnit::Chars));
    assert_eq!(opts.normalize, Some(Normalization::Nfkc));
    let back = serde_json::to_string(&opts).unwrap();
    assert_eq!(
        back,
        r#"{"preset":"phone-digits","normalize":"nfkc","maxLength":5,"lengthUnit":"chars"}"#
    );
    assert!(serde_json::from_str::<CleanOptions>(r#"{"max_length":5}"#).is_err());
}

#[test]
fn result_json_shape() {
    let out = clean(" A\u{200B}", &CleanOptions::default()).unwrap();
    assert_eq!(
        serde_json::to_string(&out).unwrap(),
        r#"{"value":"A","changed":true,"changes":[{"kind":"removed-invisible","count":1},{"kind":"trimmed","count":1}]}"#
    );
}

#[test]
fn removal_that_lets_a_mark_compose_is_renormalized() {
    // Found by proptest: the disallowed digit sat between Ω and U+0345
    // (both allowed letters); once it is gone they compose to U+1FFC.
    let out = clean("\u{03A9}1\u{0345}", &CleanOptions::preset(Preset::Name)).unwrap();
    assert_eq!(out.value, "\u{1FFC}");
    assert_eq!(
        clean(&out.value, &CleanOptions::preset(Preset::Name))
            .unwrap()
            .value,
        out.value
    );
}

#[test]
fn paypal_homograph() {
    let fake = "\u{0440}\u{0430}\u{0443}\u{0440}\u{0430}l";
    assert!(are_confusable(fake, "paypal"));
    assert_eq!(skeleton(fake), "paypal");
    let r = analyze_scripts(fake);
    assert!(r.mixed_script);
    assert_eq!(r.scripts, ["Cyrl", "Latn"]);
    assert_eq!(r.restriction_level, RestrictionLevel::MinimallyRestrictive);
    assert_eq!(
        serde_json::to_string(&r).unwrap(),
        r#"{"scripts":["Cyrl","Latn"],"mixedScript":true,"restrictionLevel":"minimally-restrictive"}"#
    );
}

#[test]
fn unicode_versions_are_stated() {
    // Pinned so that a dependency update forces the module docs to follow.
    let v = fieldguard::text::UNICODE_VERSIONS;
    assert_eq!(v.security, (18, 0, 0));
    assert_eq!(v.segmentation, (17, 0, 0));
    println!("std Unicode {:?}", v.std);
}

// ---- adversarial megabyte inputs: they only have to complete ----

fn all_options() -> Vec<CleanOptions> {
    let mut v = vec![
        CleanOptions::default(),
        CleanOptions {
            normalize: Some(Normalization::Nfkc),
            lowercase: Some(true),
            collapse_whitespace: Some(true),
            max_length: Some(10),
            length_unit: Some(LengthUnit::Chars),
            ..Default::default()
        },
    ];
    v.extend(PRESETS.map(CleanOptions::preset));
    v
}

fn stress(input: &str) {
    assert!(input.len() <= 1_000_004, "{}", input.len());
    for opts in all_options() {
        let out = clean(input, &opts).expect("within the default 1 MiB limit");
        assert!(out.value.len() <= input.len() * 3);
    }
    let _ = skeleton(input);
    let _ = analyze_scripts(input);
    let _ = are_confusable(input, input);
}

#[test]
fn megabyte_of_combining_marks() {
    stress(&format!("a{}", "\u{0301}".repeat(499_999)));
    // Mixed combining classes force canonical reordering of one huge run.
    stress(&format!("a{}", "\u{0316}\u{0301}".repeat(249_999)));
}

#[test]
fn megabyte_of_zwj_and_emoji() {
    stress(&"\u{200D}".repeat(333_333));
    stress(&"\u{1F468}\u{200D}".repeat(142_857));
}

#[test]
fn megabyte_of_bidi_invisible_and_tags() {
    stress(&"\u{202E}\u{2066}".repeat(166_666));
    stress(&format!("\u{1F3F4}{}", "\u{E0067}".repeat(249_998)));
    stress(&"x\u{FE0F}".repeat(250_000));
    stress(&"\u{1F1E9}".repeat(250_000));
    stress(&" \t\n_-".repeat(200_000));
}

#[test]
fn over_the_byte_limit_is_refused_before_work() {
    let big = "a".repeat((1 << 20) + 1);
    let err = clean(&big, &CleanOptions::default()).unwrap_err();
    assert_eq!(err.code(), "INPUT_TOO_LARGE");
    let opts = CleanOptions {
        max_input_bytes: Some(2 << 20),
        ..Default::default()
    };
    assert_eq!(clean(&big, &opts).unwrap().value.len(), big.len());
}

// ---- properties ----

/// Characters that exercise every step: marks, joiners, selectors, tags,
/// flags, Hangul jamo, case specials, compatibility forms, whitespace,
/// controls, bidi, separators, and anything else.
fn interesting() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        3 => proptest::sample::select(vec![
            'a', 'Z', 'e', 'i', '0', '9', '#', '*', '+', '-', '_', '.', '\'', ' ', '\t', '\n', '\r',
            '\u{0085}', '\u{00A0}', '\u{3000}', '\u{2028}', '\u{0000}', '\u{009B}',
            '\u{0301}', '\u{0308}', '\u{0316}', '\u{094D}', '\u{20E3}', '\u{034F}',
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{00AD}', '\u{180E}',
            '\u{FE0F}', '\u{FE0E}', '\u{E0100}', '\u{180B}', '\u{E0067}', '\u{E007F}', '\u{E0001}',
            '\u{1F3F4}', '\u{1F468}', '\u{1F469}', '\u{2764}', '\u{1F3FD}', '\u{1F1E9}', '\u{1F1EA}',
            '\u{1100}', '\u{1161}', '\u{11A8}', '\u{AC00}', '\u{3164}', '\u{FFA0}', '\u{115F}',
            '\u{0130}', '\u{03A3}', '\u{1E9E}', '\u{00DF}', '\u{2126}', '\u{212A}', '\u{1D2C}',
            '\u{FB01}', '\u{FF21}', '\u{FF0B}', '\u{2460}', '\u{24B6}', '\u{00B2}', '\u{2000}',
            '\u{202E}', '\u{2066}', '\u{200E}', '\u{061C}', '\u{0928}', '\u{0915}', '\u{0937}',
            '\u{0440}', '\u{0430}', '\u{03B1}', '\u{65E5}', '\u{0663}', '\u{2019}', '\u{0345}',
            '\u{0F73}', '\u{0344}', '\u{1E0A}', '\u{0323}', '\u{0D4A}', '\u{FDFA}', '\u{3392}',
        ]),
    ]
}

fn text() -> impl Strategy<Value = String> {
    proptest::collection::vec(interesting(), 0..40).prop_map(|v| v.into_iter().collect())
}

fn preset_or_default() -> impl Strategy<Value = CleanOptions> {
    prop_oneof![
        Just(CleanOptions::default()),
        proptest::sample::select(PRESETS.to_vec()).prop_map(CleanOptions::preset),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn idempotent_for_defaults_and_presets(s in text(), opts in preset_or_default()) {
        let once = value(&s, &opts);
        let twice = clean(&once, &opts).unwrap();
        prop_assert_eq!(&twice.value, &once, "options {:?}", opts);
        prop_assert!(!twice.changed);
        prop_assert!(twice.changes.is_empty(), "{:?}", twice.changes);
    }

    #[test]
    fn never_panics_with_any_options(
        s in text(),
        normalize in proptest::sample::select(vec![Normalization::None, Normalization::Nfc, Normalization::Nfkc]),
        flags in any::<[bool; 7]>(),
        max in proptest::option::of(0u32..12),
        chars in any::<bool>(),
        preset in proptest::option::of(proptest::sample::select(PRESETS.to_vec())),
        letters in any::<bool>(),
    ) {
        let opts = CleanOptions {
            preset,
            normalize: Some(normalize),
            keep_newlines: Some(flags[0]),
            keep_tabs: Some(flags[1]),
            remove_bidi: Some(flags[2]),
            remove_invisible: Some(flags[3]),
            lowercase: Some(flags[4]),
            collapse_whitespace: Some(flags[5]),
            trim: Some(flags[6]),
            allow: letters.then(|| vec![CharClass::Letters, CharClass::Digits, CharClass::Space]),
            max_length: max,
            length_unit: Some(if chars { LengthUnit::Chars } else { LengthUnit::Graphemes }),
            ..Default::default()
        };
        let out = clean(&s, &opts).unwrap();
        if let Some(max) = max {
            let len = if chars { out.value.chars().count() } else { out.value.graphemes(true).count() };
            prop_assert!(len <= max as usize);
        }
        prop_assert_eq!(out.changed, out.value != s);
    }

    #[test]
    fn truncation_is_a_grapheme_prefix(s in text(), max in 0u32..10, chars in any::<bool>()) {
        let unit = if chars { LengthUnit::Chars } else { LengthUnit::Graphemes };
        let full = value(&s, &CleanOptions::default());
        let cut = value(&s, &CleanOptions { max_length: Some(max), length_unit: Some(unit), ..Default::default() });
        prop_assert!(full.starts_with(&cut));
        // The cut is on a grapheme boundary of the full value.
        prop_assert!(full.grapheme_indices(true).any(|(i, _)| i == cut.len()) || cut.len() == full.len());
        let len = if chars { cut.chars().count() } else { cut.graphemes(true).count() };
        prop_assert!(len <= max as usize);
    }

    #[test]
    fn presets_respect_their_allowlists(s in text()) {
        let u = value(&s, &CleanOptions::preset(Preset::Username));
        prop_assert!(u.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_-.".contains(c)), "{:?}", u);
        prop_assert!(u.graphemes(true).count() <= 32);

        let slug = value(&s, &CleanOptions::preset(Preset::Slug));
        prop_assert!(slug.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'), "{:?}", slug);
        prop_assert!(!slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"), "{:?}", slug);

        let phone = value(&s, &CleanOptions::preset(Preset::PhoneDigits));
        let digits = phone.strip_prefix('+').unwrap_or(&phone);
        prop_assert!(digits.chars().all(|c| c.is_ascii_digit()), "{:?}", phone);

        let name = value(&s, &CleanOptions::preset(Preset::Name));
        prop_assert!(!name.contains("  ") && name.trim() == name, "{:?}", name);
        prop_assert!(name.chars().all(|c| c.is_alphabetic()
            || unicode_normalization::char::is_combining_mark(c)
            || c == ' ' || "'\u{2019}-.".contains(c)), "{:?}", name);
        prop_assert!(name.graphemes(true).count() <= 100);
    }

    #[test]
    fn defaults_remove_controls_bidi_and_plain_invisibles(s in text()) {
        let out = value(&s, &CleanOptions::default());
        let bad_control = out.chars().any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}'));
        prop_assert!(!bad_control, "{:?}", out);
        let bidi = out.chars().any(|c| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}'));
        prop_assert!(!bidi, "{:?}", out);
        let invisible = out.chars().any(|c| matches!(c, '\u{200B}' | '\u{200C}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}'));
        prop_assert!(!invisible, "{:?}", out);
        prop_assert!(unicode_normalization::is_nfc(&out));
    }

    #[test]
    fn confusable_is_skeleton_equality(a in text(), b in text()) {
        prop_assert_eq!(are_confusable(&a, &b), skeleton(&a) == skeleton(&b));
        prop_assert!(are_confusable(&a, &a));
        let r = analyze_scripts(&a);
        let mut sorted = r.scripts.clone();
        sorted.sort();
        sorted.dedup();
        prop_assert_eq!(sorted, r.scripts);
    }
}
