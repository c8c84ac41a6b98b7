//! `fieldguard encrypt/decrypt/reencrypt --field` over arrays: each element's
//! randomized token is bound to its own location (`orders[1].card`), tokens
//! of earlier releases (bound to `orders[*].card`) still open and
//! `reencrypt` rebinds them; deterministic tokens stay equal across
//! elements; non-UTF-8 plaintexts come out with `--base64`.
#![cfg(feature = "cli")]

mod common;

use common::cli::{fg, stdout};
use fieldguard::{field_context, inspect, FieldPath, Keyring, TokenFormat};
use predicates::prelude::*;
use serde_json::{json, Value};
use std::fs;
use std::path::{Path, PathBuf};

fn keygen(dir: &Path) -> PathBuf {
    let path = dir.join("keyring.json");
    fg().args(["keygen", "--out"]).arg(&path).assert().success();
    path
}

/// `fieldguard OP --keyring KR --field orders[*].card --record-id id EXTRA…`
/// over one NDJSON record on stdin; the exit status, stdout and stderr.
fn run(op: &str, kr: &Path, record: &Value, extra: &[&str]) -> (bool, String, String) {
    let out = fg()
        .args([
            op,
            "--field",
            "orders[*].card",
            "--record-id",
            "id",
            "--keyring",
        ])
        .arg(kr)
        .args(extra)
        .write_stdin(format!("{record}\n"))
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8(b.to_vec()).unwrap();
    (out.status.success(), text(&out.stdout), text(&out.stderr))
}

fn record_out(stdout: &str) -> Value {
    serde_json::from_str(stdout.trim()).unwrap()
}

fn context(path: &str) -> Vec<u8> {
    field_context(&path.parse::<FieldPath>().unwrap(), Some("r1"))
}

