//! Email addresses: `first.m.last123456@domain`.
//!
//! The local-part space is given names (481) × middle initials (26) ×
//! separators (3) × surnames (538) × 10^6 digits ≈ 2.0·10^13, so among
//! 10^6 distinct addresses at one domain about n²/2N ≈ 0.025 pairs are
//! expected to share a pseudonym (measured: `cargo bench --bench
//! pseudonym`).

use super::{names, Drbg};

const SEPARATORS: [&str; 3] = [".", "_", ""];
const RESERVED: [&str; 3] = ["example.com", "example.org", "example.net"];

pub(super) fn fake(value: &str, g: &mut Drbg, keep_domain: bool) -> Option<String> {
    let (local, domain) = value.trim().rsplit_once('@')?;
    if local.is_empty() || domain.is_empty() {
        return None;
    }
    let (first, last) = names::ascii_pair(g);
    let sep = g.pick(&SEPARATORS);
    let initial = char::from(b'a' + g.below(26) as u8);
    let number = g.below(1_000_000);
    let domain = if keep_domain {
        domain.to_lowercase()
    } else {
        (*g.pick(&RESERVED)).to_owned()
    };
    Some(format!(
        "{}{sep}{initial}{sep}{}{number:06}@{domain}",
        first.to_ascii_lowercase(),
        last.to_ascii_lowercase()
    ))
}
