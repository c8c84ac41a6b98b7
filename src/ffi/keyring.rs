//! Keyrings and text tokens (AES-256-GCM / AES-SIV) for C: the opaque
//! `fg_keyring` handle, `fg_encrypt` and `fg_decrypt`.

use super::{bytes_arg, guard, out_arg, put, str_arg};
use crate::{decode_text, encode_text, Keyring};
use std::ffi::{c_char, c_int};

/// The `fg_keyring` of the header: a boxed keyring (keys zeroized on free).
pub struct FgKeyring {
    pub(crate) inner: Keyring,
}

/// Parse keyring JSON (schema: `src/spec/keyring.md`) into a new handle.
///
/// # Safety
/// See `fieldguard.h`.
#[no_mangle]
pub unsafe extern "C" fn fg_keyring_from_json(
    json: *const c_char,
    json_len: usize,
    keyring_out: *mut *mut FgKeyring,
) -> c_int {
    guard(|| {
        // SAFETY (whole block): the pointers are as the header requires.
        unsafe {
            out_arg(keyring_out, "keyring_out")?;
            let json = str_arg(json, json_len, "json")?;
            let inner = Keyring::from_json(json)?;
            keyring_out.write(Box::into_raw(Box::new(FgKeyring { inner })));
            Ok(())
        }
    })
}

/// A new keyring with one fresh primary key.
///
/// # Safety
/// See `fieldguard.h`.
#[no_mangle]
pub unsafe extern "C" fn fg_keyring_generate(keyring_out: *mut *mut FgKeyring) -> c_int {
    guard(|| {
        // SAFETY: `keyring_out` is checked, then written once.
        unsafe {
            out_arg(keyring_out, "keyring_out")?;
            let inner = Keyring::generate()?;
            keyring_out.write(Box::into_raw(Box::new(FgKeyring { inner })));
            Ok(())
        }
    })
}

/// Free a keyring (its key bytes are zeroized). NULL is a no-op.
///
/// # Safety
/// `keyring` must be NULL or a handle from fieldguard not yet freed.
#[no_mangle]
pub unsafe extern "C" fn fg_keyring_free(keyring: *mut FgKeyring) {
    if keyring.is_null() {
        return;
    }
    // Dropping a keyring only zeroizes memory, but a panic must not
    // unwind into C even so.
    let _ = std::panic::catch_unwind(|| {
        // SAFETY: the handle came from `Box::into_raw` and is freed once.
        drop(unsafe { Box::from_raw(keyring) });
    });
}

/// The primary key's ID (0 for a NULL handle: IDs start at 1).
///
/// # Safety
/// `keyring` must be NULL or a live handle.
#[no_mangle]
pub unsafe extern "C" fn fg_keyring_primary_id(keyring: *const FgKeyring) -> u32 {
    // SAFETY: NULL or a live handle per the caller.
    let Some(keyring) = (unsafe { keyring.as_ref() }) else {
        return 0;
    };
    // A validated keyring always has a primary; the catch is for the
    // invariant's `expect`, so that even a bug cannot unwind into C.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| keyring.inner.primary_id()))
        .unwrap_or(0)
}

/// Borrow a keyring handle, refusing NULL.
///
/// # Safety
/// `keyring` must be NULL or a live handle.
pub(crate) unsafe fn keyring_arg<'a>(keyring: *const FgKeyring) -> crate::Result<&'a Keyring> {
    // SAFETY: per the caller.
    unsafe { keyring.as_ref() }
        .map(|k| &k.inner)
        .ok_or_else(|| super::invalid("keyring is NULL"))
}

/// Encrypt bytes under the primary key into a text token (`fg.…`) bound to
/// `context`.
///
/// # Safety
/// See `fieldguard.h`.
#[no_mangle]
pub unsafe extern "C" fn fg_encrypt(
    keyring: *const FgKeyring,
    plaintext: *const c_char,
    plaintext_len: usize,
    context: *const c_char,
    context_len: usize,
    token_out: *mut *mut c_char,
) -> c_int {
    guard(|| {
        // SAFETY (whole block): the pointers are as the header requires.
        unsafe {
            out_arg(token_out, "token_out")?;
            let keyring = keyring_arg(keyring)?;
            let plaintext = bytes_arg(plaintext, plaintext_len, "plaintext")?;
            let context = bytes_arg(context, context_len, "context")?;
            let token = encode_text(&keyring.encrypt(plaintext, context)?);
            put(token_out, std::ptr::null_mut(), token.as_bytes())
        }
    })
}

/// Decrypt a text token (either format) bound to `context`.
///
/// # Safety
/// See `fieldguard.h`.
#[no_mangle]
pub unsafe extern "C" fn fg_decrypt(
    keyring: *const FgKeyring,
    token: *const c_char,
    token_len: usize,
    context: *const c_char,
    context_len: usize,
    plaintext_out: *mut *mut c_char,
    plaintext_len_out: *mut usize,
) -> c_int {
    guard(|| {
        // SAFETY (whole block): the pointers are as the header requires.
        unsafe {
            out_arg(plaintext_out, "plaintext_out")?;
            let keyring = keyring_arg(keyring)?;
            // NULL is the caller's mistake; bytes that are not text cannot
            // be a token.
            let token =
                std::str::from_utf8(bytes_arg(token, token_len, "token")?).map_err(|_| {
                    crate::Error::with(crate::ErrorKind::TokenMalformed, "token is not ASCII text")
                })?;
            let context = bytes_arg(context, context_len, "context")?;
            let plaintext =
                zeroize::Zeroizing::new(keyring.decrypt(&decode_text(token)?, context)?);
            put(plaintext_out, plaintext_len_out, &plaintext)
        }
    })
}
