//! `fieldguard anonymize` and `fieldguard scan FILE...`: consistency across
//! files and runs, formats, streaming order, bad records, atomic output,
//! reports and CI gating.
#![cfg(feature = "cli")]

mod common;

use common::checks::luhn_ok;
use common::cli::{fg, stdout};
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn keygen(dir: &Path) -> PathBuf {
    let path = dir.join("keyring.json");
    fg().args(["keygen", "--out"]).arg(&path).assert().success();
    path
}

const USERS: &str = r#"{"id": 1, "email": "ana.lopez@example.org", "name": "Ana Lopez", "card": "4111 1111 1111 1111", "note": "VIP, call +44 20 7946 0958"}
{"id": 2, "email": "bo.chen@example.net", "name": "Bo Chen", "card": "5500 0000 0000 0004", "note": "prefers mail to bo.chen@example.net"}
"#;

const ORDERS: &str = "id,customer_email,comment\n\
    100,ana.lopez@example.org,\"ship fast; card 4111 1111 1111 1111\"\n\
    101,bo.chen@example.net,gift wrap\n\
    102,ana.lopez@example.org,\"second order, reach ana.lopez@example.org\"\n";

const POLICY: &str = r#"{"version": 1, "recordId": "id",
  "fields": {"email": {"validate": {"type": "email"}, "anonymize": {"op": "pseudonymize"}},
             "customer_email": {"anonymize": {"op": "pseudonymize"}},
             "name": {"anonymize": {"op": "pseudonymize"}, "entity": "PERSON_NAME"},
             "card": {"anonymize": {"op": "pseudonymize"}},
             "id": {"scan": false}},
  "pii": {"defaultOperator": {"op": "pseudonymize"}}}"#;

struct Fixture {
    dir: tempfile::TempDir,
    keyring: PathBuf,
    policy: PathBuf,
    users: PathBuf,
    orders: PathBuf,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let keyring = keygen(dir.path());
    let policy = dir.path().join("policy.json");
    std::fs::write(&policy, POLICY).unwrap();
    let users = dir.path().join("users.ndjson");
    std::fs::write(&users, USERS).unwrap();
    let orders = dir.path().join("orders.csv");
    std::fs::write(&orders, ORDERS).unwrap();
    Fixture {
        dir,
        keyring,
        policy,
        users,
        orders,
    }
}

fn anonymize(f: &Fixture, out: &Path) -> assert_cmd::assert::Assert {
    fg().arg("anonymize")
        .arg("--policy")
        .arg(&f.policy)
        .arg("--keyring")
        .arg(&f.keyring)
        .arg(&f.users)
        .arg(&f.orders)
        .arg("--out")
        .arg(out)
        .assert()
}

