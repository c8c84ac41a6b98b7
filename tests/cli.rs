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

/// Encrypt `input` (named `name`) and decrypt the result back, both through
/// record mode with `extra` flags; returns the encrypted text.
fn round_trip(dir: &Path, kr: &Path, name: &str, input: &str, extra: &[&str]) -> String {
    let plain = dir.join(name);
    fs::write(&plain, input).unwrap();
    let enc = dir.join(format!("enc.{name}"));
    records("encrypt", kr, &plain, &enc, extra)
        .assert()
        .success();
    let dec = dir.join(format!("dec.{name}"));
    records("decrypt", kr, &enc, &dec, extra).assert().success();
    assert_eq!(fs::read_to_string(&dec).unwrap(), input, "{name}");
    fs::read_to_string(&enc).unwrap()
}

#[test]
fn records_round_trip_in_csv_json_arrays_and_ndjson_in_parallel() {
    let dir = tempfile::tempdir().unwrap();
    let kr = keygen(dir.path());
    let fields = ["--field", "email", "--record-id", "id", "--threads", "3"];

    let csv = "id,email,note\n1,a@x.org,\"hi, there\"\n2,,\"multi\nline\"\n3,c@x.org,x\n";
    let enc = round_trip(dir.path(), &kr, "users.csv", csv, &fields);
    let mut lines = enc.lines();
    assert_eq!(lines.next(), Some("id,email,note"));
    assert!(lines.next().unwrap().starts_with("1,fg."), "{enc}");
    assert!(!enc.contains("a@x.org"));

    // Semicolons, and a JSON array large enough for several parallel
    // batches: the output keeps the input order.
    let semi = "id;email\n9;z@x.org\n";
    let enc = round_trip(
        dir.path(),
        &kr,
        "semi.csv",
        semi,
        &[&fields[..], &["--delimiter", ";"]].concat(),
    );
    assert!(enc.starts_with("id;email\n9;fg."), "{enc}");

    let rows: Vec<serde_json::Value> = (0..2500)
        .map(|i| serde_json::json!({"id": i, "email": format!("u{i}@x.org"), "n": [i]}))
        .collect();
    let array = format!("{}\n", serde_json::to_string_pretty(&rows).unwrap());
    let enc = round_trip(dir.path(), &kr, "users.json", &array, &fields);
    let encrypted: Vec<serde_json::Value> = serde_json::from_str(&enc).unwrap();
    assert_eq!(encrypted.len(), 2500);
    assert_eq!(encrypted[2499]["id"], 2499);
    assert!(encrypted[0]["email"].as_str().unwrap().starts_with("fg."));

    let ndjson = "{\"id\":\"a\",\"email\":\"a@x.org\"}\n{\"id\":\"b\",\"email\":null}\n";
    round_trip(dir.path(), &kr, "users.ndjson", ndjson, &fields);

    // The record ID is part of each token's context: moving a token to
    // another record does not decrypt.
    let enc = dir.path().join("enc.users.ndjson");
    let text = fs::read_to_string(&enc).unwrap();
    fs::write(&enc, text.replace("\"id\":\"a\"", "\"id\":\"z\"")).unwrap();
    records(
        "decrypt",
        &kr,
        &enc,
        &dir.path().join("moved.ndjson"),
        &fields,
    )
    .assert()
    .code(1)
    .stderr(predicate::str::contains("DECRYPT_FAILED").and(predicate::str::contains("line 1")));
}

