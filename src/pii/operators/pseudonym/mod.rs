//! `pseudonymize`: deterministic, keyed, format-preserving fakes.
//!
//! ```text
//! seed  = HMAC-SHA256(pseudonymize subkey, "fieldguard:pseudonym:v1"
//!                     || u32_be(len(type)) || type || normalized value)
//! block = HMAC-SHA256(seed, u32_be(i))            for i = 0, 1, 2, …
//! ```
//!
//! Both are `crypto::prf` (`Domain::PseudonymSeed` and
//! `Domain::PseudonymBlock`), which documents the framing. The blocks are
//! a byte stream; a draw below `n` takes 4 bytes as a
//! big-endian `u32` and rejects values at or above the largest multiple of
//! `n` (no modulo bias). Integer arithmetic only, so every runtime derives
//! the same pseudonym from the same keyring. `type` is the entity type
//! name (`PII` without one); the operator context is *not* mixed in, so a
//! person keeps one pseudonym across fields, tables and services. The
//! normalized value is per type (digits only for cards, upper-case for
//! IBANs, lower-case for emails and names, the ISO date for dates of
//! birth, …), so `4111 1111…` and `4111-1111…` get the same digits in
//! their own layout.
//!
//! Formats (a value that does not fit its type's format falls back to the
//! generic rule):
//!
//! * `CREDIT_CARD` (12–19 digits, spaces and `-`): the brand's IIN prefix
//!   (Visa `4`, Amex `34`/`37`, Mastercard `51`–`55` or `2221`–`2720`, …;
//!   1 digit when the brand is unknown), the length and the separator
//!   positions are kept; the other digits are drawn and the last is the
//!   Luhn check digit. Never equal to the input.
//! * `IBAN_CODE`: country code, length, spaces and, per BBAN position, the
//!   character class (digit, upper, lower) are kept; valid ISO 7064 mod
//!   97-10 check digits. Never equal to the input.
//! * `EMAIL_ADDRESS`: local part `first` `sep` `initial` `sep` `last` +
//!   6 digits, lower-case, from the name lists (`sep` one of `.`, `_`,
//!   nothing: `jan.k.devries042817`); the domain is kept
//!   (`keepDomain`, default true) or one of the reserved `example.com`,
//!   `example.org`, `example.net` (RFC 2606).
//! * `PHONE_NUMBER`: `+` and the country code (as the phone validator reads
//!   it; else the first digit) and every separator are kept; digits are
//!   drawn, a national part never starts with `0`/`1` unless the original
//!   did (a leading trunk `0` is kept), North American numbers keep a 2–9
//!   exchange digit. Never equal to the input.
//! * `US_SSN` (9 digits, `-` or space separators): area 001–899 without 666,
//!   group 01–99, serial 0001–9999.
//! * `IP_ADDRESS`: IPv4 → `10.x.y.z` (RFC 1918 private space, z in 1..=254),
//!   IPv6 → `2001:db8::/32` (RFC 3849 documentation prefix) plus 96 drawn
//!   bits, RFC 5952 text. Neither is ever a real public host.
//! * `PERSON_NAME`: the number of parts (space or `-` separated) and each
//!   part's capitalization (UPPER, lower, Title) are kept; a locale (en, de,
//!   fr, es, it, nl, pl) is drawn once, the last part becomes a surname and
//!   the others given names of it; an initial (`J.`) stays an initial.
//! * `DATE_OF_BIRTH`: the date moved by ±1..=365 days (keyed by the value),
//!   same layout (see `date-shift`).
//! * `UK_NHS` (mod 11), `NL_BSN` (11-test), `ES_NIF` (DNI or NIE, check
//!   letter), `PL_PESEL` (a valid date in the same century, weighted check
//!   digit), `FR_NIR` (numeric, sex kept, key 97 − n mod 97),
//!   `IT_FISCAL_CODE` (standard layout, sex kept, check letter): same
//!   layout, valid check.
//! * `DE_TAX_ID` (Steuerliche Identifikationsnummer, 11 digits; spaces,
//!   `-`, `.`, `/` kept): first digit 1–9; in the first ten digits one
//!   digit twice or three times (never three in a row), the others at most
//!   once; ISO 7064 MOD 11,10 check digit. Passes the official ELSTER
//!   check and the `DE_TAX_ID` recognizer. Never equal to the input.
//! * everything else (and the fallbacks): ASCII digit → digit, upper-case
//!   letter → `A`–`Z`, other letters → `a`–`z`, anything else kept;
//!   `MAC_ADDRESS` keeps hex digits hex.