#[test]
fn referential_integrity_survives_across_services_and_runs() {
    let f = fixture();
    let out = f.dir.path().join("out");
    anonymize(&f, &out)
        .success()
        .stderr(predicate::str::contains(
            "users.ndjson: 2 records, 2 written, 0 skipped",
        ));
    let users: Vec<Value> = std::fs::read_to_string(out.join("users.ndjson"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let orders = std::fs::read_to_string(out.join("orders.csv")).unwrap();
    let rows: Vec<Vec<&str>> = orders.lines().map(|l| l.split(',').collect()).collect();
    assert_eq!(rows[0], ["id", "customer_email", "comment"]);

    let ana = users[0]["email"].as_str().unwrap();
    let bo = users[1]["email"].as_str().unwrap();
    // Same customer, same pseudonym, in another file, format and field.
    assert_eq!(rows[1][1], ana);
    assert_eq!(rows[2][1], bo);
    assert_eq!(rows[3][1], ana);
    assert!(orders.contains(&format!("reach {ana}")), "{orders}");
    assert!(users[1]["note"].as_str().unwrap().ends_with(bo));
    // Realistic formats, no original values anywhere.
    assert!(ana.ends_with("@example.org") && bo.ends_with("@example.net"));
    assert!(luhn_ok(users[0]["card"].as_str().unwrap()));
    assert!(users[0]["card"].as_str().unwrap().starts_with('4'));
    assert_eq!(users[0]["id"], 1);
    let all = format!("{users:?}{orders}");
    for original in [
        "ana.lopez",
        "bo.chen",
        "Ana Lopez",
        "Bo Chen",
        "4111 1111",
        "5500 0000",
        "7946 0958",
    ] {
        assert!(!all.contains(original), "{original} leaked");
    }

    // The same keyring gives byte-identical files on a second run.
    let again = f.dir.path().join("again");
    anonymize(&f, &again).success();
    for name in ["users.ndjson", "orders.csv"] {
        assert_eq!(
            std::fs::read(out.join(name)).unwrap(),
            std::fs::read(again.join(name)).unwrap(),
            "{name}"
        );
    }
}

#[test]
fn json_arrays_stream_in_order_with_many_threads() {
    let f = fixture();
    let records: Vec<Value> = (0..5000)
        .map(|i| serde_json::json!({"seq": i, "contact": format!("user{i}@example.com")}))
        .collect();
    let input = f.dir.path().join("big.json");
    std::fs::write(&input, serde_json::to_string(&records).unwrap()).unwrap();
    let out = f.dir.path().join("out");
    fg().args(["anonymize", "--threads", "4", "--keyring"])
        .arg(&f.keyring)
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let output: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(out.join("big.json")).unwrap()).unwrap();
    assert_eq!(output.len(), 5000);
    for (i, record) in output.iter().enumerate() {
        assert_eq!(record["seq"], i, "order preserved");
        let email = record["contact"].as_str().unwrap();
        assert!(
            email.ends_with("@example.com") && !email.starts_with("user"),
            "{email}"
        );
    }
}

#[test]
fn bad_records_stop_the_run_or_are_skipped_never_copied() {
    let f = fixture();
    let input = f.dir.path().join("mixed.ndjson");
    std::fs::write(
        &input,
        "{\"email\": \"ok@example.org\"}\n{\"email\": \"secret@example.org\", oops}\n{\"email\": \"fine@example.org\"}\n",
    )
    .unwrap();
    let out = f.dir.path().join("out");
    let assert = fg()
        .args(["anonymize", "--keyring"])
        .arg(&f.keyring)
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("mixed.ndjson: line 2"))
        .stderr(predicate::str::contains("RECORD_INVALID"));
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(!stderr.contains("secret"), "{stderr}");
    assert!(!out.join("mixed.ndjson").exists(), "no partial output");
    let leftovers: Vec<_> = std::fs::read_dir(&out).unwrap().collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );

    fg().args(["anonymize", "--skip-bad", "--keyring"])
        .arg(&f.keyring)
        .arg(&input)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stderr(predicate::str::contains("3 records, 2 written, 1 skipped"))
        .stderr(predicate::str::contains("line 2: skipped (RECORD_INVALID)"));
    let written = std::fs::read_to_string(out.join("mixed.ndjson")).unwrap();
    assert_eq!(written.lines().count(), 2);
    assert!(!written.contains("secret") && !written.contains("ok@") && !written.contains("fine@"));
}

#[test]
fn policy_rejections_name_the_field_and_line_not_the_value() {
    let f = fixture();
    let policy = f.dir.path().join("strict.json");
    std::fs::write(
        &policy,
        r#"{"version": 1, "fields": {"email": {"validate": {"type": "email"}}}}"#,
    )
    .unwrap();
    let input = f.dir.path().join("users.json");
    std::fs::write(
        &input,
        r#"[{"email": "a@example.org"}, {"email": "not-an-email-4111"}]"#,
    )
    .unwrap();
    let assert = fg()
        .args(["anonymize", "--policy"])
        .arg(&policy)
        .arg(&input)
        .arg("--out")
        .arg(f.dir.path().join("out"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("users.json: line 1: field email"))
        .stderr(predicate::str::contains("VALUE_INVALID"));
    assert!(!String::from_utf8_lossy(&assert.get_output().stderr).contains("not-an-email"));
}

#[test]
fn a_failing_file_leaves_earlier_files_complete_and_nothing_partial() {
    let f = fixture();
    let broken = f.dir.path().join("broken.json");
    std::fs::write(&broken, "[{\"a\": 1}, {\"b\": ").unwrap();
    let out = f.dir.path().join("out");
    fg().args(["anonymize", "--keyring"])
        .arg(&f.keyring)
        .arg(&f.users)
        .arg(&broken)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("broken.json"))
        .stderr(predicate::str::contains("not closed"));
    let names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["users.ndjson"]);
}

