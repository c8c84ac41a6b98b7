//! Encrypting and decrypting field values with a [`Keyring`].
//!
//! Randomized tokens (format `0x01`, AES-256-GCM) are the default: encrypting
//! the same value twice gives two unrelated tokens. Deterministic tokens
//! (format `0x02`, AES-SIV) are opt-in, see [`Keyring::encrypt_deterministic`].
//! [`Keyring::decrypt`] reads both.
//!
//! The *context* is bound to the token as associated data: pass something that
//! identifies where the value belongs (for example `b"users.email\0user-42"`).
//! The same context must be given to decrypt, so a token copied into another
//! field or record does not decrypt there. An empty context is allowed.

use super::keyring::{KeyEntry, Keyring};
use super::token::{self, TokenFormat, GCM_NONCE_LEN, GCM_TAG_LEN, HEADER_LEN};
use crate::error::{Error, ErrorKind, Result};
use aes_gcm::aead::AeadInPlace;
use aes_gcm::{Nonce, Tag};
use aes_siv::siv::Aes256Siv;
use aes_siv::KeyInit;

impl Keyring {
    /// Encrypt `plaintext` under the primary key into a binary token.
    ///
    /// ```
    /// let keyring = fieldguard::Keyring::generate()?;
    /// let token = keyring.encrypt(b"\x00\x01 raw bytes", b"files.blob")?;
    /// assert_eq!(keyring.decrypt(&token, b"files.blob")?, b"\x00\x01 raw bytes");
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn encrypt(&self, plaintext: &[u8], context: &[u8]) -> Result<Vec<u8>> {
        let key = self.primary();
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

    /// Decrypt a binary token of either format.
    ///
    /// Every cryptographic failure is the one error `DECRYPT_FAILED`; only
    /// header problems (`TOKEN_MALFORMED`, `TOKEN_UNKNOWN_VERSION`,
    /// `KEY_UNKNOWN_ID`, `KEY_DISABLED`) have their own codes.
    ///
    /// ```
    /// use fieldguard::{ErrorKind, Keyring};
    /// let keyring = Keyring::generate()?;
    /// let token = keyring.encrypt(b"secret", b"users.ssn\x0042")?;
    /// // Moved to another record: refused, with the same error as tampering.
    /// let err = keyring.decrypt(&token, b"users.ssn\x0043").unwrap_err();
    /// assert_eq!(err.kind(), ErrorKind::DecryptFailed);
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn decrypt(&self, token: &[u8], context: &[u8]) -> Result<Vec<u8>> {
        let info = token::inspect_bytes(token)?;
        open(self.usable(info.key_id)?, info.format, token, context)
    }

    /// Encrypt a string into a text token (`fg.` + base64url).
    ///
    /// ```
    /// let keyring = fieldguard::Keyring::generate()?;
    /// let token = keyring.encrypt_str("4111 1111 1111 1111", b"payments.card")?;
    /// assert!(token.starts_with("fg."));
    /// assert_eq!(keyring.decrypt_str(&token, b"payments.card")?, "4111 1111 1111 1111");
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn encrypt_str(&self, plaintext: &str, context: &[u8]) -> Result<String> {
        Ok(token::encode_text(
            &self.encrypt(plaintext.as_bytes(), context)?,
        ))
    }

    /// Decrypt a text token to a string. A token whose plaintext is not UTF-8
    /// (made with [`Keyring::encrypt`] from bytes) gives `INVALID_ARGUMENT`.
    pub fn decrypt_str(&self, token: &str, context: &[u8]) -> Result<String> {
        let plaintext = self.decrypt(&token::decode_text(token)?, context)?;
        into_utf8(plaintext)
    }

    /// Encrypt deterministically (AES-SIV, RFC 5297) under the primary key:
    /// the same plaintext, context and key always give the same token, so the
    /// token can be looked up by equality (`WHERE email_enc = ?`).
    ///
    /// **What it leaks**: which records hold equal values in the same
    /// context (and so their frequency), and the plaintext length. Use it only
    /// for fields that must be matched by equality, and prefer a distinct
    /// context per field so equal values in different fields do not match.
    /// After a key rotation, values encrypted under the old key no longer
    /// match new lookups: re-encrypt them, or search with
    /// [`Keyring::encrypt_deterministic_with_key`] for each active key.
    ///
    /// ```
    /// let keyring = fieldguard::Keyring::generate()?;
    /// let a = keyring.encrypt_deterministic(b"alice@example.com", b"users.email")?;
    /// let b = keyring.encrypt_deterministic(b"alice@example.com", b"users.email")?;
    /// assert_eq!(a, b);
    /// assert_eq!(keyring.decrypt(&a, b"users.email")?, b"alice@example.com");
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn encrypt_deterministic(&self, plaintext: &[u8], context: &[u8]) -> Result<Vec<u8>> {
        encrypt_siv(self.primary(), plaintext, context)
    }

    /// [`Keyring::encrypt_deterministic`] under key `key_id` instead of the
    /// primary (for lookups of rows not yet re-encrypted after a rotation).
    pub fn encrypt_deterministic_with_key(
        &self,
        plaintext: &[u8],
        context: &[u8],
        key_id: u32,
    ) -> Result<Vec<u8>> {
        encrypt_siv(self.usable(key_id)?, plaintext, context)
    }

    /// Text-token form of [`Keyring::encrypt_deterministic`].
    pub fn encrypt_deterministic_str(&self, plaintext: &str, context: &[u8]) -> Result<String> {
        Ok(token::encode_text(
            &self.encrypt_deterministic(plaintext.as_bytes(), context)?,
        ))
    }

    /// Re-encrypt a binary token under the current primary key, keeping its
    /// format (randomized stays randomized, deterministic stays
    /// deterministic). The token is always decrypted first, so a damaged
    /// token is an error, never passed on. A token already under the primary
    /// key is returned unchanged.
    ///
    /// ```
    /// let mut keyring = fieldguard::Keyring::generate()?;
    /// let old = keyring.encrypt(b"v", b"ctx")?;
    /// let new_primary = keyring.rotate()?;
    /// let new = keyring.reencrypt(&old, b"ctx")?;
    /// assert_eq!(fieldguard::inspect_bytes(&new)?.key_id, new_primary);
    /// assert_eq!(keyring.decrypt(&new, b"ctx")?, b"v");
    /// # Ok::<(), fieldguard::Error>(())
    /// ```
    pub fn reencrypt(&self, token: &[u8], context: &[u8]) -> Result<Vec<u8>> {
        Ok(self
            .reencrypt_if_needed(token, context)?
            .unwrap_or_else(|| token.to_vec()))
    }

    /// Text-token form of [`Keyring::reencrypt`].
    pub fn reencrypt_str(&self, token: &str, context: &[u8]) -> Result<String> {
        Ok(
            match self.reencrypt_if_needed(&token::decode_text(token)?, context)? {
                Some(again) => token::encode_text(&again),
                None => token.to_owned(),
            },
        )
    }

    /// Decrypt `token` (always: a damaged token is an error, never passed
    /// on), then re-encrypt it under the primary key in the same format;
    /// `None` when it already is under the primary key.
    fn reencrypt_if_needed(&self, token: &[u8], context: &[u8]) -> Result<Option<Vec<u8>>> {
        let info = token::inspect_bytes(token)?;
        let key = self.usable(info.key_id)?;
        let plaintext = zeroize::Zeroizing::new(open(key, info.format, token, context)?);
        if info.key_id == self.primary_id() {
            return Ok(None);
        }
        match info.format {
            TokenFormat::Randomized => self.encrypt(&plaintext, context),
            TokenFormat::Deterministic => self.encrypt_deterministic(&plaintext, context),
        }
        .map(Some)
    }
}

/// Open a token whose header has been read and whose key has been found.
fn open(key: &KeyEntry, format: TokenFormat, token: &[u8], context: &[u8]) -> Result<Vec<u8>> {
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

fn encrypt_siv(key: &KeyEntry, plaintext: &[u8], context: &[u8]) -> Result<Vec<u8>> {
    let mut header = Vec::with_capacity(HEADER_LEN);
    push_header(&mut header, TokenFormat::Deterministic, key.id);
    let sealed = siv(key)
        .encrypt([&header[..], context], plaintext)
        .map_err(|_| Error::with(ErrorKind::InvalidArgument, "plaintext too long"))?;
    header.extend_from_slice(&sealed);
    Ok(header)
}

fn decrypt_siv(key: &KeyEntry, token: &[u8], context: &[u8]) -> Result<Vec<u8>> {
    siv(key)
        .decrypt([&token[..HEADER_LEN], context], &token[HEADER_LEN..])
        .map_err(|_| Error::new(ErrorKind::DecryptFailed))
}

pub(crate) fn into_utf8(bytes: Vec<u8>) -> Result<String> {
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
