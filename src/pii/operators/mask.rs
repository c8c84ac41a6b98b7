//! `mask`: hide letters and digits, keep the layout.

use serde::{Deserialize, Serialize};

/// Options of `mask`.
///
/// Only letters and digits (Unicode alphanumerics) are masked: separators,
/// punctuation and white space stay, so `4111-1111-1111-1111` becomes
/// `****-****-****-1111` and the shape stays readable. `keepFirst` and
/// `keepLast` count letters and digits only, not separators.
///
/// ```
/// use fieldguard::pii::operators::{apply, Mask, Operator, OperatorContext};
/// let op = Operator::Mask(Mask { keep_domain: true, keep_first: 1, ..Mask::default() });
/// assert_eq!(apply(&op, "alice.smith@example.com", &OperatorContext::new())?, "a****.*****@example.com");
/// # Ok::<(), fieldguard::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Mask {
    /// The masking character. Default `*`.
    pub char: char,
    /// Letters and digits left visible at the start. Default 0.
    pub keep_first: usize,
    /// Letters and digits left visible at the end. Default 0.
    pub keep_last: usize,
    /// For email addresses (a value with `@`): leave `@domain` visible and
    /// mask the local part only. Default false.
    pub keep_domain: bool,
}

impl Default for Mask {
    fn default() -> Self {
        Self {
            char: '*',
            keep_first: 0,
            keep_last: 0,
            keep_domain: false,
        }
    }
}

impl Mask {
    pub(super) fn apply(&self, value: &str) -> String {
        let (head, tail) = match value.rfind('@').filter(|_| self.keep_domain) {
            Some(at) => value.split_at(at),
            None => (value, ""),
        };
        let total = head.chars().filter(|c| c.is_alphanumeric()).count();
        let mut out = String::with_capacity(value.len());
        let mut seen = 0;
        for c in head.chars() {
            if c.is_alphanumeric() {
                let keep = seen < self.keep_first || seen >= total.saturating_sub(self.keep_last);
                seen += 1;
                out.push(if keep { c } else { self.char });
            } else {
                out.push(c);
            }
        }
        out.push_str(tail);
        out
    }
}
