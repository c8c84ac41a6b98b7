//! The `fieldguard` CLI, run as a user would (assert_cmd).
#![cfg(feature = "cli")]

mod common;

use assert_cmd::Command;
use common::cli::{fg, stdout};
use predicates::prelude::*;
use std::fs;
use std::path::Path;

fn keygen(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("keyring.json");
    fg().args(["keygen", "--out"]).arg(&path).assert().success();
    path
}

/// `fieldguard OP --keyring KR --in INPUT --out OUT EXTRA...` (record mode).
fn records(op: &str, kr: &Path, input: &Path, out: &Path, extra: &[&str]) -> Command {
    let mut cmd = fg();
    cmd.arg(op)
        .arg("--keyring")
        .arg(kr)
        .arg("--in")
        .arg(input)
        .arg("--out")
        .arg(out)
        .args(extra);
    cmd
}

#[test]
fn keygen_writes_an_owner_only_file_and_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let path = keygen(dir.path());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }
    let before = fs::read(&path).unwrap();
    fg().args(["keygen", "--out"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("INVALID_ARGUMENT").and(predicate::str::contains("--force")),
        );
    assert_eq!(fs::read(&path).unwrap(), before);
    // Key material goes to the file, never to the terminal.
    let material = fieldguard::Keyring::from_file(&path).unwrap();
    assert!(material.keys().count() == 1);
}

#[test]
fn single_values_from_arguments_and_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let kr = keygen(dir.path());
    let out = fg()
        .args(["encrypt", "--context", "users.email", "--keyring"])
        .arg(&kr)
        .arg("alice@example.com")
        .assert()
        .success();
    let token = stdout(&out).trim().to_owned();
    assert!(token.starts_with("fg."));
    fg().args(["decrypt", "--context", "users.email", "--keyring"])
        .arg(&kr)
        .write_stdin(format!("{token}\n"))
        .assert()
        .success()
        .stdout("alice@example.com\n");
    fg().args(["decrypt", "--context", "users.phone", "--keyring"])
        .arg(&kr)
        .arg(&token)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("error[DECRYPT_FAILED]"));
    fg().args(["inspect", &token])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"format\":\"randomized\""));
    // Deterministic: the same value twice gives the same token.
    let det = |v: &str| {
        stdout(
            &fg()
                .args(["encrypt", "--deterministic", "--keyring"])
                .arg(&kr)
                .arg(v)
                .assert()
                .success(),
        )
    };
    assert_eq!(det("x"), det("x"));
    assert_ne!(det("x"), det("y"));
}

