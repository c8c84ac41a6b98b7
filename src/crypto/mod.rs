//! Keys, keyrings, tokens and the primitives behind them (moved here from
//! the crate root; the overview follows in a later commit).

mod aead;
mod blind_index;
mod keyring;
mod keys;
pub(crate) mod random;
mod source;
mod token;

pub use blind_index::{canonicalize_for_index, BlindIndexOptions};
pub use keyring::Keyring;
pub use keys::{KeyInfo, KeyStatus, Purpose, SecretKey, KEY_LEN};
pub use source::{KeyringSource, SECRETS_DIR};
pub use token::{
    decode_text, encode_text, inspect, inspect_bytes, looks_like_token, TokenFormat, TokenInfo,
    TEXT_PREFIX,
};
