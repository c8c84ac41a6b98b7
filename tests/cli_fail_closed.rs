//! The CLI fails closed (issue 12): a gate fails on what it could not read,
//! no subcommand panics or reports success on an I/O failure, and bad input
//! never turns into silent, partial or lost output. Each test here failed
//! before its fix.
#![cfg(feature = "cli")]

mod common;

use common::cli::{fg, stdout};
use predicates::prelude::*;
use std::fs;

/// Records `scan` cannot parse, each hiding an email.
const UNREADABLE: &[(&str, &[u8])] = &[
    ("unterminated.ndjson", b"{\"email\":\"x@example.com\"\n"),
    ("bom.ndjson", b"\xef\xbb\xbf{\"email\":\"x@example.com\"}\n"),
    ("utf8.ndjson", b"{\"email\":\"x@example.com\xff\"}\n"),
    (
        "surrogate.ndjson",
        b"{\"email\":\"x@example.com\\ud800\"}\n",
    ),
    ("nul.ndjson", b"{\"email\":\"x@example.com\x00\"}\n"),
    ("ragged.csv", b"id,email\n1,x@example.com,extra\n"),
    ("unterminated.csv", b"id,email\n1,\"x@example.com\n"),
    ("element.json", b"[{\"email\": \"x@example.com\" \"b\": 1}]"),
];

#[test]
fn scan_fail_on_fails_on_records_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in UNREADABLE {
        let path = dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        let out = fg()
            .args(["scan", "--fail-on", "any"])
            .arg(&path)
            .assert()
            .code(1);
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(
            err.contains("could not") || err.contains("error["),
            "{name}: {err}"
        );
        assert!(!err.contains("x@example.com"), "{name}: {err}");
        // Without a gate the report still says so.
        let out = fg().args(["scan", "--json"]).arg(&path).assert();
        let out = out.get_output();
        if out.status.success() {
            let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            assert!(
                report["files"][0]["unreadable"].as_u64() > Some(0),
                "{name}"
            );
            assert!(
                String::from_utf8_lossy(&out.stderr).contains("not scanned"),
                "{name}"
            );
        }
    }
    // A readable file with no PII still passes the gate.
    let clean = dir.path().join("clean.ndjson");
    fs::write(&clean, "{\"n\":1}\n").unwrap();
    fg().args(["scan", "--fail-on", "any"])
        .arg(&clean)
        .assert()
        .success();
}

#[test]
fn scan_examples_never_show_a_whole_value() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("short.ndjson");
    let values = [
        "a@b.co",
        "ab@cd.io",
        "4111111111111111",
        "+44 20 7946 0958",
        "10.0.0.1",
    ];
    let lines: Vec<String> = values
        .iter()
        .map(|v| serde_json::json!({ "v": v }).to_string())
        .collect();
    fs::write(&path, lines.join("\n")).unwrap();
    let out = fg().args(["scan", "--json"]).arg(&path).assert().success();
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let findings = report["files"][0]["findings"].as_array().unwrap();
    assert!(findings.len() >= 3, "{report}");
    for f in findings {
        let example = f["example"].as_str().unwrap();
        assert!(example.contains('*'), "{example}");
        assert!(!values.contains(&example), "{example}");
        let local = example.split('@').next().unwrap();
        assert!(
            !local.chars().any(|c| c.is_alphanumeric()) || local.len() > 3,
            "{example}"
        );
    }
}
