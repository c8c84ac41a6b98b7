//! `cargo bench --bench pii`: PII scan throughput on about 1 MB of text,
//! and on the labeled corpus (`tests/eval/corpus.jsonl`) one scan per
//! sample, as a service scans fields. Prints numbers; asserts nothing
//! about speed. The point of the design is that all recognizers together
//! cost about one pass: compare "all recognizers" with "one recognizer" on
//! the same text. `benches/node/pii.mjs` (Node, wasm) and
//! `benches/presidio_scan.py` (Presidio) measure the same two inputs;
//! `benches/pii-all.sh` runs all three and tabulates them.

use fieldguard::pii::recognize::{RecognizeOptions, Recognizer};
use fieldguard::pii::EntityType;
mod common;

use common::measure;
use sha2::{Digest, Sha256};
use std::hint::black_box;
use std::time::Duration;

/// About 1 MB of `unit` repeated.
fn rep(unit: &str) -> String {
    unit.repeat(1_000_000 / unit.len())
}

/// Prose with embedded PII, roughly one finding per 80 bytes. The same
/// text is in benches/node/pii.mjs and benches/presidio_scan.py: keep the
/// three identical (each prints its SHA-256, which pii-all.sh compares).
fn mixed() -> String {
    rep(
        "Dear customer, thank you for your order 2024-118 of 12 March. Please contact \
         bob.smith@example.com or call +44 20 7946 0958 (office hours 9-17). Your card \
         4111 1111 1111 1111 was charged $19.99; refunds go to IBAN GB82 WEST 1234 5698 7654 32. \
         The server 192.168.10.20 logged version 1.2.3 at 14:30:00. Born 12.03.1985, \
         NHS 943 476 5919. See https://example.com/help?id=42 for details. Café, naïve, 你好 😀.\n",
    )
}

/// Prose with no candidates at all (no digits, no @, no URLs).
fn plain() -> String {
    rep(
        "The quick brown fox jumps over the lazy dog while the committee discusses \
         the annual report, the budget and the weather; nobody expects anything unusual. ",
    )
}

/// The `text` of every sample of the evaluation corpus, in order.
fn corpus() -> Vec<String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/eval/corpus.jsonl");
    let data = std::fs::read_to_string(path).expect("tests/eval/corpus.jsonl");
    data.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            v["text"].as_str().expect("a text field").to_owned()
        })
        .collect()
}

fn main() {
    let budget = Duration::from_secs(2);
    let all = Recognizer::new(&RecognizeOptions::default()).unwrap();
    let one =
        Recognizer::new(&RecognizeOptions::default().entities([EntityType::EmailAddress])).unwrap();
    let (mixed, plain) = (mixed(), plain());
    println!("fieldguard pii scan benchmarks (default options)");
    println!(
        "mixed text: {} bytes, sha256 {}",
        mixed.len(),
        hex(&Sha256::digest(mixed.as_bytes()))
    );
    println!("findings in the mixed text: {}", all.find(&mixed).len());

    // The corpus, one scan per sample with a scanner built once (a
    // service builds it at start-up). Short texts: this measures the
    // per-call overhead as much as the scanning.
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let found: usize = texts.iter().map(|t| all.find(t).len()).sum();
    println!(
        "corpus: {} samples, {} bytes, {} findings",
        texts.len(),
        bytes,
        found
    );
    let passes = measure(budget, || {
        for t in &texts {
            black_box(all.find(black_box(t)));
        }
    });
    let mb = bytes as f64 / 1e6;
    println!(
        "{:<28} {:>5.1} MB: {:>8.1} MB/s, {:.0} samples/s",
        "corpus per sample, all",
        mb,
        passes * mb,
        passes * texts.len() as f64
    );
    for (name, scanner, input) in [
        ("mixed, all recognizers", &all, &mixed),
        ("mixed, email only", &one, &mixed),
        ("no candidates, all", &all, &plain),
        ("no candidates, email only", &one, &plain),
    ] {
        let ops = measure(budget, || {
            black_box(scanner.find(black_box(input)));
        });
        let mb = input.len() as f64 / 1e6;
        println!("{name:<28} {:>5.1} MB: {:>8.1} MB/s", mb, ops * mb);
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
