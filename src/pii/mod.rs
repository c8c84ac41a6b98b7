//! PII detection and masking: checksum-validated recognizers over free text
//! ([`recognize`]) and operators that redact, mask, hash, pseudonymize,
//! encrypt or generalize what they find ([`operators`]), and free-text
//! anonymization that combines the two ([`anonymize`]).

pub mod anonymize;
mod entity;
pub mod operators;
pub mod recognize;

pub use entity::EntityType;
