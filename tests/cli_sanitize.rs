//! The sanitize subcommands of the CLI: clean, escape, validate,
//! sanitize-html, detect and check (policies over records).
#![cfg(feature = "cli")]

mod common;

use common::cli::{fg, stdout};
use predicates::prelude::*;
use std::fs;

#[test]
fn clean_prints_the_value_or_the_report() {
    let out = fg()
        .args(["clean", "--preset", "username", " Alice.Smith "])
        .assert()
        .success();
    assert_eq!(stdout(&out), "alice.smith\n");
    // The same options as the JS API, and a value from stdin.
    let out = fg()
        .args(["clean", "--report", "--options", r#"{"normalize":"nfkc"}"#])
        .write_stdin("ﬁle\u{202E}\n")
        .assert()
        .success();
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["value"], "file");
    assert_eq!(report["changes"][0]["kind"], "normalized");
    assert_eq!(report["changes"][1]["kind"], "removed-bidi");
    // A reject rule is an error that names the position, not the value.
    fg().args([
        "clean",
        "--options",
        r#"{"preset":"username","disallowed":"reject"}"#,
        "bad name!",
    ])
    .assert()
    .code(1)
    .stderr(
        predicate::str::contains("VALUE_INVALID").and(predicate::str::contains("bad name").not()),
    );
    fg().args(["clean", "--options", r#"{"normalise":"nfc"}"#, "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("INVALID_ARGUMENT"));
}

#[test]
fn escape_per_context() {
    let out = fg()
        .args(["escape", "--context", "html-text", "<b>&"])
        .assert()
        .success();
    assert_eq!(stdout(&out), "&lt;b&gt;&amp;\n");
    let out = fg()
        .args(["escape", "--context", "url-component", "a b/é"])
        .assert()
        .success();
    assert_eq!(stdout(&out), "a%20b%2F%C3%A9\n");
    fg().args(["escape", "--context", "sql", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("INVALID_ARGUMENT"));
}

#[test]
fn validate_prints_the_canonical_form_or_the_reason() {
    let out = fg()
        .args(["validate", "iban", "gb82 west 1234 5698 7654 32"])
        .assert()
        .success();
    assert_eq!(stdout(&out), "GB82WEST12345698765432\n");
    let out = fg()
        .args([
            "validate",
            "phone",
            "020 7946 0958",
            "--options",
            r#"{"defaultCountry":"GB"}"#,
        ])
        .assert()
        .success();
    assert_eq!(stdout(&out), "+442079460958\n");
    fg().args(["validate", "iban", "GB82WEST12345698765433"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("VALUE_INVALID")
                .and(predicate::str::contains("IBAN_CHECKSUM"))
                .and(predicate::str::contains("GB82WEST").not()),
        );
    // --json: the outcome on stdout, exit 1 when invalid.
    let out = fg()
        .args(["validate", "email", "--json", "alice@"])
        .assert()
        .code(1);
    let outcome: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(outcome["valid"], false);
    assert_eq!(outcome["reason"], "EMAIL_DOMAIN_INVALID");
    fg().args(["validate", "ssn", "x"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("INVALID_ARGUMENT"));
}

#[test]
fn detect_prints_findings_and_check_sets_the_exit_status() {
    let attack = "1' UNION SELECT password FROM users--";
    let out = fg().args(["detect", attack]).assert().success();
    let findings: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(findings[0]["category"], "sql");
    fg().args(["detect", "--check", attack]).assert().code(1);
    let out = fg()
        .args(["detect", "--check", "O'Brien ordered a drop-down menu"])
        .assert()
        .success();
    assert_eq!(stdout(&out), "[]\n");
}

#[test]
fn detect_ndjson_screens_one_value_per_line_in_order() {
    // Values may hold newlines (JSON-escaped); blank lines are skipped.
    let input = "\"1' OR 1=1--\"\n\n\"line one\\nline two\"\n\"<script>alert(1)</script>\"\n";
    let out = fg()
        .args(["detect", "--ndjson"])
        .write_stdin(input)
        .assert()
        .success();
    let lines: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[0].contains("\"category\":\"sql\""), "{}", lines[0]);
    assert_eq!(lines[1], "[]");
    assert!(lines[2].contains("\"category\":\"xss\""), "{}", lines[2]);
    fg().args(["detect", "--ndjson", "--check"])
        .write_stdin(input)
        .assert()
        .code(1);
    // A line that is not a JSON string fails before anything is printed, by
    // line number and without echoing it.
    fg().args(["detect", "--ndjson"])
        .write_stdin("\"fine\"\nsecret-value-not-json\n")
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("error[INVALID_ARGUMENT]"))
        .stderr(predicate::str::contains("stdin line 2"))
        .stderr(predicate::str::contains("secret-value").not());
}

#[test]
fn sanitize_html_file_to_file() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.html");
    let output = dir.path().join("out.html");
    fs::write(
        &input,
        "<p onclick=\"x()\">Hi <script>alert(1)</script><a href=\"javascript:x\">l</a></p>",
    )
    .unwrap();
    fg().args(["sanitize-html", "--in"])
        .arg(&input)
        .arg("--out")
        .arg(&output)
        .assert()
        .success();
    let html = fs::read_to_string(&output).unwrap();
    assert!(html.starts_with("<p>Hi "), "{html}");
    assert!(!html.contains("script") && !html.contains("onclick") && !html.contains("javascript"));
    fg().args(["sanitize-html", "--options", r#"{"tags":["script"]}"#])
        .write_stdin("x")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("INVALID_ARGUMENT"));
}

#[test]
fn check_applies_a_policy_to_records() {
    let dir = tempfile::tempdir().unwrap();
    let policy = dir.path().join("policy.json");
    fs::write(
        &policy,
        r#"{"version": 1, "fields": {
            "name": {"clean": {"preset": "name"}, "onViolation": "clean"},
            "email": {"required": true, "validate": {"type": "email"}, "onViolation": "clean"},
            "comment": {"detect": {}, "onViolation": "clean"}
        }}"#,
    )
    .unwrap();
    let input = dir.path().join("in.ndjson");
    fs::write(
        &input,
        "{\"name\":\" Zoë \",\"email\":\"zoe@EXAMPLE.com\"}\n{\"name\":\"Bob\",\"email\":\"bob@\",\"comment\":\"' OR 1=1 --\"}\n",
    )
    .unwrap();
    let out = dir.path().join("out.ndjson");
    let report = dir.path().join("report.ndjson");
    fg().args(["check", "--policy"])
        .arg(&policy)
        .arg("--in")
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .arg("--report")
        .arg(&report)
        .assert()
        .success()
        .stderr(predicate::str::contains("checked 2 records"));
    let lines: Vec<serde_json::Value> = fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(
        lines[0],
        serde_json::json!({"name": "Zoë", "email": "zoe@example.com"})
    );
    assert_eq!(
        lines[1],
        serde_json::json!({"name": "Bob", "email": null, "comment": null})
    );
    let report = fs::read_to_string(&report).unwrap();
    assert!(report.contains("EMAIL_DOMAIN_INVALID") && report.contains("INJECTION"));
    assert!(
        !report.contains("bob@") && !report.contains("OR 1=1"),
        "the report never holds values"
    );

    // A reject rule fails the run, names line and field, and leaves no output file.
    fs::write(
        &policy,
        r#"{"version": 1, "fields": {"email": {"validate": {"type": "email"}}}}"#,
    )
    .unwrap();
    let rejected = dir.path().join("rejected.ndjson");
    fg().args(["check", "--policy"])
        .arg(&policy)
        .arg("--in")
        .arg(&input)
        .arg("--out")
        .arg(&rejected)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("VALUE_INVALID")
                .and(predicate::str::contains("line 2"))
                .and(predicate::str::contains("field email"))
                .and(predicate::str::contains("bob@").not()),
        );
    assert!(!rejected.exists());

    fs::write(
        &policy,
        r#"{"version": 1, "fields": {"email": {"validat": {}}}}"#,
    )
    .unwrap();
    fg().args(["check", "--policy"])
        .arg(&policy)
        .arg("--in")
        .arg(&input)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("POLICY_INVALID"));
}
