//! fieldguard: sanitize untrusted input, detect and mask personal data, and
//! encrypt fields — one Rust core with the same results natively, in
//! WebAssembly (browser, Node, Deno), through a C ABI and in a CLI.
//!
//! The shared vectors in `tests/vectors/` give byte-identical results in
//! every runtime, so a browser form, a Node service, this crate and a data
//! pipeline that share a [`policy`] and a [`Keyring`] protect data
//! the same way. This page is for Rust users; the repository README covers
//! the other runtimes and the CLI.
//!
//! # Modules
//!
//! | concern | module | what it holds |
//! |---|---|---|
//! | encrypt fields | [`crypto`] (re-exported here) | keys and per-purpose subkeys, [`Keyring`] (rotation, sources), tokens (AES-256-GCM, AES-SIV), blind indexes, the keyed PRF, randomness |
//! | sanitize text | [`text`] | canonicalize and clean, confusable skeletons, mixed scripts |
//! | escape output | [`escape`] | the five OWASP contexts |
//! | sanitize HTML | `html` (feature `html`) | an allowlist sanitizer on html5ever |
//! | validate values | [`validate`] | typed validators that return the canonical form or a reason code |
//! | detect injection | [`detect`] | SQL, XSS, OS command, path traversal, template, code eval |
//! | find and mask PII | [`pii`] | recognizers ([`pii::recognize`]), operators ([`pii::operators`]), free-text anonymization ([`pii::anonymize`]) |
//! | apply field rules | [`policy`] | one JSON policy: sanitize, validate, protect, scan |
//! | address fields | [`path`] | field paths (`a.b`, `items[*].card`, `["odd key"]`), record contexts, the leaf walker |
//! | read and write records | `stream` (feature `stream`) | JSON arrays, NDJSON, CSV in constant memory, in parallel, in order |
//! | specifications | [`spec`] | token and keyring formats, record contexts, error codes, what leaks |
//!
//! Errors: every fallible function returns [`Result`] with one [`Error`] type
//! whose [`ErrorKind`] has a stable code shared by every runtime
//! ([`spec::errors`]). Messages say where (field, line, position), never the
//! value or a key.
//!
//! # Features
//!
//! | feature | adds |
//! |---|---|
//! | (none) | everything above except `html` and `stream`; no I/O, no threads |
//! | `html` | `html`, the HTML sanitizer (html5ever, most of the wasm size) |
//! | `stream` | `stream`, record files (csv, rayon) |
//! | `cli` | the `fieldguard` binary (implies `html`, `stream`) |
//! | `ffi` | the C ABI (`pkg-config/include/fieldguard.h`), built with `.ci/install-c.sh` |
//! | `wasm` | the wasm-bindgen adapter, built with `.ci/build-wasm.sh` |
//!
//! # Examples
//!
//! Encrypt a field, bound to where it lives:
//!
//! ```
//! use fieldguard::Keyring;
//!
//! let keyring = Keyring::generate()?; // or Keyring::from_file / from_env / from_secret
//! let context = b"users.email\0cus_1001"; // field path + NUL + record ID
//! let token = keyring.encrypt_str("alice@example.com", context)?;
//! assert_eq!(keyring.decrypt_str(&token, context)?, "alice@example.com");
//! assert_eq!(keyring.decrypt_str(&token, b"users.email\0cus_1002").unwrap_err().code(), "DECRYPT_FAILED");
//! # Ok::<(), fieldguard::Error>(())
//! ```
//!
//! Clean text from a form, and say what changed:
//!
//! ```
//! use fieldguard::text::{clean, CleanOptions, Preset};
//!
//! let out = clean(" Zoë\u{200B}  Smith\u{202E} ", &CleanOptions::preset(Preset::Name))?;
//! assert_eq!(out.value, "Zoë Smith");
//! let changes: Vec<&str> = out.changes.iter().map(|c| c.kind.name()).collect();
//! assert_eq!(changes, ["removed-bidi", "removed-invisible", "collapsed-whitespace", "trimmed"]);
//! assert!(fieldguard::text::are_confusable("раураl", "paypal"));
//! # Ok::<(), fieldguard::Error>(())
//! ```
//!
//! Escape for the context a value is written into:
//!
//! ```
//! use fieldguard::escape::{escape, EscapeContext};
//!
//! assert_eq!(escape("</script><b>", EscapeContext::JsString), r"\x3c\x2fscript\x3e\x3cb\x3e");
//! ```
//!
//! Validate and canonicalize, with a typed reason when invalid:
//!
//! ```
//! use fieldguard::validate::{self, Validator};
//!
//! assert_eq!(validate::iban("gb82 west 1234 5698 7654 32").unwrap().value, "GB82WEST12345698765432");
//! let phone: Validator = serde_json::from_str(r#"{"type": "phone", "defaultCountry": "GB"}"#).unwrap();
//! assert_eq!(phone.validate("020 7946 0958").unwrap().value, "+442079460958");
//! assert_eq!(validate::email("alice@").unwrap_err().reason.code(), "EMAIL_DOMAIN_INVALID");
//! ```
//!
//! Flag likely injection payloads (a second line of defence):
//!
//! ```
//! use fieldguard::detect::{detect_default, Category};
//!
//! let findings = detect_default("1' OR '1'='1' --")?;
//! assert_eq!(findings[0].category, Category::Sql);
//! # Ok::<(), fieldguard::Error>(())
//! ```
//!
//! Find PII, and pseudonymize it consistently:
//!
//! ```
//! use fieldguard::pii::anonymize::{anonymize_text, AnonymizeOptions};
//! use fieldguard::pii::operators::{apply, Operator, OperatorContext};
//! use fieldguard::pii::recognize::{find, RecognizeOptions};
//! use fieldguard::pii::EntityType;
//! use fieldguard::Keyring;
//!
//! let text = "Card 4111 1111 1111 1111, IBAN GB82 WEST 1234 5698 7654 32";
//! let found = find(text, &RecognizeOptions::default())?;
//! assert_eq!(found[0].entity_type, EntityType::CreditCard);
//! assert_eq!(&text[found[0].start..found[0].end], "4111 1111 1111 1111");
//!
//! let keyring = Keyring::generate()?;
//! let op: Operator = serde_json::from_str(r#"{"op": "pseudonymize"}"#).unwrap();
//! let ctx = OperatorContext::new().entity_type(EntityType::CreditCard).keyring(&keyring);
//! let fake = apply(&op, "4111 1111 1111 1111", &ctx)?;
//! assert_eq!(fake, apply(&op, "4111 1111 1111 1111", &ctx)?); // same input, same pseudonym
//! assert!(fieldguard::validate::credit_card(&fake).is_ok()); // valid Luhn, same brand and layout
//!
//! let options: AnonymizeOptions =
//!     serde_json::from_str(r#"{"operators": {"CREDIT_CARD": {"op": "mask", "keepLast": 4}}}"#).unwrap();
//! let out = anonymize_text("Paid with 4111 1111 1111 1111, mail bob@example.com", &options, &OperatorContext::new())?;
//! assert_eq!(out.text, "Paid with **** **** **** 1111, mail <EMAIL_ADDRESS>");
//! # Ok::<(), fieldguard::Error>(())
//! ```
//!
//! Apply one policy to records; two services get the same pseudonym for one
//! customer:
//!
//! ```
//! use fieldguard::{policy::Policy, Keyring};
//! use serde_json::json;
//!
//! let keyring = Keyring::generate()?;
//! let users = Policy::from_json(r#"{"version": 1, "fields": {"email": {"anonymize": {"op": "pseudonymize"}}}}"#)?;
//! let orders = Policy::from_json(r#"{"version": 1, "pii": {"operators": {"EMAIL_ADDRESS": {"op": "pseudonymize"}}}}"#)?;
//! let mut user = json!({"id": 1, "email": "alice@example.com"});
//! let mut order = json!({"id": 77, "notes": ["ship to alice@example.com, call +44 20 7946 0958"]});
//! users.apply(&mut user, Some(&keyring))?;
//! let report = orders.apply(&mut order, Some(&keyring))?;
//! let fake_email = user["email"].as_str().unwrap();
//! assert_eq!(order["notes"][0], format!("ship to {fake_email}, call <PHONE_NUMBER>"));
//! assert_eq!(report.fields[0].field, "notes[*]"); // reports name fields and types, never values
//!
//! // Sanitize rules need no keyring.
//! let form = Policy::from_json(r#"{"version": 1, "fields": {
//!     "name":  {"clean": {"preset": "name"}, "onViolation": "clean"},
//!     "email": {"required": true, "validate": {"type": "email"}}
//! }}"#)?;
//! let mut record = json!({"name": " Zoë ", "email": "zoe@EXAMPLE.com"});
//! form.apply(&mut record, None)?;
//! assert_eq!(record, json!({"name": "Zoë", "email": "zoe@example.com"}));
//! # Ok::<(), fieldguard::Error>(())
//! ```
//!
//! # Untrusted input
//!
//! Every parser (tokens, keyrings, field paths, records, policies) and every
//! sanitize function returns a typed error on hostile input, never panics,
//! and runs in time linear in its input (hand-written scanners, no
//! backtracking regular expressions); `text::clean` and `detect` refuse
//! inputs over `maxInputBytes` (1 MiB by default) and the HTML sanitizer
//! bounds nesting depth. What each protection leaks is in [`spec::leakage`].
// The core is safe Rust; only the wasm adapter (generated glue) and the C ABI may opt out.
#![deny(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub(crate) mod checks;
pub mod crypto;
pub mod detect;
mod error;
pub mod escape;
#[cfg(feature = "html")]
#[cfg_attr(docsrs, doc(cfg(feature = "html")))]
pub mod html;
mod offsets;
pub mod path;
pub mod pii;
pub mod policy;
#[deprecated(note = "moved to fieldguard::path")]
pub mod records;
mod sort;
pub mod spec;
#[cfg(feature = "stream")]
#[cfg_attr(docsrs, doc(cfg(feature = "stream")))]
pub mod stream;
pub mod text;
pub mod validate;

#[cfg(feature = "ffi")]
#[allow(unsafe_code)]
mod ffi;
#[cfg(feature = "wasm")]
#[allow(unsafe_code)]
mod wasm;
// The wasm adapter's object slots are plain Rust: their tests run natively too.
#[cfg(all(test, not(feature = "wasm")))]
#[allow(unsafe_code)]
#[path = "wasm/slot.rs"]
mod wasm_slot;

pub use crypto::{
    canonicalize_for_index, decode_text, encode_text, inspect, inspect_bytes, looks_like_token,
    BlindIndexOptions, KeyInfo, KeyStatus, Keyring, KeyringSource, Purpose, SecretKey, TokenFormat,
    TokenInfo, KEY_LEN, SECRETS_DIR, TEXT_PREFIX,
};
pub use error::{Error, ErrorKind, Result};
pub use path::{field_context, FieldPath};

// The README's Rust examples are doctests too, so what users copy compiles.
#[cfg(doctest)]
// `js test=node-cjs` and friends tag the examples the JS suites run.
#[allow(rustdoc::invalid_codeblock_attributes)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
