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

/// The binary under test, for runs that need a shell (closed descriptors,
/// /dev/full, pipes) or signals.
fn bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("fieldguard")
}

/// `sh -c SCRIPT` with `$FG` the binary, in `dir`: (status, stderr).
fn shell(dir: &std::path::Path, script: &str) -> (i32, String) {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("FG", bin())
        .env_remove("FIELDGUARD_KEYRING")
        .env_remove("FIELDGUARD_KEYRING_FILE")
        .env_remove("FIELDGUARD_SECRETS_DIR")
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fg().args(["keygen", "--out"])
        .arg(dir.path().join("k.json"))
        .assert()
        .success();
    fs::write(
        dir.path().join("r.json"),
        r#"[{"id":"1","email":"a@b.co","cards":[{"n":"4111111111111111"}]}]"#,
    )
    .unwrap();
    fs::write(
        dir.path().join("r.ndjson"),
        "{\"id\":\"1\",\"email\":\"a@b.co\"}\n",
    )
    .unwrap();
    dir
}

/// Every subcommand that writes to stdout, with stdout full, broken or
/// closed: a non-zero exit with `error[IO]` naming stdout — never a panic
/// (exit 101), never success.
#[test]
fn no_subcommand_panics_or_succeeds_when_stdout_fails() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    let dir = setup();
    let token = {
        let out = fg()
            .args(["encrypt", "--keyring", "k.json", "x"])
            .current_dir(dir.path())
            .assert()
            .success();
        stdout(&out).trim().to_owned()
    };
    let commands = [
        format!("$FG inspect {token}"),
        "$FG keygen".into(),
        "$FG encrypt --keyring k.json v".into(),
        format!("$FG decrypt --keyring k.json {token}"),
        "$FG encrypt --keyring k.json --field email --record-id id --in r.json".into(),
        "$FG anonymize --keyring k.json --format ndjson < r.ndjson".into(),
        "$FG scan --json r.ndjson".into(),
        "$FG scan r.ndjson".into(),
        "$FG scan --text a@b.co".into(),
        "$FG clean ' x '".into(),
        "$FG escape --context html-text '<a>'".into(),
        "echo '<b>x</b>' | $FG sanitize-html".into(),
        "$FG check --policy p.json --in r.ndjson --format ndjson".into(),
    ];
    fs::write(
        dir.path().join("p.json"),
        r#"{"version":1,"fields":{"email":{"validate":{"type":"email"}}}}"#,
    )
    .unwrap();
    for command in &commands {
        for (how, redirect) in [("full", "> /dev/full"), ("closed", ">&-")] {
            let (status, err) = shell(dir.path(), &format!("{command} {redirect}"));
            assert_eq!(status, 1, "{command} {how}: {err}");
            assert!(
                err.contains("error[IO]") && err.contains("stdout"),
                "{command} {how}: {err}"
            );
            assert!(!err.contains("panicked"), "{command} {how}: {err}");
        }
        // A reader that goes away: the pipe breaks (SIGPIPE is ignored by
        // Rust programs, so the write fails with EPIPE).
        // (sh has no pipefail: the panic message is what tells.)
        let (_, err) = shell(dir.path(), &format!("{command} | true"));
        assert!(!err.contains("panicked"), "{command} | true: {err}");
    }
}

#[test]
fn a_closed_stdin_is_an_error_not_an_empty_value() {
    let dir = setup();
    for command in [
        "$FG encrypt --keyring k.json",
        "$FG inspect",
        "$FG clean",
        "$FG anonymize --keyring k.json --format ndjson",
        "$FG scan",
        "$FG encrypt --keyring k.json --field email",
    ] {
        let (status, err) = shell(dir.path(), &format!("{command} <&-"));
        assert_eq!(status, 1, "{command}: {err}");
        assert!(
            err.contains("error[IO]") && err.contains("stdin is closed"),
            "{command}: {err}"
        );
    }
    // A closed stdout does not stop a command that writes to a file.
    let (status, err) = shell(dir.path(), "$FG keygen --out k2.json >&-");
    assert_eq!(status, 0, "{err}");
    assert!(fieldguard::Keyring::from_file(dir.path().join("k2.json")).is_ok());
}

#[test]
fn a_failed_write_names_the_output_not_the_input() {
    if !std::path::Path::new("/dev/full").exists() {
        return;
    }
    let dir = setup();
    for command in [
        "$FG encrypt --keyring k.json --field email --record-id id --in r.json",
        "$FG anonymize --keyring k.json --format ndjson < r.ndjson",
    ] {
        let (status, err) = shell(dir.path(), &format!("{command} > /dev/full"));
        assert_eq!(status, 1, "{command}: {err}");
        assert!(err.contains("cannot write stdout"), "{command}: {err}");
        assert!(
            !err.contains("r.json") && !err.contains("stdin:"),
            "{command}: {err}"
        );
        assert!(!err.contains("read error"), "{command}: {err}");
    }
}

