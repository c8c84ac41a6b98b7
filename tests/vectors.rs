//! tests/vectors/*.json against the native library. The JS runner
//! (tests/js/vectors.mjs) implements the same ops for Node, Deno and
//! Chromium; every case must give the same result in all four runtimes.
//! To add vectors, drop a JSON file into tests/vectors/: every runner picks
//! up every file.

mod calls;
mod common;

use common::{hex, json_files, load, unhex};
use fieldguard::{inspect, inspect_bytes, BlindIndexOptions, Error, Keyring, Purpose, SecretKey};
use serde_json::{json, Value};

fn text<'a>(case: &'a Value, name: &str) -> &'a str {
    case[name]
        .as_str()
        .unwrap_or_else(|| panic!("vector needs string {name}: {case}"))
}

fn context(case: &Value) -> Vec<u8> {
    match (case.get("context_hex"), case.get("context")) {
        (Some(h), _) => unhex(h.as_str().unwrap()),
        (None, Some(c)) => c.as_str().unwrap().as_bytes().to_vec(),
        (None, None) => Vec::new(),
    }
}

fn keyring(file: &Value, case: &Value) -> Result<Keyring, Error> {
    if let Some(json) = case.get("keyring_json") {
        return Keyring::from_json(json.as_str().unwrap());
    }
    let data = &file["keyrings"][text(case, "keyring")];
    assert!(data.is_object(), "unknown keyring in {case}");
    Keyring::from_json(&data.to_string())
}

fn token_info(info: fieldguard::TokenInfo) -> Value {
    json!({"format": info.format.name(), "key_id": info.key_id})
}

fn run(file: &Value, case: &Value) -> Result<Value, Error> {
    let ctx = context(case);
    Ok(match text(case, "op") {
        "derive_subkey" => {
            let key = SecretKey::from_bytes(&unhex(text(case, "master_key")))?;
            json!(hex(&key.derive(Purpose::from_label(text(case, "purpose"))?)))
        }
        "keyring_parse" => {
            let kr = keyring(file, case)?;
            let keys: Vec<Value> = kr
                .keys()
                .map(|k| json!({"id": k.id, "status": k.status.name()}))
                .collect();
            json!({"primary_key_id": kr.primary_id(), "keys": keys})
        }
        "decrypt" => json!(keyring(file, case)?.decrypt_str(text(case, "token"), &ctx)?),
        "decrypt_bytes" => json!(hex(
            &keyring(file, case)?.decrypt(&unhex(text(case, "token_hex")), &ctx)?
        )),
        "encrypt_deterministic" => {
            let kr = keyring(file, case)?;
            let pt = text(case, "plaintext").as_bytes();
            let token = match case.get("key_id").and_then(Value::as_u64) {
                Some(id) => kr.encrypt_deterministic_with_key(pt, &ctx, id as u32)?,
                None => kr.encrypt_deterministic(pt, &ctx)?,
            };
            json!(fieldguard::encode_text(&token))
        }
        "encrypt_deterministic_bytes" => {
            let kr = keyring(file, case)?;
            json!(hex(&kr.encrypt_deterministic(
                &unhex(text(case, "plaintext_hex")),
                &ctx
            )?))
        }
        "blind_index" => {
            let kr = keyring(file, case)?;
            let mut opts = BlindIndexOptions::new(&ctx);
            if let Some(n) = case.get("length").and_then(Value::as_u64) {
                opts = opts.length(n as usize);
            }
            if let Some(ci) = case.get("case_insensitive").and_then(Value::as_bool) {
                opts = opts.case_insensitive(ci);
            }
            if let Some(id) = case.get("key_id").and_then(Value::as_u64) {
                opts = opts.key_id(id as u32);
            }
            json!(kr.blind_index(text(case, "value"), &opts)?)
        }
        "inspect" => match case.get("token_hex") {
            Some(h) => token_info(inspect_bytes(&unhex(h.as_str().unwrap()))?),
            None => token_info(inspect(text(case, "token"))?),
        },
        "roundtrip" => {
            let kr = keyring(file, case)?;
            let pt = text(case, "plaintext");
            let token = kr.encrypt_str(pt, &ctx)?;
            assert_eq!(
                kr.decrypt(&kr.encrypt(pt.as_bytes(), &ctx)?, &ctx)?,
                pt.as_bytes()
            );
            json!({"plaintext": kr.decrypt_str(&token, &ctx)?, "key_id": inspect(&token)?.key_id})
        }
        "reencrypt" => {
            let kr = keyring(file, case)?;
            let token = text(case, "token");
            let again = kr.reencrypt_str(token, &ctx)?;
            json!({
                "plaintext": kr.decrypt_str(&again, &ctx)?,
                "key_id": inspect(&again)?.key_id,
                "format": inspect(&again)?.format.name(),
                "unchanged": again == token,
            })
        }
        // The sanitize/validate/detect APIs: `fn` names the JS function,
        // `args` its arguments; tests/calls/ maps them to the Rust API.
        "call" => {
            let f = text(case, "fn");
            let args = case["args"].as_array().map(Vec::as_slice).unwrap_or(&[]);
            calls::call(f, args).unwrap_or_else(|| panic!("unknown fn {f}"))?
        }
        // A PII operator over one value: `keyring` (optional), `value`,
        // `operator`, `options` ({entityType, context, subject}); JS runs
        // `fg.anonymizeValue(keyring ?? null, value, operator, options)`.
        "anonymize" => {
            let kr = match case.get("keyring") {
                Some(_) => Some(keyring(file, case)?),
                None => None,
            };
            calls::anonymize(
                kr.as_ref(),
                text(case, "value"),
                &case["operator"],
                case.get("options"),
            )?
        }
        // Free text anonymized: `keyring` (optional), `text`, `options`;
        // JS runs `fg.anonymizeText(keyring ?? null, text, options)`.
        "anonymize_text" => {
            let kr = match case.get("keyring") {
                Some(_) => Some(keyring(file, case)?),
                None => None,
            };
            calls::anonymize_text(kr.as_ref(), text(case, "text"), case.get("options"))?
        }
        // A policy over one record: `policy` (the document), `record`;
        // with `field`, the rule of that field over `record` as one value;
        // with `keyring`, `applyWithKeyring` / `applyFieldWithKeyring`.
        "policy" => {
            let policy = fieldguard::policy::Policy::from_json(&case["policy"].to_string())?;
            let kr = match case.get("keyring") {
                Some(_) => Some(keyring(file, case)?),
                None => None,
            };
            let mut record = case["record"].clone();
            let report = match case.get("field").and_then(Value::as_str) {
                Some(field) => policy.apply_field(field, &mut record, kr.as_ref())?,
                None => policy.apply(&mut record, kr.as_ref())?,
            };
            json!({"record": record, "report": report})
        }
        // A policy applied with a keyring, then the tokens it made opened:
        // each `open` entry names a token by JSON pointer (`in_text`: the
        // first `fg.` token inside that string) and the context to try, so
        // the record-context text of src/spec/records.md is checked exactly.
        "policy_open" => {
            let policy = fieldguard::policy::Policy::from_json(&case["policy"].to_string())?;
            let kr = keyring(file, case)?;
            let mut record = case["record"].clone();
            match case.get("field").and_then(Value::as_str) {
                Some(field) => policy.apply_field(field, &mut record, Some(&kr))?,
                None => policy.apply(&mut record, Some(&kr))?,
            };
            let open = case["open"].as_array().expect("open");
            let opened = open.iter().map(|o| {
                let at = text(o, "at");
                let found = record.pointer(at).and_then(Value::as_str);
                let found = found.unwrap_or_else(|| panic!("no string at {at}: {record}"));
                let token = match o.get("in_text") {
                    Some(Value::Bool(true)) => first_token(found),
                    _ => found,
                };
                match kr.decrypt_str(token, text(o, "context").as_bytes()) {
                    Ok(plaintext) => json!(plaintext),
                    Err(e) => json!({"error": e.code()}),
                }
            });
            json!(opened.collect::<Vec<_>>())
        }
        other => panic!("unknown op {other}"),
    })
}

