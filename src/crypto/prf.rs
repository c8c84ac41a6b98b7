//! The one keyed PRF: HMAC-SHA256 over a domain label and framed parts.
//!
//! Every HMAC-derived value in fieldguard (blind indexes, the `hash`
//! operator, `date-shift`, pseudonym seeds and their byte stream) is
//! computed by [`Prf`], so the framing is written once and each use is a
//! row in one table ([`Domain`]). HKDF (subkey derivation, `keys.rs`) is a
//! separate construction and stays there.
//!
//! # Framing
//!
//! ```text
//! message = label || part || part || … [ || last ]
//!
//! framed(b)  = u32_be(len(b)) || b      any bytes, at most 2^32 − 1 of them
//! byte(b)    = b                        one byte
//! u32(n)     = u32_be(n)                four bytes
//! last       = the bytes as they are    only at the end (`finish_with`)
//! ```
//!
//! Why length prefixes: HMAC authenticates a byte string, not a list. Plain
//! concatenation would give (`"ab"`, `"c"`) and (`"a"`, `"bc"`) the same
//! message and so the same output (a `hash` of context `"users.e"` and value
//! `"mail"` would equal one of context `"users.em"` and value `"ail"`). With
//! every part either
//! fixed-width or prefixed by its length, and at most one unframed part at
//! the very end (nothing follows it, so its length is "the rest"), the
//! message can be split back into its parts in exactly one way: the
//! encoding is injective for a given sequence of part kinds, and each
//! [`Domain`] has one fixed sequence (the code that computes it).
//!
//! Labels separate domains that share a key: they are fixed ASCII strings
//! and none is a prefix of another among the domains of one key (a test
//! checks this), so messages of two domains never coincide. Two domains
//! predate labels and are separated by their key instead: blind indexes use
//! the `blind-index` subkey, which nothing else uses, and the pseudonym
//! stream is keyed by a per-value seed. Their layouts are pinned by the
//! shared vectors (`tests/vectors/*.json`), so they stay as they are.
//!
//! | domain | key | message |
//! |---|---|---|
//! | [`Domain::BlindIndex`] | `blind-index` subkey | framed(context) ‖ canonical value |
//! | [`Domain::Hash`] | `hash` subkey | `fieldguard:hash:v1` ‖ framed(type) ‖ framed(context) ‖ value |
//! | [`Domain::DateShift`] | `pseudonymize` subkey | `fieldguard:date-shift:v1` ‖ byte(tag) ‖ framed(subject or context) |
//! | [`Domain::PseudonymSeed`] | `pseudonymize` subkey | `fieldguard:pseudonym:v1` ‖ framed(type) ‖ normalized value |
//! | [`Domain::PseudonymBlock`] | the pseudonym seed | u32(counter) |

use crate::error::{Error, ErrorKind, Result};
use hmac::digest::generic_array::GenericArray;
use hmac::digest::FixedOutput;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use std::fmt;
use zeroize::Zeroizing;

/// Length of a PRF output in bytes.
pub(crate) const OUTPUT_LEN: usize = 32;

/// What a PRF value is for; fixes its label (see the module table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Domain {
    /// A blind index (`blind_index.rs`). No label.
    BlindIndex,
    /// The `hash` operator (`pii/operators/hash.rs`).
    Hash,
    /// The `date-shift` operator's shift (`pii/operators/date_shift.rs`).
    DateShift,
    /// A pseudonym's seed (`pii/operators/pseudonym/mod.rs`).
    PseudonymSeed,
    /// One 32-byte block of a pseudonym's byte stream, keyed by the seed.
    /// No label.
    PseudonymBlock,
}

impl Domain {
    /// The label the message starts with (empty for the two domains that
    /// predate labels; see the module docs).
    const fn label(self) -> &'static [u8] {
        match self {
            Self::BlindIndex | Self::PseudonymBlock => b"",
            Self::Hash => b"fieldguard:hash:v1",
            Self::DateShift => b"fieldguard:date-shift:v1",
            Self::PseudonymSeed => b"fieldguard:pseudonym:v1",
        }
    }
}

/// An HMAC-SHA256 computation in progress: the label is written, parts
/// follow (see the module docs for the framing).
///
/// ```text
/// Prf::new(&key, Domain::Hash).framed(ty)?.framed(ctx)?.finish_with(value)
/// ```
///
/// `Debug` shows the domain only, never key-derived state.
pub(crate) struct Prf {
    mac: Hmac<Sha256>,
    domain: Domain,
}

