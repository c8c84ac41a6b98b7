//! Email addresses: `first.last123456@domain`.

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
    let number = g.below(1_000_000);
    let domain = if keep_domain {
        domain.to_lowercase()
    } else {
        (*g.pick(&RESERVED)).to_owned()
    };
    Some(format!(
        "{}{sep}{}{number:06}@{domain}",
        first.to_ascii_lowercase(),
        last.to_ascii_lowercase()
    ))
}