mod card;
mod email;
mod generic;
mod ids;
mod names;
mod phone;

use super::{OperatorContext, Result};
use crate::crypto::prf::{Domain, Prf, OUTPUT_LEN};
use crate::crypto::{Keyring, Purpose};
use crate::pii::EntityType;
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

/// `value` with the characters `slot` selects replaced, in order, by the
/// ASCII bytes of `new`: the fake keeps the original's separators and
/// layout. Works on chars, so non-ASCII separators survive unchanged.
pub(super) fn relayout(value: &str, new: &[u8], slot: fn(&char) -> bool) -> String {
    let mut it = new.iter();
    value
        .chars()
        .map(|c| {
            if slot(&c) {
                it.next().map_or(c, |&b| b as char)
            } else {
                c
            }
        })
        .collect()
}

/// Options of `pseudonymize` (the formats are in the module docs).
///
/// ```
/// use fieldguard::{pii::{operators::*, EntityType}, Keyring};
/// let keyring = Keyring::generate()?;
/// let ctx = OperatorContext::new().entity_type(EntityType::EmailAddress).keyring(&keyring);
/// let fake = apply(&Operator::Pseudonymize(Pseudonymize::default()), "alice@corp.example", &ctx)?;
/// assert!(fake.ends_with("@corp.example"));
/// assert!(fieldguard::validate::email(&fake).is_ok());
/// # Ok::<(), fieldguard::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Pseudonymize {
    /// Keep an email's domain (else a reserved `example.*` domain).
    /// Default true: the domain is rarely what identifies a person and
    /// per-domain statistics stay useful; set false for personal domains.
    pub keep_domain: bool,
    /// Derive under this key instead of the primary (to reproduce
    /// pseudonyms made before a rotation). Default none.
    pub key_id: Option<u32>,
}

impl Default for Pseudonymize {
    fn default() -> Self {
        Self {
            keep_domain: true,
            key_id: None,
        }
    }
}

impl Pseudonymize {
    pub(super) fn apply(
        &self,
        value: &str,
        ctx: &OperatorContext,
        keyring: &Keyring,
    ) -> Result<String> {
        let key = keyring.subkey(Purpose::Pseudonymize, self.key_id)?;
        let t = ctx.entity_type;
        let mut g = Drbg::new(&key, ctx.type_name(), &normalize(t, value))?;
        Ok(fake(t, value, &mut g, self.keep_domain))
    }
}

fn fake(t: Option<EntityType>, value: &str, g: &mut Drbg, keep_domain: bool) -> String {
    use EntityType as E;
    let specific = match t {
        Some(E::CreditCard) => card::fake(value, g),
        Some(E::IbanCode) => card::fake_iban(value, g),
        Some(E::EmailAddress) => email::fake(value, g, keep_domain),
        Some(E::PhoneNumber) => phone::fake(value, g),
        Some(E::UsSsn) => ids::ssn(value, g),
        Some(E::IpAddress) => ids::ip(value, g),
        Some(E::PersonName) => names::person(value, g),
        Some(E::DateOfBirth) => ids::date_of_birth(value, g),
        Some(E::UkNhs) => ids::nhs(value, g),
        Some(E::NlBsn) => ids::bsn(value, g),
        Some(E::EsNif) => ids::nif(value, g),
        Some(E::PlPesel) => ids::pesel(value, g),
        Some(E::FrNir) => ids::fr_nir(value, g),
        Some(E::ItFiscalCode) => ids::it_fiscal(value, g),
        Some(E::DeTaxId) => ids::de_tax_id(value, g),
        Some(E::MacAddress) => Some(generic::fake(value, g, true)),
        _ => None,
    };
    specific.unwrap_or_else(|| generic::fake(value, g, false))
}