impl Prf {
    /// Start a value of `domain` under `key` (any length; the subkeys are
    /// 32 bytes).
    pub(crate) fn new(key: &[u8], domain: Domain) -> Self {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key)
            .expect("HMAC-SHA256 takes keys of any length");
        mac.update(domain.label());
        Self { mac, domain }
    }

    /// Append `part` with its length as a big-endian `u32` in front, so
    /// that where it ends is never ambiguous. Fails with
    /// `INVALID_ARGUMENT` for parts of 4 GiB or more (which cannot be
    /// framed), rather than truncating the length.
    pub(crate) fn framed(mut self, part: &[u8]) -> Result<Self> {
        let len = u32::try_from(part.len()).map_err(|_| {
            Error::with(
                ErrorKind::InvalidArgument,
                "a keyed-hash input is 4 GiB or longer",
            )
        })?;
        self.mac.update(&len.to_be_bytes());
        self.mac.update(part);
        Ok(self)
    }

    /// Append one byte (fixed width, so unambiguous anywhere).
    pub(crate) fn byte(mut self, byte: u8) -> Self {
        self.mac.update(&[byte]);
        self
    }

    /// Append `n` as four big-endian bytes (fixed width).
    pub(crate) fn u32(mut self, n: u32) -> Self {
        self.mac.update(&n.to_be_bytes());
        self
    }

    /// The output. Zeroized on drop, because some outputs are keys (the
    /// pseudonym seed).
    pub(crate) fn finish(self) -> Zeroizing<[u8; OUTPUT_LEN]> {
        let mut out = Zeroizing::new([0u8; OUTPUT_LEN]);
        self.mac
            .finalize_into(GenericArray::from_mut_slice(&mut out[..]));
        out
    }

    /// Append `last` as it is, without a length, and finish. Unambiguous
    /// because nothing follows it; being the only way to append unframed
    /// bytes, it can only be the last part.
    pub(crate) fn finish_with(mut self, last: &[u8]) -> Zeroizing<[u8; OUTPUT_LEN]> {
        self.mac.update(last);
        self.finish()
    }
}

impl fmt::Debug for Prf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Prf")
            .field("domain", &self.domain)
            .finish_non_exhaustive()
    }
}