#[test]
fn stdin_to_stdout_csv_with_a_delimiter_and_the_one_time_key_warning() {
    let input = "id;mail\n1;ana@example.org\n";
    let run = || {
        fg().env_remove("FIELDGUARD_KEYRING")
            .env_remove("FIELDGUARD_KEYRING_FILE")
            .args(["anonymize", "--format", "csv", "--delimiter", ";"])
            .write_stdin(input)
            .assert()
            .success()
            .stderr(predicate::str::contains("one-time key"))
    };
    let first = stdout(&run());
    let second = stdout(&run());
    assert!(
        first.starts_with("id;mail\n1;") && first.trim_end().ends_with("@example.org"),
        "{first}"
    );
    assert!(!first.contains("ana@"));
    assert_ne!(first, second, "a new key per run");
}

#[test]
fn usage_errors() {
    let f = fixture();
    fg().arg("anonymize")
        .arg(&f.users)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--out DIR is required"));
    fg().arg("anonymize")
        .arg(&f.users)
        .arg("--out")
        .arg(f.dir.path())
        .assert()
        .code(1)
        .stderr(predicate::str::contains("would overwrite its own input"));
    let txt = f.dir.path().join("notes.txt");
    std::fs::write(&txt, "x").unwrap();
    fg().arg("anonymize")
        .arg(&txt)
        .arg("--out")
        .arg(f.dir.path().join("o"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot tell the format"));
    fg().args(["anonymize", "--policy"])
        .arg(f.dir.path().join("missing.json"))
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot read"));
    // Refused before the policy is read or a thread is started (it once
    // started 100000 OS threads and stalled the machine).
    let started = std::time::Instant::now();
    fg().args(["anonymize", "--threads", "100000", "--policy"])
        .arg(f.dir.path().join("missing.json"))
        .arg(&f.users)
        .arg("--out")
        .arg(f.dir.path().join("t"))
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("error[INVALID_ARGUMENT]").and(predicate::str::contains(
                "--threads 100000 is more than the limit",
            )),
        );
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
    assert!(!f.dir.path().join("t").exists());
    fg().args(["anonymize", "--threads", "0"])
        .write_stdin("")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--threads must be at least 1"));
    // `check` and `scan` take no --threads, but rayon's variable is bounded
    // for them too.
    fg().args(["check", "--policy"])
        .arg(&f.policy)
        .arg("--keyring")
        .arg(&f.keyring)
        .env("RAYON_NUM_THREADS", "100000")
        .write_stdin("{}\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "RAYON_NUM_THREADS 100000 is more than the limit",
        ));
    fg().arg("scan")
        .arg(&f.users)
        .env("RAYON_NUM_THREADS", "100000")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("RAYON_NUM_THREADS 100000"));
}

#[test]
fn json_summary_counts_types() {
    let f = fixture();
    let out = f.dir.path().join("out");
    let assert = fg()
        .args(["anonymize", "--json", "--policy"])
        .arg(&f.policy)
        .arg("--keyring")
        .arg(&f.keyring)
        .arg(&f.users)
        .arg("--out")
        .arg(&out)
        .assert()
        .success();
    let summary: Value = serde_json::from_str(stdout(&assert).trim()).unwrap();
    let file = &summary["files"][0];
    assert_eq!(file["records"], 2);
    assert_eq!(file["anonymized"]["EMAIL_ADDRESS"], 3); // 2 fields + 1 in a note
    assert_eq!(file["anonymized"]["PERSON_NAME"], 2);
    assert_eq!(file["anonymized"]["PHONE_NUMBER"], 1);
    assert_eq!(summary["oneTimeKey"], false);
}

