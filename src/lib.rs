#![doc = include_str!("../README.md")]
// The core is safe Rust; only the wasm adapter (generated glue) and the C ABI may opt out.
#![deny(unsafe_code)]
#![warn(missing_docs)]

mod blind_index;
pub mod detect;
mod encrypt;
mod error;
pub mod escape;
#[cfg(feature = "html")]
pub mod html;
mod keyring;
mod keys;
mod offsets;
pub mod pii;
pub mod policy;
mod random;
pub mod records;
pub mod spec;
#[cfg(feature = "stream")]
pub mod stream;
pub mod text;
mod token;
pub mod validate;

#[cfg(feature = "ffi")]
#[allow(unsafe_code)]
mod ffi;
#[cfg(feature = "wasm")]
#[allow(unsafe_code)]
mod wasm;

pub use blind_index::{canonicalize_for_index, BlindIndexOptions};
pub use error::{Error, ErrorKind, Result};
pub use keyring::{KeyInfo, KeyStatus, Keyring, KeyringSource, SECRETS_DIR};
pub use keys::{Purpose, SecretKey, KEY_LEN};
pub use records::{field_context, FieldPath};
pub use token::{
    decode_text, encode_text, inspect, inspect_bytes, looks_like_token, TokenFormat, TokenInfo,
    TEXT_PREFIX,
};