/// The first `fg.` text token inside `text`.
fn first_token(text: &str) -> &str {
    let start = text
        .find("fg.")
        .unwrap_or_else(|| panic!("no token in {text:?}"));
    let rest = &text[start..];
    let len = 3 + rest[3..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len() - 3);
    &rest[..len]
}

/// `v` without findings of the names types (scanPii results are arrays of findings).
fn without_names(v: Value) -> Value {
    match v {
        Value::Array(items) => Value::Array(
            items
                .into_iter()
                .filter(|f| {
                    !matches!(
                        f.get("entityType").and_then(Value::as_str),
                        Some("PERSON_NAME" | "LOCATION" | "STREET_ADDRESS")
                    )
                })
                .collect(),
        ),
        other => other,
    }
}

#[test]
fn shared_vectors() {
    let mut failures = Vec::new();
    let mut count = 0;
    for path in json_files("tests/vectors") {
        let file = load(&path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        match file.get("requires").and_then(Value::as_str) {
            Some("html") if !cfg!(feature = "html") => continue,
            Some("names") if !cfg!(feature = "names") => continue,
            Some("no-names") if cfg!(feature = "names") => continue,
            _ => {}
        }
        for case in file["cases"].as_array().expect("cases") {
            count += 1;
            let got = match run(&file, case) {
                // The names recognizers (feature `names`) have their own file,
                // pii-names.json; the other files describe the core ones.
                Ok(v) if cfg!(feature = "names") && file.get("requires").is_none() => {
                    json!({"ok": without_names(v)})
                }
                Ok(v) => json!({"ok": v}),
                Err(e) => json!({"error": e.code()}),
            };
            let want = match case.get("error") {
                Some(code) => json!({"error": code}),
                None => json!({"ok": case["expect"]}),
            };
            if got != want {
                failures.push(format!("{name} / {}: want {want}, got {got}", case["name"]));
            }
        }
    }
    assert!(count > 100, "found only {count} vectors");
    assert!(
        failures.is_empty(),
        "{} of {count} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