/// Lower-case hex, the text form of blind indexes and `hash` outputs.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0xf)] as char);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Domain; 5] = [
        Domain::BlindIndex,
        Domain::Hash,
        Domain::DateShift,
        Domain::PseudonymSeed,
        Domain::PseudonymBlock,
    ];

    /// Which key each domain is used with (the module table's second
    /// column); domains that share one must have separating labels.
    fn keyed_by(domain: Domain) -> &'static str {
        match domain {
            Domain::BlindIndex => "blind-index subkey",
            Domain::Hash => "hash subkey",
            Domain::DateShift | Domain::PseudonymSeed => "pseudonymize subkey",
            Domain::PseudonymBlock => "pseudonym seed",
        }
    }

    fn unhex(s: &str) -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    }

    fn hmac(key: &[u8], message: &[u8]) -> [u8; 32] {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).unwrap();
        mac.update(message);
        mac.finalize().into_bytes().into()
    }

    #[test]
    fn labels_separate_the_domains_of_one_key() {
        for a in ALL {
            for b in ALL {
                if a == b || keyed_by(a) != keyed_by(b) {
                    continue;
                }
                let (la, lb) = (a.label(), b.label());
                assert!(
                    !la.is_empty() && !lb.starts_with(la),
                    "{a:?} and {b:?} share a key, and {:?} is a prefix of {:?}",
                    String::from_utf8_lossy(la),
                    String::from_utf8_lossy(lb)
                );
            }
        }
        // A key used by one domain alone may go without a label.
        for d in ALL.into_iter().filter(|d| d.label().is_empty()) {
            assert_eq!(
                ALL.iter().filter(|o| keyed_by(**o) == keyed_by(d)).count(),
                1,
                "{d:?} has no label, so its key must be its own"
            );
        }
    }

    #[test]
    fn framing_is_injective() {
        let key = [7u8; 32];
        let two = |a: &[u8], b: &[u8]| {
            *Prf::new(&key, Domain::Hash)
                .framed(a)
                .unwrap()
                .framed(b)
                .unwrap()
                .finish()
        };
        let tail = |a: &[u8], b: &[u8]| {
            *Prf::new(&key, Domain::Hash)
                .framed(a)
                .unwrap()
                .finish_with(b)
        };
        assert_ne!(two(b"ab", b"c"), two(b"a", b"bc"));
        assert_ne!(two(b"", b"abc"), two(b"abc", b""));
        assert_ne!(tail(b"ab", b"c"), tail(b"a", b"bc"));
        assert_ne!(tail(b"", b"abc"), tail(b"abc", b""));
        // A length prefix that looks like content: ("\0\0\0\x01x", "") is
        // not ("x" framed twice).
        assert_ne!(tail(b"\0\0\0\x01x", b""), two(b"x", b""));
        // A tagged part: tag 0 + "ab" differs from tag 1 + "ab".
        let tagged = |t: u8, k: &[u8]| {
            *Prf::new(&key, Domain::DateShift)
                .byte(t)
                .framed(k)
                .unwrap()
                .finish()
        };
        assert_ne!(tagged(0, b"ab"), tagged(1, b"ab"));
        // The same parts in two domains of one key differ.
        let seed = *Prf::new(&key, Domain::PseudonymSeed)
            .framed(b"PII")
            .unwrap()
            .finish_with(b"x");
        assert_ne!(seed, tail(b"PII", b"x"));
    }

    #[test]
    fn matches_the_documented_layouts() {
        let key = [0x42u8; 32];
        let mut msg = b"fieldguard:hash:v1".to_vec();
        msg.extend([0, 0, 0, 13]);
        msg.extend(b"EMAIL_ADDRESS");
        msg.extend([0, 0, 0, 11]);
        msg.extend(b"users.email");
        msg.extend(b"alice@example.com");
        let got = Prf::new(&key, Domain::Hash)
            .framed(b"EMAIL_ADDRESS")
            .unwrap()
            .framed(b"users.email")
            .unwrap()
            .finish_with(b"alice@example.com");
        assert_eq!(*got, hmac(&key, &msg));

        let mut msg = b"fieldguard:date-shift:v1".to_vec();
        msg.extend([1, 0, 0, 0, 9]);
        msg.extend(b"patient-7");
        let got = Prf::new(&key, Domain::DateShift)
            .byte(1)
            .framed(b"patient-7")
            .unwrap()
            .finish();
        assert_eq!(*got, hmac(&key, &msg));

        let mut msg = b"fieldguard:pseudonym:v1".to_vec();
        msg.extend([0, 0, 0, 3]);
        msg.extend(b"PII");
        msg.extend(b"value");
        let seed = Prf::new(&key, Domain::PseudonymSeed)
            .framed(b"PII")
            .unwrap()
            .finish_with(b"value");
        assert_eq!(*seed, hmac(&key, &msg));

        let block = Prf::new(&seed[..], Domain::PseudonymBlock)
            .u32(0x0102_0304)
            .finish();
        assert_eq!(*block, hmac(&seed[..], &[1, 2, 3, 4]));

        let mut msg = vec![0, 0, 0, 2];
        msg.extend(b"ct");
        msg.extend("café".as_bytes());
        let got = Prf::new(&key, Domain::BlindIndex)
            .framed(b"ct")
            .unwrap()
            .finish_with("café".as_bytes());
        assert_eq!(*got, hmac(&key, &msg));
    }

    #[test]
    fn unlabeled_domains_are_plain_hmac_sha256_rfc4231() {
        // The blind-index and block domains add nothing before their parts,
        // so over a single tail they are HMAC-SHA256 itself.
        let file: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/kat/hmac-sha256-rfc4231.json")).unwrap();
        let cases = file["cases"].as_array().unwrap();
        assert!(cases.len() >= 6);
        for case in cases {
            let key = unhex(case["key"].as_str().unwrap());
            let msg = unhex(case["msg"].as_str().unwrap());
            for domain in [Domain::BlindIndex, Domain::PseudonymBlock] {
                let got = Prf::new(&key, domain).finish_with(&msg);
                assert_eq!(
                    hex(&got[..]),
                    case["mac"].as_str().unwrap(),
                    "{} ({domain:?})",
                    case["name"]
                );
            }
        }
    }

    #[test]
    fn debug_shows_no_key_state() {
        let prf = Prf::new(b"secret key bytes", Domain::Hash);
        assert_eq!(format!("{prf:?}"), "Prf { domain: Hash, .. }");
    }

    #[test]
    fn hex_is_lower_case() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
        assert_eq!(hex(&[]), "");
    }
}
