//! `cargo bench --bench pseudonym`: collision measurement of the
//! `pseudonymize` operator. Pseudonyms are not injective (they are drawn
//! from realistic, finite spaces), so distinct inputs can share a fake
//! value; this pseudonymizes 1,000,000 distinct generated values per type
//! and prints how many outputs collide, next to the birthday-bound
//! expectation n²/(2·N) for an output space of N values. It also prints the
//! throughput. Nothing is asserted: the numbers go into the README.

use fieldguard::pii::operators::{apply, Operator, OperatorContext, Pseudonymize};
use fieldguard::pii::EntityType;
use fieldguard::{KeyStatus, Keyring, SecretKey};
use std::collections::HashSet;
use std::time::Instant;

const N: u64 = 1_000_000;

fn measure(keyring: &Keyring, t: EntityType, space: f64, gen: impl Fn(u64) -> String) {
    let ctx = OperatorContext::new().entity_type(t).keyring(keyring);
    let op = Operator::Pseudonymize(Pseudonymize::default());
    let mut seen = HashSet::with_capacity(N as usize);
    let mut collisions = 0u64;
    let start = Instant::now();
    for i in 0..N {
        let out = apply(&op, &gen(i), &ctx).expect("pseudonymize");
        if !seen.insert(out) {
            collisions += 1;
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let n = N as f64;
    println!(
        "{:<14} {N} distinct inputs: {collisions} collisions (birthday bound n^2/2N = {:.2} for N = {space:.3e}); {:.0} values/s",
        t.name(),
        n * n / (2.0 * space),
        n / secs
    );
}

fn luhn_complete(body: &str) -> String {
    (0..10)
        .map(|c| format!("{body}{c}"))
        .find(|s| fieldguard::validate::credit_card(s).is_ok())
        .expect("one check digit fits")
}

fn main() {
    let keyring = Keyring::from_keys(vec![(
        1,
        KeyStatus::Primary,
        SecretKey::from_bytes(&[7; 32]).expect("32 bytes"),
    )])
    .expect("keyring");
    println!("fieldguard pseudonym collisions ({N} distinct values per type, one keyring)");
    // Emails: distinct local parts at one domain (the domain is kept, so
    // only the local part space matters): given names × 26 initials × 3
    // separators × surnames × 10^6 digits.
    let (first, last) = (481.0, 538.0);
    measure(
        &keyring,
        EntityType::EmailAddress,
        first * 26.0 * last * 3.0 * 1e6,
        |i| format!("user.{i}@example.com"),
    );
    // Visa cards: 16 digits, prefix 4 kept, Luhn digit computed → 10^14.
    measure(&keyring, EntityType::CreditCard, 1e14, |i| {
        luhn_complete(&format!("4{i:014}"))
    });
    // UK mobile numbers: +44 7 then 9 drawn digits (first 2-9: 8·10^8).
    measure(&keyring, EntityType::PhoneNumber, 8e9, |i| {
        format!("+44 7{i:09}")
    });
}
