//! `cargo bench --bench pii`: PII scan throughput on about 1 MB of text.
//! Prints numbers; asserts nothing about speed. The point of the design is
//! that all recognizers together cost about one pass: compare "all
//! recognizers" with "one recognizer" on the same text.

use fieldguard::pii::recognize::{ScanOptions, Scanner};
use fieldguard::pii::EntityType;
mod common;

use common::measure;
use std::hint::black_box;
use std::time::Duration;

/// About 1 MB of `unit` repeated.
fn rep(unit: &str) -> String {
    unit.repeat(1_000_000 / unit.len())
}

/// Prose with embedded PII, roughly one finding per 80 bytes.
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

fn main() {
    let budget = Duration::from_secs(2);
    let all = Scanner::new(&ScanOptions::default()).unwrap();
    let one = Scanner::new(&ScanOptions::default().entities([EntityType::EmailAddress])).unwrap();
    let (mixed, plain) = (mixed(), plain());
    println!("fieldguard pii scan benchmarks (default options)");
    println!("findings in the mixed text: {}", all.scan(&mixed).len());
    for (name, scanner, input) in [
        ("mixed, all recognizers", &all, &mixed),
        ("mixed, email only", &one, &mixed),
        ("no candidates, all", &all, &plain),
        ("no candidates, email only", &one, &plain),
    ] {
        let ops = measure(budget, || {
            black_box(scanner.scan(black_box(input)));
        });
        let mb = input.len() as f64 / 1e6;
        println!("{name:<28} {:>5.1} MB: {:>8.1} MB/s", mb, ops * mb);
    }
}