/// The per-type canonical form the seed is computed over.
fn normalize(t: Option<EntityType>, value: &str) -> String {
    use EntityType as E;
    match t {
        Some(
            E::CreditCard | E::UsSsn | E::UkNhs | E::NlBsn | E::PlPesel | E::FrNir | E::DeTaxId,
        ) => value.chars().filter(char::is_ascii_digit).collect(),
        Some(E::PhoneNumber) => value
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect(),
        Some(E::IbanCode | E::EsNif | E::ItFiscalCode) => value
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect(),
        Some(E::EmailAddress | E::MacAddress | E::IpAddress) => {
            value.trim().nfc().collect::<String>().to_lowercase()
        }
        // A date of birth shifts the same way in any layout.
        Some(E::DateOfBirth) => match super::date_shift::ParsedDate::parse(value, true) {
            Some(d) => format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
            None => value.nfc().collect(),
        },
        Some(E::PersonName) => value
            .nfc()
            .collect::<String>()
            .to_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        _ => value.nfc().collect(),
    }
}

/// HMAC-SHA256 in counter mode, seeded per value (see the module docs).
pub(super) struct Drbg {
    seed: Zeroizing<[u8; OUTPUT_LEN]>,
    counter: u32,
    block: [u8; OUTPUT_LEN],
    pos: usize,
}

impl Drbg {
    fn new(subkey: &[u8], type_name: &str, normalized: &str) -> Result<Self> {
        let seed = Prf::new(subkey, Domain::PseudonymSeed)
            .framed(type_name.as_bytes())?
            .finish_with(normalized.as_bytes());
        Ok(Self {
            seed,
            counter: 0,
            block: [0; OUTPUT_LEN],
            pos: OUTPUT_LEN,
        })
    }

    fn byte(&mut self) -> u8 {
        if self.pos == OUTPUT_LEN {
            let block = Prf::new(&self.seed[..], Domain::PseudonymBlock)
                .u32(self.counter)
                .finish();
            self.block.copy_from_slice(&block[..]);
            self.counter = self.counter.wrapping_add(1);
            self.pos = 0;
        }
        self.pos += 1;
        self.block[self.pos - 1]
    }

    fn next_u32(&mut self) -> u32 {
        u32::from_be_bytes([self.byte(), self.byte(), self.byte(), self.byte()])
    }

    /// Uniform in `0..n` (`n` ≥ 1), by rejection.
    pub(super) fn below(&mut self, n: u32) -> u32 {
        let n = n.max(1);
        let limit = (1u64 << 32) - (1u64 << 32) % u64::from(n);
        loop {
            let x = self.next_u32();
            if u64::from(x) < limit {
                return x % n;
            }
        }
    }

    /// Uniform in `lo..=hi`.
    pub(super) fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below(hi - lo + 1)
    }

    /// An ASCII digit.
    pub(super) fn digit(&mut self) -> u8 {
        b'0' + self.below(10) as u8
    }

    /// One of `items` (which must not be empty).
    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u32) as usize]
    }
}

/// Draw with `make` until the result differs from `original` (a bounded
/// number of times: the chance of 8 equal draws is negligible, and the
/// bound keeps the loop finite on any input).
fn differing(
    original: &str,
    g: &mut Drbg,
    mut make: impl FnMut(&mut Drbg) -> Option<String>,
) -> Option<String> {
    let mut last = None;
    for _ in 0..8 {
        let out = make(g)?;
        if out != original {
            return Some(out);
        }
        last = Some(out);
    }
    last
}
