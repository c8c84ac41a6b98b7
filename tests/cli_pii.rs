//! `fieldguard scan` (text mode: findings as JSON lines with byte and code
//! point offsets; field names in file reports) and `check` with PII steps.
//! The rest of the file reports and `anonymize`: tests/cli_anonymize.rs.
#![cfg(feature = "cli")]

mod common;

use common::cli::{fg, stdout};
use predicates::prelude::*;
use serde_json::Value;

fn lines(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn byte_and_code_point_offsets_after_emoji_and_combining_marks() {
    // "😀" is 4 bytes / 1 code point; "e\u{301}" is 3 bytes / 2 code points.
    let text = "😀 e\u{301} bob@example.com";
    let out = fg().args(["scan", "--text", text]).assert().success();
    let found = lines(&stdout(&out));
    assert_eq!(found.len(), 1, "{found:?}");
    let f = &found[0];
    assert_eq!(f["type"], "EMAIL_ADDRESS");
    let (start, end) = (
        f["start"].as_u64().unwrap() as usize,
        f["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "bob@example.com");
    assert_eq!((start, end), (9, 24));
    assert_eq!(
        (f["charStart"].as_u64(), f["charEnd"].as_u64()),
        (Some(5), Some(20))
    );
    assert!(f["score"].as_u64().unwrap() <= 100);
    assert!(f["recognizer"].as_str().is_some_and(|r| !r.is_empty()));
}

#[test]
fn per_line_mode_numbers_lines_from_one() {
    let input = "nothing here\n{\"note\": \"card 4111 1111 1111 1111\"}\nIBAN GB82 WEST 1234 5698 7654 32\n";
    let out = fg()
        .args(["scan", "--lines"])
        .write_stdin(input)
        .assert()
        .success();
    let found = lines(&stdout(&out));
    let summary: Vec<(u64, &str)> = found
        .iter()
        .map(|f| (f["line"].as_u64().unwrap(), f["type"].as_str().unwrap()))
        .collect();
    assert_eq!(summary, [(2, "CREDIT_CARD"), (3, "IBAN_CODE")]);
    // Offsets are within the line.
    assert_eq!(found[1]["start"], 5);
}

#[test]
fn options_and_errors() {
    let out = fg()
        .args([
            "scan",
            "--options",
            r#"{"entities": ["IBAN_CODE"]}"#,
            "--text",
            "bob@example.com GB82WEST12345698765432",
        ])
        .assert()
        .success();
    let found = lines(&stdout(&out));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0]["type"], "IBAN_CODE");
    fg().args([
        "scan",
        "--options",
        r#"{"entities": ["NOT_A_TYPE"]}"#,
        "--text",
        "x",
    ])
    .assert()
    .code(1)
    .stderr(predicate::str::contains("INVALID_ARGUMENT"));
    fg().args([
        "scan",
        "--options",
        r#"{"maxInputBytes": 4}"#,
        "--text",
        "longer than four",
    ])
    .assert()
    .code(1)
    .stderr(predicate::str::contains("INPUT_TOO_LARGE"));
}

#[test]
fn check_applies_pii_steps_with_a_keyring_and_refuses_without_one() {
    let dir = tempfile::tempdir().unwrap();
    let keyring = dir.path().join("keyring.json");
    fg().args(["keygen", "--out"])
        .arg(&keyring)
        .assert()
        .success();
    let policy = dir.path().join("policy.json");
    std::fs::write(
        &policy,
        r#"{"version": 1, "fields": {"email": {"anonymize": {"op": "pseudonymize"}}},
            "pii": {"operators": {"EMAIL_ADDRESS": {"op": "pseudonymize"}}}}"#,
    )
    .unwrap();
    let input = "{\"email\":\"ana@example.org\",\"note\":\"cc ana@example.org, card 4111 1111 1111 1111\"}\n";
    let run = || {
        fg().args(["check", "--policy"])
            .arg(&policy)
            .arg("--keyring")
            .arg(&keyring)
            .write_stdin(input)
            .assert()
            .success()
            .stderr(predicate::str::contains("3 PII values anonymized"))
    };
    let out = stdout(&run());
    let record: Value = serde_json::from_str(out.trim()).unwrap();
    let fake = record["email"].as_str().unwrap();
    assert!(
        fake.ends_with("@example.org") && fake != "ana@example.org",
        "{fake}"
    );
    assert_eq!(record["note"], format!("cc {fake}, card <CREDIT_CARD>"));
    assert!(!out.contains("ana@example.org") && !out.contains("4111"));
    assert_eq!(stdout(&run()), out, "same keyring, same pseudonyms");

    // Without a keyring source: a clear error, no output.
    let out_file = dir.path().join("out.ndjson");
    fg().env_remove("FIELDGUARD_KEYRING")
        .env_remove("FIELDGUARD_KEYRING_FILE")
        .args(["check", "--policy"])
        .arg(&policy)
        .arg("--out")
        .arg(&out_file)
        .write_stdin(input)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("pseudonymizes"));
    assert!(!out_file.exists());
}

/// `scan FILE` names fields exactly as policy reports do (both walk records
/// with `fieldguard::path::walk_leaves`): a key holding a dot is quoted,
/// array positions are `[*]`. (Before, `scan` wrote `a.b` for the key
/// `"a.b"`, which reads as member `b` of `a`.)
#[test]
fn file_reports_name_fields_as_policy_reports_do() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("users.ndjson");
    std::fs::write(
        &input,
        "{\"a.b\": \"mail ana@example.org\", \"a\": {\"b\": 1}, \"orders\": [{\"note\": \"bo@example.net\"}], \"id\": 4111111111111111}\n",
    )
    .unwrap();
    let out = fg().args(["scan", "--json"]).arg(&input).assert().success();
    let report: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    let mut scanned: Vec<String> = report["files"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_owned())
        .collect();
    scanned.sort();
    assert_eq!(scanned, [r#"["a.b"]"#, "id", "orders[*].note"]);

    let policy = dir.path().join("policy.json");
    std::fs::write(&policy, r#"{"version": 1, "pii": {}}"#).unwrap();
    let report = dir.path().join("report.ndjson");
    fg().args(["check", "--quiet", "--policy"])
        .arg(&policy)
        .arg("--in")
        .arg(&input)
        .arg("--report")
        .arg(&report)
        .assert()
        .success();
    let line: Value =
        serde_json::from_str(std::fs::read_to_string(&report).unwrap().trim()).unwrap();
    let mut checked: Vec<String> = line["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap().to_owned())
        .collect();
    checked.sort();
    assert_eq!(checked, scanned);
}
