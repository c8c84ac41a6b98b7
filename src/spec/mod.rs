//! Specifications of fieldguard's data formats and guarantees, precise enough
//! for an independent implementation. These pages are the files
//! `src/spec/*.md` of the repository, so the crate docs and the repository
//! show the same text.

#[doc = include_str!("token-format.md")]
pub mod token_format {}

#[doc = include_str!("keyring.md")]
pub mod keyring {}

#[doc = include_str!("errors.md")]
pub mod errors {}

#[doc = include_str!("leakage.md")]
pub mod leakage {}

#[doc = include_str!("records.md")]
pub mod records {}
