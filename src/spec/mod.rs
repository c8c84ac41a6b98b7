//! Specifications of fieldguard's data formats. These pages are the same
//! files as `src/spec/*.md` in the repository.

#[doc = include_str!("token-format.md")]
pub mod token_format {}

#[doc = include_str!("keyring.md")]
pub mod keyring {}
