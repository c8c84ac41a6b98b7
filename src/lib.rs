#![doc = include_str!("../README.md")]
// The core is safe Rust; only the wasm adapter (generated glue) and the C ABI may opt out.
#![deny(unsafe_code)]
#![warn(missing_docs)]

pub mod crypto;
pub mod detect;
mod error;
pub mod escape;
#[cfg(feature = "html")]
pub mod html;
pub mod pii;
pub mod policy;
pub mod records;
pub mod spec;
#[cfg(feature = "stream")]
pub mod stream;
pub mod text;
pub mod validate;

#[cfg(feature = "ffi")]
#[allow(unsafe_code)]
mod ffi;
#[cfg(feature = "wasm")]
#[allow(unsafe_code)]
mod wasm;

pub use crypto::{
    canonicalize_for_index, decode_text, encode_text, inspect, inspect_bytes, looks_like_token,
    BlindIndexOptions, KeyInfo, KeyStatus, Keyring, KeyringSource, Purpose, SecretKey, TokenFormat,
    TokenInfo, KEY_LEN, SECRETS_DIR, TEXT_PREFIX,
};
pub use error::{Error, ErrorKind, Result};
pub use records::{field_context, FieldPath};