#[test]
fn an_unterminated_csv_quote_is_a_record_error_with_its_line() {
    let dir = setup();
    fs::write(dir.path().join("q.csv"), "id,email\n1,\"a@b.co\n2,c@d.co\n").unwrap();
    fg().args(["anonymize", "--keyring", "k.json", "--out", "out", "q.csv"])
        .current_dir(dir.path())
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("error[RECORD_INVALID]")
                .and(predicate::str::contains("line 2"))
                .and(predicate::str::contains("a@b.co").not()),
        );
    assert!(!dir.path().join("out/q.csv").exists());
    // With --skip-bad the record is left out and counted, not swallowed.
    fg().args([
        "anonymize",
        "--keyring",
        "k.json",
        "--skip-bad",
        "--json",
        "--out",
        "out",
        "q.csv",
    ])
    .current_dir(dir.path())
    .assert()
    .success()
    .stdout(
        predicate::str::contains("\"records\":1").and(predicate::str::contains("\"written\":0")),
    );
}

/// Temporary files of the atomic output: removed on SIGINT and SIGTERM, and
/// a later run into the same directory removes those of dead runs.
#[cfg(target_os = "linux")]
#[test]
fn interrupted_runs_leave_no_temporary_files() {
    use std::io::Write as _;
    let dir = setup();
    // Enough records that the run is still going when the signal comes.
    let mut big = fs::File::create(dir.path().join("big.ndjson")).unwrap();
    for i in 0..400_000 {
        writeln!(
            big,
            "{{\"id\":\"{i}\",\"note\":\"mail ana{i}@example.org or call +44 20 7946 0958\"}}"
        )
        .unwrap();
    }
    drop(big);
    let temps = |dir: &std::path::Path| -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter(|n| n.starts_with(".fieldguard-"))
            .collect()
    };
    for signal in ["INT", "TERM"] {
        let out = dir.path().join(format!("out-{signal}"));
        let mut child = std::process::Command::new(bin())
            .args([
                "anonymize",
                "--keyring",
                "k.json",
                "--threads",
                "1",
                "--out",
            ])
            .arg(&out)
            .arg("big.ndjson")
            .current_dir(dir.path())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Wait until the temporary file exists, then interrupt.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while (!out.exists() || temps(&out).is_empty()) && std::time::Instant::now() < deadline {
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        assert!(
            !temps(&out).is_empty(),
            "{signal}: the run ended before the signal"
        );
        std::process::Command::new("kill")
            .args([format!("-{signal}"), child.id().to_string()])
            .status()
            .unwrap();
        let status = child.wait().unwrap();
        assert!(!status.success(), "{signal}");
        assert_eq!(temps(&out), Vec::<String>::new(), "{signal}");
        assert!(!out.join("big.ndjson").exists(), "{signal}");
    }
    // A dead run's file (pid 4194304 is above Linux's pid_max) is removed;
    // a live process's and one without a pid are not.
    let out = dir.path().join("out-stale");
    fs::create_dir(&out).unwrap();
    let live = format!(".fieldguard-{}-live", std::process::id());
    for name in [
        ".fieldguard-4194304-dead",
        live.as_str(),
        ".fieldguard-nopid",
    ] {
        fs::write(out.join(name), "secret").unwrap();
    }
    fg().args(["anonymize", "--keyring", "k.json", "--out"])
        .arg(&out)
        .arg("r.ndjson")
        .current_dir(dir.path())
        .assert()
        .success();
    let mut left = temps(&out);
    left.sort();
    assert_eq!(left, vec![live, ".fieldguard-nopid".to_owned()]);
}

/// A policy without a `pii` section used to copy every email outside its
/// fields in clear and exit 0 without a word.
#[test]
fn anonymize_with_a_policy_without_pii_still_scans_and_says_what_it_skipped() {
    let dir = setup();
    fs::write(
        dir.path().join("p.json"),
        r#"{"version":1,"fields":{"x":{"anonymize":{"op":"redact"}},"id":{"scan":false}}}"#,
    )
    .unwrap();
    fs::write(
        dir.path().join("in.ndjson"),
        "{\"id\":\"a@b.co\",\"x\":\"c@d.co\",\"y\":\"mail e@example.com\"}\n",
    )
    .unwrap();
    fg().args([
        "anonymize",
        "--policy",
        "p.json",
        "--out",
        "out",
        "in.ndjson",
    ])
    .current_dir(dir.path())
    .assert()
    .success()
    .stderr(predicate::str::contains(
        "not scanned for PII (left to their rules): id",
    ));
    let out = fs::read_to_string(dir.path().join("out/in.ndjson")).unwrap();
    assert_eq!(
        out,
        "{\"id\":\"a@b.co\",\"x\":\"\",\"y\":\"mail <EMAIL_ADDRESS>\"}\n"
    );

    fs::write(dir.path().join("off.json"), r#"{"version":1,"scan":false}"#).unwrap();
    fg().args([
        "anonymize",
        "--policy",
        "off.json",
        "--out",
        "off",
        "in.ndjson",
    ])
    .current_dir(dir.path())
    .assert()
    .success()
    .stderr(predicate::str::contains("turns the PII scan off"));
}