#[test]
fn scan_reports_per_field_and_gates_ci() {
    let f = fixture();
    let out = fg()
        .arg("scan")
        .arg(&f.users)
        .arg(&f.orders)
        .assert()
        .success();
    let table = stdout(&out);
    assert!(
        table.contains("EMAIL_ADDRESS") && table.contains("customer_email"),
        "{table}"
    );
    assert!(
        !table.contains("ana.lopez@") && table.contains("a**.*****@example.org"),
        "{table}"
    );

    let out = fg()
        .args(["scan", "--json"])
        .arg(&f.users)
        .assert()
        .success();
    let report: Value = serde_json::from_str(stdout(&out).trim()).unwrap();
    let findings = report["files"][0]["findings"].as_array().unwrap();
    let card = findings.iter().find(|x| x["field"] == "card").unwrap();
    assert_eq!(
        (card["type"].as_str(), card["count"].as_u64()),
        (Some("CREDIT_CARD"), Some(2))
    );
    assert_eq!(card["example"], "4*** **** **** **11");

    fg().args(["scan", "--fail-on", "CREDIT_CARD"])
        .arg(&f.orders)
        .assert()
        .code(1);
    fg().args(["scan", "--fail-on", "IBAN_CODE"])
        .arg(&f.orders)
        .assert()
        .success();
    fg().args(["scan", "--fail-on", "any"])
        .arg(&f.orders)
        .assert()
        .code(1);
    fg().args(["scan", "--fail-on", "CARD"])
        .arg(&f.orders)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("not an entity type"));

    // After anonymizing, emails are still emails (that is the point), but
    // none of them is an original.
    let anon = f.dir.path().join("anon");
    anonymize(&f, &anon).success();
    let out = fg()
        .args(["scan", "--json"])
        .arg(anon.join("orders.csv"))
        .assert()
        .success();
    assert!(!stdout(&out).contains("ana.lopez"));
}

#[test]
fn keys_from_a_docker_secret_give_the_same_pseudonyms_as_the_file() {
    let f = fixture();
    let secrets = f.dir.path().join("secrets");
    std::fs::create_dir(&secrets).unwrap();
    std::fs::copy(&f.keyring, secrets.join("pii-keyring")).unwrap();
    let input = "{\"email\": \"ana.lopez@example.org\"}\n";
    let from_secret = fg()
        .env("FIELDGUARD_SECRETS_DIR", &secrets)
        .args(["anonymize", "--quiet", "--keyring-secret", "pii-keyring"])
        .write_stdin(input)
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
    let from_file = fg()
        .args(["anonymize", "--quiet", "--keyring"])
        .arg(&f.keyring)
        .write_stdin(input)
        .assert()
        .success();
    assert_eq!(stdout(&from_secret), stdout(&from_file));
    let json = std::fs::read_to_string(&f.keyring).unwrap();
    let from_env = fg()
        .env("FIELDGUARD_KEYRING", json)
        .args(["anonymize", "--quiet"])
        .write_stdin(input)
        .assert()
        .success()
        .stderr(predicate::str::is_empty());
    assert_eq!(stdout(&from_env), stdout(&from_file));
}

#[test]
fn the_progress_bar_is_drawn_on_terminals_only() {
    let f = fixture();
    let input = f.dir.path().join("many.ndjson");
    let line = "{\"note\": \"write to someone@example.org or call +44 20 7946 0958\"}\n";
    std::fs::write(&input, line.repeat(20_000)).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("fieldguard");
    let command = format!(
        "{} anonymize --keyring {} {} --out {}",
        bin.display(),
        f.keyring.display(),
        input.display(),
        f.dir.path().join("tty").display()
    );
    // util-linux `script` gives the command a pseudo-terminal.
    let typescript = f.dir.path().join("typescript");
    let status = std::process::Command::new("script")
        .args(["-qec", &command])
        .arg(&typescript)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("util-linux script(1)");
    assert!(status.success());
    let shown = String::from_utf8_lossy(&std::fs::read(&typescript).unwrap()).into_owned();
    assert!(
        shown.contains("records") && shown.contains("many.ndjson ["),
        "{shown}"
    );

    // In a pipe: only the summary line.
    let piped = fg()
        .args(["anonymize", "--keyring"])
        .arg(&f.keyring)
        .arg(&input)
        .arg("--out")
        .arg(f.dir.path().join("pipe"))
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&piped.get_output().stderr).into_owned();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(!stderr.contains('['), "{stderr}");
}