fn cards(record: &Value) -> Vec<String> {
    record["orders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["card"].as_str().unwrap().to_owned())
        .collect()
}

fn with_cards(cards: &[String]) -> Value {
    let orders: Vec<Value> = cards.iter().map(|c| json!({ "card": c })).collect();
    json!({"id": "r1", "orders": orders})
}

#[test]
fn swapping_two_elements_tokens_fails_to_decrypt() {
    let dir = tempfile::tempdir().unwrap();
    let kr = keygen(dir.path());
    let plain = json!({"id": "r1", "orders": [{"card": "4111"}, {"card": "5500"}]});
    let (ok, out, err) = run("encrypt", &kr, &plain, &[]);
    assert!(ok, "{err}");
    let tokens = cards(&record_out(&out));

    let (ok, out, _) = run("decrypt", &kr, &with_cards(&tokens), &[]);
    assert!(ok);
    assert_eq!(record_out(&out), plain);

    let swapped = with_cards(&[tokens[1].clone(), tokens[0].clone()]);
    let (ok, _, err) = run("decrypt", &kr, &swapped, &[]);
    assert!(!ok, "swapped tokens decrypted");
    assert!(err.contains("DECRYPT_FAILED"), "{err}");
    // The tokens are bound to each element's location.
    let keyring = Keyring::from_file(&kr).unwrap();
    assert_eq!(
        keyring
            .decrypt_str(&tokens[1], &context("orders[1].card"))
            .unwrap(),
        "5500"
    );
}

#[test]
fn tokens_bound_to_the_field_still_open_and_reencrypt_rebinds_them() {
    let dir = tempfile::tempdir().unwrap();
    let kr = keygen(dir.path());
    let keyring = Keyring::from_file(&kr).unwrap();
    // What earlier releases wrote: every element bound to `orders[*].card`.
    let field = context("orders[*].card");
    let old: Vec<String> = ["4111", "5500"]
        .iter()
        .map(|v| keyring.encrypt_str(v, &field).unwrap())
        .collect();
    let (ok, out, err) = run("decrypt", &kr, &with_cards(&old), &[]);
    assert!(ok, "{err}");
    assert_eq!(cards(&record_out(&out)), ["4111", "5500"]);
    // Still swappable: the documented limit of old tokens.
    let swapped_old = with_cards(&[old[1].clone(), old[0].clone()]);
    assert!(run("decrypt", &kr, &swapped_old, &[]).0);

    // reencrypt rebinds them, even though they are under the primary key.
    let (ok, out, err) = run("reencrypt", &kr, &with_cards(&old), &[]);
    assert!(ok, "{err}");
    let rebound = cards(&record_out(&out));
    for (i, token) in rebound.iter().enumerate() {
        assert_ne!(token, &old[i]);
        assert_eq!(inspect(token).unwrap().key_id, keyring.primary_id());
        let location = context(&format!("orders[{i}].card"));
        assert_eq!(
            keyring.decrypt_str(token, &location).unwrap(),
            ["4111", "5500"][i]
        );
        assert!(keyring.decrypt_str(token, &field).is_err());
    }
    let (ok, _, err) = run(
        "decrypt",
        &kr,
        &with_cards(&[rebound[1].clone(), rebound[0].clone()]),
        &[],
    );
    assert!(!ok && err.contains("DECRYPT_FAILED"), "{err}");
    // Tokens already bound to their location under the primary: unchanged.
    let (ok, out, _) = run("reencrypt", &kr, &with_cards(&rebound), &[]);
    assert!(ok);
    assert_eq!(cards(&record_out(&out)), rebound);
}

#[test]
fn deterministic_tokens_stay_equal_across_elements_and_through_rotation() {
    let dir = tempfile::tempdir().unwrap();
    let kr = keygen(dir.path());
    let plain = json!({"id": "r1", "orders": [{"card": "4111"}, {"card": "4111"}]});
    let (ok, out, err) = run("encrypt", &kr, &plain, &["--deterministic"]);
    assert!(ok, "{err}");
    let tokens = cards(&record_out(&out));
    assert_eq!(tokens[0], tokens[1]);
    let keyring = Keyring::from_file(&kr).unwrap();
    assert_eq!(
        keyring
            .decrypt_str(&tokens[0], &context("orders[*].card"))
            .unwrap(),
        "4111"
    );
    assert_eq!(
        record_out(&run("decrypt", &kr, &with_cards(&tokens), &[]).1),
        plain
    );

    // Under the primary key: unchanged. After a rotation: deterministic
    // under the new key, still equal to each other.
    let (_, out, _) = run("reencrypt", &kr, &with_cards(&tokens), &[]);
    assert_eq!(cards(&record_out(&out)), tokens);
    fg().args(["rotate", "--keyring"])
        .arg(&kr)
        .assert()
        .success();
    let (ok, out, err) = run("reencrypt", &kr, &with_cards(&tokens), &[]);
    assert!(ok, "{err}");
    let again = cards(&record_out(&out));
    assert_eq!(again[0], again[1]);
    assert_ne!(again[0], tokens[0]);
    let info = inspect(&again[0]).unwrap();
    assert_eq!(info.format, TokenFormat::Deterministic);
    assert_eq!(info.key_id, Keyring::from_file(&kr).unwrap().primary_id());
}

#[test]
fn non_utf8_plaintexts_decrypt_with_base64() {
    let dir = tempfile::tempdir().unwrap();
    let kr = keygen(dir.path());
    let keyring = Keyring::from_file(&kr).unwrap();
    let token = fieldguard::encode_text(&keyring.encrypt(&[0xff, 0x00, 0x80], b"blob").unwrap());

    // The message points at the flag that works.
    fg().args(["decrypt", "--context", "blob", "--keyring"])
        .arg(&kr)
        .arg(&token)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("INVALID_ARGUMENT").and(predicate::str::contains("--base64")),
        );
    let out = fg()
        .args(["decrypt", "--base64", "--context", "blob", "--keyring"])
        .arg(&kr)
        .arg(&token)
        .assert()
        .success();
    assert_eq!(stdout(&out), "/wCA\n");

    // encrypt --base64 takes bytes the same way, and record mode too.
    let out = fg()
        .args(["encrypt", "--base64", "--context", "blob", "--keyring"])
        .arg(&kr)
        .arg("/wCA")
        .assert()
        .success();
    let made = stdout(&out);
    assert_eq!(
        keyring
            .decrypt(&fieldguard::decode_text(made.trim()).unwrap(), b"blob")
            .unwrap(),
        [0xff, 0x00, 0x80]
    );
    fg().args(["encrypt", "--base64", "--keyring"])
        .arg(&kr)
        .arg("not base64!")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("INVALID_ARGUMENT"));

    let field = keyring
        .encrypt(&[0xfe], &context("orders[0].card"))
        .unwrap();
    let record = with_cards(&[fieldguard::encode_text(&field)]);
    let (ok, _, err) = run("decrypt", &kr, &record, &[]);
    assert!(!ok && err.contains("--base64"), "{err}");
    let (ok, out, err) = run("decrypt", &kr, &record, &["--base64"]);
    assert!(ok, "{err}");
    assert_eq!(cards(&record_out(&out)), ["/g=="]);
    let _ = fs::remove_file(&kr);
}