#[test]
fn keyring_from_environment_and_secret_file() {
    let dir = tempfile::tempdir().unwrap();
    let kr = keygen(dir.path());
    let json = fs::read_to_string(&kr).unwrap();
    let token = stdout(
        &fg()
            .env("FIELDGUARD_KEYRING", &json)
            .args(["encrypt", "v"])
            .assert()
            .success(),
    );
    fg().env("MY_KEYS", &json)
        .args(["decrypt", "--keyring-env", "MY_KEYS", token.trim()])
        .assert()
        .success()
        .stdout("v\n");
    fg().env("FIELDGUARD_SECRETS_DIR", dir.path())
        .args(["decrypt", "--keyring-secret", "keyring.json", token.trim()])
        .assert()
        .success()
        .stdout("v\n");
    fg().env("FIELDGUARD_SECRETS_DIR", dir.path())
        .args(["decrypt", "--keyring-secret", "../etc/passwd", token.trim()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("KEYRING_SOURCE"));
    fg().args(["decrypt", token.trim()])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("KEYRING_SOURCE")
                .and(predicate::str::contains("FIELDGUARD_KEYRING")),
        );
    // A malformed keyring: the error names the position, not the content.
    let bad = json.replace(
        "\"version\": 1",
        "\"version\": 1, \"extra\": \"SECRET-LOOKING\"",
    );
    fg().env("FIELDGUARD_KEYRING", &bad)
        .args(["encrypt", "v"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("KEYRING_INVALID")
                .and(predicate::str::contains("SECRET-LOOKING").not()),
        );
}

#[test]
fn records_round_trip_through_rotation_in_json_and_ndjson() {
    let dir = tempfile::tempdir().unwrap();
    let kr = keygen(dir.path());
    let input = dir.path().join("in.ndjson");
    let original = "{\"id\":1,\"user\":{\"email\":\"a@x.org\"},\"cards\":[{\"n\":\"4111\"},{\"n\":\"5500\"}],\"big\":123456789012345678901234567890}\n\
                    {\"id\":\"u2\",\"user\":{\"email\":null},\"cards\":[]}\n";
    fs::write(&input, original).unwrap();
    let fields = [
        "--field",
        "user.email",
        "--field",
        "cards[*].n",
        "--record-id",
        "id",
    ];
    let enc = dir.path().join("enc.ndjson");
    records("encrypt", &kr, &input, &enc, &fields)
        .assert()
        .success()
        .stderr(predicate::str::contains("encrypted 3 values in 2 records"));
    let encrypted = fs::read_to_string(&enc).unwrap();
    assert!(!encrypted.contains("a@x.org") && !encrypted.contains("4111"));
    assert!(
        encrypted.contains("123456789012345678901234567890"),
        "big numbers survive exactly"
    );

    fg().args(["rotate", "--keyring"])
        .arg(&kr)
        .assert()
        .success();
    let rot = dir.path().join("rot.json");
    // The output format follows the input (NDJSON), whatever the .json name;
    // reading it back needs --format, which overrides the extension.
    records("reencrypt", &kr, &enc, &rot, &fields)
        .assert()
        .success();
    let dec = dir.path().join("dec.ndjson");
    records(
        "decrypt",
        &kr,
        &rot,
        &dec,
        &[&fields[..], &["--format", "ndjson"]].concat(),
    )
    .assert()
    .success();
    assert_eq!(fs::read_to_string(&dec).unwrap(), original);
}

#[test]
fn a_failure_leaves_no_output_file_and_keeps_an_existing_one() {
    let dir = tempfile::tempdir().unwrap();
    let kr = keygen(dir.path());
    let input = dir.path().join("in.ndjson");
    fs::write(
        &input,
        "{\"email\":\"ok@x.org\"}\n{\"email\": \"leak@x.org\"\n",
    )
    .unwrap();
    let out = dir.path().join("out.ndjson");
    records("encrypt", &kr, &input, &out, &["--field", "email"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("RECORD_INVALID")
                .and(predicate::str::contains("line 2"))
                .and(predicate::str::contains("leak").not()),
        );
    assert!(!out.exists(), "no partial output");
    fs::write(&out, "previous").unwrap();
    records("encrypt", &kr, &input, &out, &["--field", "email"])
        .assert()
        .code(1);
    assert_eq!(fs::read_to_string(&out).unwrap(), "previous");
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(leftovers.len(), 3, "no temporary files left: {leftovers:?}");
}

#[test]
fn type_and_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let kr = keygen(dir.path());
    fg().args(["encrypt", "--field", "n", "--keyring"])
        .arg(&kr)
        .write_stdin("{\"n\":5}\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("FIELD_TYPE"));
    fg().args(["encrypt", "--field", "a..b", "--keyring"])
        .arg(&kr)
        .write_stdin("{}\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("FIELD_PATH_INVALID"));
    fg().args(["decrypt", "--field", "n", "--keyring"])
        .arg(&kr)
        .write_stdin("{\"n\":\"plain\"}\n")
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("TOKEN_MALFORMED").and(predicate::str::contains("line 1")),
        );
    fg().args(["encrypt", "--key", "AAAA"]).assert().code(2);
    fg().args(["rotate", "--keyring"])
        .arg(dir.path().join("missing.json"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("KEYRING_SOURCE"));
}