#[test]
fn check_streams_csv_and_json_arrays_with_reports_in_record_order() {
    let f = fixture();
    let policy = f.dir.path().join("clean.json");
    std::fs::write(
        &policy,
        r#"{"version": 1, "fields": {"email": {"validate": {"type": "email"}, "onViolation": "clean"}}}"#,
    )
    .unwrap();
    let records: Vec<Value> = (0..3000)
        .map(|i| {
            let email = if i % 3 == 2 {
                "broken".to_owned()
            } else {
                format!("u{i}@example.com")
            };
            serde_json::json!({"i": i, "email": email})
        })
        .collect();
    let input = f.dir.path().join("rows.json");
    std::fs::write(&input, serde_json::to_string(&records).unwrap()).unwrap();
    let report = f.dir.path().join("report.ndjson");
    let out = f.dir.path().join("rows.out.json");
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
        .stderr(predicate::str::contains("checked 3000 records"));
    let indexes: Vec<u64> = std::fs::read_to_string(&report)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["record"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(indexes, (0..1000).map(|k| 3 * k + 2).collect::<Vec<_>>());
    let cleaned: Vec<Value> =
        serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(cleaned[2]["email"], Value::Null);
    assert_eq!(cleaned[2999]["i"], 2999);

    let csv = f.dir.path().join("rows.csv");
    std::fs::write(&csv, "i,email\n0,A@EXAMPLE.com\n1,nope\n").unwrap();
    let out = fg()
        .args(["check", "--policy"])
        .arg(&policy)
        .arg("--in")
        .arg(&csv)
        .assert()
        .success();
    assert_eq!(stdout(&out), "i,email\n0,A@example.com\n1,\n");
}

#[test]
fn known_values_reach_free_text_in_other_files_deterministically() {
    let dir = tempfile::tempdir().unwrap();
    let keyring = keygen(dir.path());
    let policy = dir.path().join("policy.json");
    std::fs::write(
        &policy,
        r#"{"version": 1,
  "fields": {"name": {"anonymize": {"op": "pseudonymize"}, "entity": "PERSON_NAME"},
             "email": {"anonymize": {"op": "pseudonymize"}}},
  "pii": {"defaultOperator": {"op": "pseudonymize"}}}"#,
    )
    .unwrap();
    let users = dir.path().join("users.ndjson");
    let mut text = String::new();
    for i in 0..300 {
        text.push_str(&format!(
            "{{\"name\": \"Tobiah Brannock{i:03}\", \"email\": \"t{i}@example.org\", \"phone\": \"603442{i:04}\"}}\n"
        ));
    }
    std::fs::write(&users, text).unwrap();
    let tickets = dir.path().join("tickets.csv");
    std::fs::write(
        &tickets,
        "id,body\n1,\"Tobiah Brannock007 wrote again; ask Brannock007\"\n",
    )
    .unwrap();
    let run = |out: &str, threads: &str| {
        fg().arg("anonymize")
            .arg("--policy")
            .arg(&policy)
            .arg("--keyring")
            .arg(&keyring)
            .args(["--threads", threads])
            .arg(&users)
            .arg(&tickets)
            .arg("--out")
            .arg(dir.path().join(out))
            .assert()
            .success();
        let users = std::fs::read_to_string(dir.path().join(out).join("users.ndjson")).unwrap();
        let tickets = std::fs::read_to_string(dir.path().join(out).join("tickets.csv")).unwrap();
        (users, tickets)
    };
    let (u1, t1) = run("one", "1");
    let (u2, t2) = run("two", "2");
    assert_eq!((&u1, &t1), (&u2, &t2), "the same output with any --threads");
    let user7: Value = serde_json::from_str(u1.lines().nth(7).unwrap()).unwrap();
    let pseudonym = user7["name"].as_str().unwrap();
    // The ticket names the user of another file: the same pseudonym, and
    // the family name alone is not left in clear either.
    assert!(t1.contains(&format!("{pseudonym} wrote again")), "{t1}");
    assert!(
        !t1.contains("Brannock007") && !t1.contains("Tobiah"),
        "{t1}"
    );
    // A bare number under the `phone` key is a phone number by its name.
    assert!(!u1.contains("6034420007"), "{u1}");
}