#[test]
fn skip_bad_leaves_out_bad_records_and_reports_their_lines() {
    let dir = tempfile::tempdir().unwrap();
    let kr = keygen(dir.path());
    let input = dir.path().join("in.ndjson");
    fs::write(
        &input,
        "{\"email\":\"a@x.org\"}\n{\"email\": \"leak@x.org\"\n{\"email\":5}\n{\"email\":\"d@x.org\"}\n",
    )
    .unwrap();
    let out = dir.path().join("out.ndjson");
    let run = records(
        "encrypt",
        &kr,
        &input,
        &out,
        &["--field", "email", "--skip-bad"],
    )
    .assert()
    .success();
    let stderr = String::from_utf8(run.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("encrypted 2 values in 2 records; 2 skipped")
            && stderr.contains("line 2: skipped (RECORD_INVALID)")
            && stderr.contains("line 3: skipped (FIELD_TYPE)"),
        "{stderr}"
    );
    assert!(!stderr.contains("leak"), "{stderr}");
    let encrypted = fs::read_to_string(&out).unwrap();
    assert_eq!(encrypted.lines().count(), 2);
    assert!(
        !encrypted.contains("@x.org"),
        "bad records are never copied through"
    );

    // Decrypting: a token that does not decrypt, or is not a token, is one
    // bad record too.
    let tampered = dir.path().join("tampered.ndjson");
    let mut lines: Vec<String> = encrypted.lines().map(str::to_owned).collect();
    lines.push("{\"email\":\"not a token\"}".into());
    // The last character of the first token: its authentication tag.
    let end = lines[0].rfind('"').unwrap() - 1;
    let last = if &lines[0][end..=end] == "A" {
        "B"
    } else {
        "A"
    };
    lines[0].replace_range(end..=end, last);
    fs::write(&tampered, lines.join("\n") + "\n").unwrap();
    let dec = dir.path().join("dec.ndjson");
    records(
        "decrypt",
        &kr,
        &tampered,
        &dec,
        &["--field", "email", "--skip-bad"],
    )
    .assert()
    .success()
    .stderr(
        predicate::str::contains("decrypted 1 values in 1 records; 2 skipped").and(
            predicate::str::contains("line 3: skipped (TOKEN_MALFORMED)"),
        ),
    );
    assert_eq!(
        fs::read_to_string(&dec).unwrap(),
        "{\"email\":\"d@x.org\"}\n"
    );

    // Without --skip-bad the first bad record stops the run.
    records("decrypt", &kr, &tampered, &dec, &["--field", "email"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("line 1"));
    // A keyring without the token's key is the run's problem, not the
    // record's: --skip-bad does not hide it.
    let other = dir.path().join("other");
    fs::create_dir(&other).unwrap();
    let other_kr = keygen(&other);
    records(
        "decrypt",
        &other_kr,
        &out,
        &dec,
        &["--field", "email", "--skip-bad"],
    )
    .assert()
    .code(1)
    .stderr(predicate::str::contains("KEY_UNKNOWN_ID"));
}

#[test]
fn failures_in_json_arrays_and_csv_leave_no_output() {
    let dir = tempfile::tempdir().unwrap();
    let kr = keygen(dir.path());
    let many: Vec<String> = (0..3000)
        .map(|i| format!("{{\"email\": \"u{i}@x.org\"}}"))
        .collect();
    for (name, input) in [
        // The bad element comes after two full batches have been written.
        (
            "in.json",
            format!("[{}, {{\"email\": 7}}]", many.join(",\n")),
        ),
        ("unclosed.json", format!("[{}", many.join(","))),
        ("in.csv", "email,x\na@x.org,1\nb@x.org\n".to_owned()),
    ] {
        let input_path = dir.path().join(name);
        fs::write(&input_path, input).unwrap();
        let out = dir.path().join(format!("out.{name}"));
        records("encrypt", &kr, &input_path, &out, &["--field", "email"])
            .assert()
            .code(1)
            .stderr(predicate::str::contains(name));
        assert!(!out.exists(), "{name}: no partial output");
    }
    let leftovers = fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with(".fieldguard-")
        })
        .count();
    assert_eq!(leftovers, 0, "no temporary files left");
}

#[test]
fn thread_counts_are_bounded_before_anything_starts() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.ndjson");
    fs::write(&input, "{\"email\":\"a@x.org\"}\n").unwrap();
    let out = dir.path().join("out.ndjson");
    for op in ["encrypt", "decrypt", "reencrypt"] {
        let started = std::time::Instant::now();
        // No keyring either: the thread count is refused first.
        fg().args([op, "--field", "email", "--threads", "100000", "--in"])
            .arg(&input)
            .arg("--out")
            .arg(&out)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("error[INVALID_ARGUMENT]").and(
                predicate::str::contains("--threads 100000 is more than the limit of"),
            ));
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
        assert!(!out.exists());
    }
    fg().args(["encrypt", "--field", "email", "--threads", "0"])
        .write_stdin("{}\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--threads must be at least 1"));
    let kr = keygen(dir.path());
    records(
        "encrypt",
        &kr,
        &input,
        &out,
        &["--field", "email", "--threads", "16"],
    )
    .assert()
    .success();
    // rayon's own variable gets the same bound.
    records("encrypt", &kr, &input, &out, &["--field", "email"])
        .env("RAYON_NUM_THREADS", "100000")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("RAYON_NUM_THREADS 100000"));
}
