//! The two token ciphers over one key: AES-256-GCM for randomized tokens
//! (format `0x01`) and AES-SIV (RFC 5297) for deterministic ones (`0x02`).
//!
//! These functions get the key already chosen; choosing it (the primary
//! to encrypt, the token's key ID to decrypt, refusing disabled keys) and
//! the public methods (`Keyring::encrypt`, `decrypt`,
//! `encrypt_deterministic`, `reencrypt`, …) are in [`super::keyring`], so
//! every `Keyring` method is in one file and this one only holds the AEAD
//! constructions. The byte layouts are in [`super::token`] and
//! `src/spec/token-format.md`.
//!
//! The *context* is bound to every token as associated data, after the
//! 5-byte header (format byte and key ID), so neither the header nor the
//! context can be changed without the token failing to decrypt:
//!
//! ```text
//! 0x01: AES-256-GCM(encrypt subkey, nonce = 12 random bytes,
//!                   AAD = header || context)
//! 0x02: AES-SIV(deterministic subkey, AD vector = [header, context])
//! ```

use super::keys::KeyEntry;
use super::token::{TokenFormat, GCM_NONCE_LEN, GCM_TAG_LEN, HEADER_LEN};
use crate::error::{Error, ErrorKind, Result};
use aes_gcm::aead::AeadInPlace;
use aes_gcm::{Nonce, Tag};
use aes_siv::siv::Aes256Siv;
use aes_siv::KeyInit;

/// A randomized (`0x01`) token of `plaintext` under `key`, with a fresh
/// nonce from the OS CSPRNG.
pub(super) fn seal_randomized(key: &KeyEntry, plaintext: &[u8], context: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::with_capacity(TokenFormat::Randomized.min_len() + plaintext.len());
    push_header(&mut out, TokenFormat::Randomized, key.id);
    let mut nonce = [0u8; GCM_NONCE_LEN];
    super::random::fill(&mut nonce)?;
    out.extend_from_slice(&nonce);
    out.extend_from_slice(plaintext);
    let aad = associated_data(&out[..HEADER_LEN], context);
    let body = HEADER_LEN + GCM_NONCE_LEN;
    let tag = key
        .gcm
        .encrypt_in_place_detached(Nonce::from_slice(&nonce), &aad, &mut out[body..])
        // Only fails for plaintexts over 64 GiB.
        .map_err(|_| Error::with(ErrorKind::InvalidArgument, "plaintext too long"))?;
    out.extend_from_slice(&tag);
    Ok(out)
}

/// A deterministic (`0x02`) token of `plaintext` under `key`.
pub(super) fn seal_deterministic(
    key: &KeyEntry,
    plaintext: &[u8],
    context: &[u8],
) -> Result<Vec<u8>> {
    let mut header = Vec::with_capacity(HEADER_LEN);
    push_header(&mut header, TokenFormat::Deterministic, key.id);
    let sealed = siv(key)
        .encrypt([&header[..], context], plaintext)
        .map_err(|_| Error::with(ErrorKind::InvalidArgument, "plaintext too long"))?;
    header.extend_from_slice(&sealed);
    Ok(header)
}

/// Open a token whose header has been read and whose key has been found.
/// Every cryptographic failure is the one error `DECRYPT_FAILED`.
pub(super) fn open(
    key: &KeyEntry,
    format: TokenFormat,
    token: &[u8],
    context: &[u8],
) -> Result<Vec<u8>> {
    match format {
        TokenFormat::Randomized => decrypt_gcm(key, token, context),
        TokenFormat::Deterministic => decrypt_siv(key, token, context),
    }
}

fn push_header(out: &mut Vec<u8>, format: TokenFormat, key_id: u32) {
    out.push(format.byte());
    out.extend_from_slice(&key_id.to_be_bytes());
}

/// AAD of a randomized token: the 5 header bytes, then the context. The
/// header has a fixed length, so the concatenation is unambiguous.
fn associated_data(header: &[u8], context: &[u8]) -> Vec<u8> {
    let mut aad = Vec::with_capacity(header.len() + context.len());
    aad.extend_from_slice(header);
    aad.extend_from_slice(context);
    aad
}

fn decrypt_gcm(key: &KeyEntry, token: &[u8], context: &[u8]) -> Result<Vec<u8>> {
    let body = HEADER_LEN + GCM_NONCE_LEN;
    let tag_at = token.len() - GCM_TAG_LEN;
    let aad = associated_data(&token[..HEADER_LEN], context);
    let mut plaintext = token[body..tag_at].to_vec();
    key.gcm
        .decrypt_in_place_detached(
            Nonce::from_slice(&token[HEADER_LEN..body]),
            &aad,
            &mut plaintext,
            Tag::from_slice(&token[tag_at..]),
        )
        .map_err(|_| Error::new(ErrorKind::DecryptFailed))?;
    Ok(plaintext)
}

fn siv(key: &KeyEntry) -> Aes256Siv {
    Aes256Siv::new_from_slice(&key.siv_key).expect("the deterministic subkey is 64 bytes")
}

fn decrypt_siv(key: &KeyEntry, token: &[u8], context: &[u8]) -> Result<Vec<u8>> {
    siv(key)
        .decrypt([&token[..HEADER_LEN], context], &token[HEADER_LEN..])
        .map_err(|_| Error::new(ErrorKind::DecryptFailed))
}

/// The plaintext as a string; bytes that are not UTF-8 are zeroized and
/// refused with `INVALID_ARGUMENT`.
pub(super) fn into_utf8(bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes).map_err(|e| {
        // Zeroize the plaintext we are about to drop.
        let mut bytes = e.into_bytes();
        zeroize::Zeroize::zeroize(&mut bytes);
        Error::with(
            ErrorKind::InvalidArgument,
            "the plaintext is bytes, not UTF-8 text: decrypt it as bytes",
        )
    })
}
