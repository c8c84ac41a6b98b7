//! The wasm-bindgen adapter: the JS API over the core, nothing more.
//!
//! Conventions, so that every runtime behaves the same:
//! * names are camelCase (`js_name`), bytes are `Uint8Array`, options are
//!   plain objects whose TypeScript types are declared below (no `any`);
//! * arguments arrive as `JsValue` and are checked here, so a wrong type, a
//!   lone UTF-16 surrogate or a misspelt option is a coded `INVALID_ARGUMENT`
//!   error instead of a silent coercion (a typo'd `contxt` would otherwise
//!   encrypt with an empty context);
//! * every failure goes through [`into_error`]: a real JS `Error` with
//!   `name = "FieldguardError"` and the core's stable `code`.

mod args;
mod detect;
mod escape;
#[cfg(feature = "html")]
mod html;
mod json;
mod pii_anonymize;
mod pii_ops;
mod pii_scan;
mod policy;
mod slot;
mod text;
mod validate;

use crate::{BlindIndexOptions, Error, ErrorKind, KeyStatus, Keyring, Purpose, SecretKey};
use args::{
    bool_option, bytes_arg, context_option, integer_option, options_object, string_arg, u32_arg,
};
use js_sys::{Array, Object, Reflect, Uint8Array, WeakMap};
use slot::Slot;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};
use wasm_bindgen::prelude::*;

/// The `ErrorCode` union, generated from the error table (`src/error.rs`),
/// so that it cannot drift from the codes the core returns.
#[wasm_bindgen(typescript_custom_section)]
const ERROR_CODE: &str = crate::error::TS_ERROR_CODE;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** Every error fieldguard throws. Messages never contain keys or plaintext. */
export interface FieldguardError extends Error {
  name: "FieldguardError";
  code: ErrorCode;
}

/** Associated data bound to a token: a string (UTF-8) or bytes. */
export type Context = string | Uint8Array;

export interface EncryptOptions {
  /** Where the value belongs, e.g. "users.email\u0000user-42". Default: empty. */
  context?: Context;
}

export interface EncryptTextOptions extends EncryptOptions {
  /** Longer plaintext (UTF-8 bytes) throws INPUT_TOO_LARGE. Default 1048576, as `clean`. */
  maxInputBytes?: number;
}

export interface DeterministicOptions extends EncryptOptions {
  /** Encrypt under this key instead of the primary (lookups during rotation). */
  keyId?: number;
}

export interface BlindIndexOptions {
  /** Distinct per column, so equal values in two columns do not match. Default: empty. */
  context?: Context;
  /** Index length in bytes, 4..=32. Default 16. */
  length?: number;
  /** Lower-case before indexing. Default false. */
  caseInsensitive?: boolean;
  /** Compute under this key instead of the primary. */
  keyId?: number;
}

export type KeyStatus = "primary" | "decrypt-only" | "disabled";

export interface KeyInfo {
  id: number;
  status: KeyStatus;
}

export interface TokenInfo {
  format: "randomized" | "deterministic";
  keyId: number;
}

export type Purpose = "encrypt" | "deterministic" | "blind-index" | "pseudonymize" | "hash";
"#;

#[wasm_bindgen]
extern "C" {
    /// `EncryptOptions` from the TypeScript section above.
    #[wasm_bindgen(typescript_type = "EncryptOptions")]
    pub type EncryptOptionsArg;
    /// `EncryptTextOptions` from the TypeScript section above.
    #[wasm_bindgen(typescript_type = "EncryptTextOptions")]
    pub type EncryptTextOptionsArg;
    /// `DeterministicOptions` from the TypeScript section above.
    #[wasm_bindgen(typescript_type = "DeterministicOptions")]
    pub type DeterministicOptionsArg;
    /// `BlindIndexOptions` from the TypeScript section above.
    #[wasm_bindgen(typescript_type = "BlindIndexOptions")]
    pub type BlindIndexOptionsArg;
}

/// Turn a core error into a JS `Error` with `name` and a stable `code`.
pub(crate) fn into_error(err: Error) -> JsValue {
    let js = js_sys::Error::new(&err.to_string());
    js.set_name("FieldguardError");
    // Setting a property on a fresh Error object cannot fail.
    let _ = Reflect::set(
        &js,
        &JsValue::from_str("code"),
        &JsValue::from_str(err.code()),
    );
    js.into()
}

type JsResult<T> = Result<T, JsValue>;

fn invalid(detail: impl Into<std::borrow::Cow<'static, str>>) -> JsValue {
    into_error(Error::with(ErrorKind::InvalidArgument, detail))
}

/// A keyring held inside the wasm instance. Call `free()` (or use `using`)
/// when done: the key bytes are zeroized when it is freed.
///
/// Why a slot and not the keyring itself: see `slot.rs` (free must work
/// after a trap, re-entrant calls must fail with a code). Every method takes
/// `&self`, so wasm-bindgen's own borrow check never refuses (its errors
/// have no code); the slot decides.
#[wasm_bindgen(js_name = Keyring)]
pub struct JsKeyring {
    id: u32,
    slot: Rc<Slot<Keyring>>,
}

thread_local! {
    /// Keyring JS objects made here → their id. A `WeakMap` is keyed by
    /// identity and runs no caller code, so a look-alike object or a proxy
    /// of a keyring is never taken for one.
    static BRAND: WeakMap = WeakMap::new();
    /// id → slot, for keyrings passed as arguments.
    static KEYRINGS: RefCell<HashMap<u32, Weak<Slot<Keyring>>>> = RefCell::new(HashMap::new());
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
}

impl JsKeyring {
    /// Wrap a core keyring as a JS `Keyring` object and remember it.
    fn into_js(inner: Keyring) -> JsResult<JsValue> {
        let id = NEXT_ID.with(|n| {
            let id = n.get();
            n.set(id.wrapping_add(1).max(1));
            id
        });
        let slot = Rc::new(Slot::new(inner, "keyring"));
        KEYRINGS
            .with(|m| {
                m.try_borrow_mut()
                    .map(|mut m| m.insert(id, Rc::downgrade(&slot)))
            })
            .map_err(|_| invalid("keyring registry unavailable after an earlier trap"))?;
        let js = JsValue::from(JsKeyring { id, slot });
        BRAND.with(|b| b.set(js.unchecked_ref(), &id.into()));
        Ok(js)
    }

    fn read<R>(&self, f: impl FnOnce(&Keyring) -> crate::Result<R>) -> JsResult<R> {
        self.slot.read(f).and_then(|r| r).map_err(into_error)
    }
}

impl Drop for JsKeyring {
    fn drop(&mut self) {
        // The JS object was garbage-collected (or freed): forget its id. A
        // registry left borrowed by a trap keeps the entry; its Weak is dead.
        KEYRINGS.with(|m| {
            if let Ok(mut m) = m.try_borrow_mut() {
                m.remove(&self.id);
            }
        });
    }
}

/// The slot of a `Keyring` passed as an argument; anything else is `INVALID_ARGUMENT`.
pub(crate) fn keyring_arg(value: &JsValue) -> JsResult<Rc<Slot<Keyring>>> {
    let refuse = || invalid("keyring must be a Keyring");
    if !value.is_object() {
        return Err(refuse());
    }
    let id = BRAND
        .with(|b| b.get(value.unchecked_ref()))
        .as_f64()
        .ok_or_else(refuse)?;
    KEYRINGS
        .with(|m| m.try_borrow().ok()?.get(&(id as u32))?.upgrade())
        .ok_or_else(refuse)
}

/// `null`/`undefined` → no keyring; a `Keyring` → its slot.
pub(crate) fn optional_keyring_arg(value: &JsValue) -> JsResult<Option<Rc<Slot<Keyring>>>> {
    if value.is_null() || value.is_undefined() {
        return Ok(None);
    }
    keyring_arg(value)
        .map(Some)
        .map_err(|_| invalid("keyring must be a Keyring, null or undefined"))
}

/// Run `f` with the keyring of an optional slot.
pub(crate) fn with_optional<R>(
    slot: Option<&Slot<Keyring>>,
    f: impl FnOnce(Option<&Keyring>) -> crate::Result<R>,
) -> JsResult<R> {
    match slot {
        Some(slot) => slot.read(|k| f(Some(k))).and_then(|r| r),
        None => f(None),
    }
    .map_err(into_error)
}

#[wasm_bindgen(js_class = Keyring)]
impl JsKeyring {
    /// A new keyring with one fresh primary key (random bytes from Web Crypto).
    #[wasm_bindgen(unchecked_return_type = "Keyring")]
    pub fn generate() -> JsResult<JsValue> {
        Self::into_js(Keyring::generate().map_err(into_error)?)
    }

    /// Zeroize the key bytes and release the keyring. Idempotent; also
    /// works after a call on this keyring trapped (see the README). Later
    /// calls throw `INVALID_ARGUMENT`.
    #[wasm_bindgen(js_name = free)]
    pub fn free_keys(&self) {
        self.slot.free();
    }

    /// Parse keyring JSON (schema: src/spec/keyring.md).
    #[wasm_bindgen(js_name = fromJson)]
    #[wasm_bindgen(unchecked_return_type = "Keyring")]
    pub fn from_json(
        #[wasm_bindgen(unchecked_param_type = "string")] json: JsValue,
    ) -> JsResult<JsValue> {
        let json = zeroize::Zeroizing::new(string_arg(&json, "json")?);
        Self::into_js(Keyring::from_json(&json).map_err(into_error)?)
    }

    /// The keyring JSON, including key material: store it as a secret.
    #[wasm_bindgen(js_name = toJson)]
    pub fn to_json(&self) -> JsResult<String> {
        self.read(|k| Ok(k.to_json().to_string()))
    }

    /// Add a fresh primary key; the old primary becomes decrypt-only. Returns the new key ID.
    pub fn rotate(&self) -> JsResult<u32> {
        self.slot
            .write(Keyring::rotate)
            .and_then(|r| r)
            .map_err(into_error)
    }

    /// Set a key's status (making one primary demotes the current primary).
    #[wasm_bindgen(js_name = setStatus)]
    pub fn set_status(
        &self,
        #[wasm_bindgen(unchecked_param_type = "number")] id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "KeyStatus")] status: JsValue,
    ) -> JsResult<()> {
        let id = u32_arg(&id, "id")?;
        let status = match string_arg(&status, "status")?.as_str() {
            "primary" => KeyStatus::Primary,
            "decrypt-only" => KeyStatus::DecryptOnly,
            "disabled" => KeyStatus::Disabled,
            _ => {
                return Err(invalid(
                    "status must be \"primary\", \"decrypt-only\" or \"disabled\"",
                ))
            }
        };
        self.slot
            .write(|k| k.set_status(id, status))
            .and_then(|r| r)
            .map_err(into_error)
    }

    /// The primary key's ID.
    #[wasm_bindgen(getter, js_name = primaryKeyId)]
    pub fn primary_key_id(&self) -> JsResult<u32> {
        self.read(|k| Ok(k.primary_id()))
    }

    /// IDs and statuses of all keys (never their bytes).
    #[wasm_bindgen(unchecked_return_type = "KeyInfo[]")]
    pub fn keys(&self) -> JsResult<JsValue> {
        let keys: Vec<(u32, &'static str)> =
            self.read(|k| Ok(k.keys().map(|k| (k.id, k.status.name())).collect()))?;
        Ok(keys
            .into_iter()
            .map(|(id, status)| {
                let o = Object::new();
                set(&o, "id", id.into());
                set(&o, "status", status.into());
                JsValue::from(o)
            })
            .collect::<Array>()
            .into())
    }

    /// Encrypt a string into a text token (`fg.…`) under the primary key.
    pub fn encrypt(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] plaintext: JsValue,
        options: Option<EncryptTextOptionsArg>,
    ) -> JsResult<String> {
        let plaintext = zeroize::Zeroizing::new(string_arg(&plaintext, "plaintext")?);
        let o = options_object(options.map(JsValue::from), &["context", "maxInputBytes"])?;
        let context = context_option(o.as_ref())?;
        let max = integer_option(o.as_ref(), "maxInputBytes", 0, u64::MAX >> 11)?
            .unwrap_or(crate::text::DEFAULT_MAX_INPUT_BYTES);
        self.read(|k| k.encrypt_str_limited(&plaintext, &context, max))
    }

    /// Decrypt a text token (either format) to a string.
    pub fn decrypt(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] token: JsValue,
        options: Option<EncryptOptionsArg>,
    ) -> JsResult<String> {
        let token = string_arg(&token, "token")?;
        let context = encrypt_options(options.map(JsValue::from))?;
        self.read(|k| k.decrypt_str(&token, &context))
    }

    /// Encrypt bytes into a binary token.
    #[wasm_bindgen(js_name = encryptBytes)]
    pub fn encrypt_bytes(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] plaintext: JsValue,
        options: Option<EncryptOptionsArg>,
    ) -> JsResult<Uint8Array> {
        let plaintext = zeroize::Zeroizing::new(bytes_arg(&plaintext, "plaintext")?);
        let context = encrypt_options(options.map(JsValue::from))?;
        let token = self.read(|k| k.encrypt(&plaintext, &context))?;
        Ok(Uint8Array::from(&token[..]))
    }

    /// Decrypt a binary token (either format) to bytes.
    #[wasm_bindgen(js_name = decryptBytes)]
    pub fn decrypt_bytes(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] token: JsValue,
        options: Option<EncryptOptionsArg>,
    ) -> JsResult<Uint8Array> {
        let token = bytes_arg(&token, "token")?;
        let context = encrypt_options(options.map(JsValue::from))?;
        let plaintext = zeroize::Zeroizing::new(self.read(|k| k.decrypt(&token, &context))?);
        Ok(Uint8Array::from(&plaintext[..]))
    }

    /// Deterministic (AES-SIV) text token: equal inputs give equal tokens.
    /// Leaks equality and length; see src/spec/token-format.md.
    #[wasm_bindgen(js_name = encryptDeterministic)]
    pub fn encrypt_deterministic(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] plaintext: JsValue,
        options: Option<DeterministicOptionsArg>,
    ) -> JsResult<String> {
        let plaintext = zeroize::Zeroizing::new(string_arg(&plaintext, "plaintext")?);
        let token = self.deterministic(plaintext.as_bytes(), options.map(JsValue::from))?;
        Ok(crate::encode_text(&token))
    }

    /// Deterministic (AES-SIV) binary token.
    #[wasm_bindgen(js_name = encryptDeterministicBytes)]
    pub fn encrypt_deterministic_bytes(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] plaintext: JsValue,
        options: Option<DeterministicOptionsArg>,
    ) -> JsResult<Uint8Array> {
        let plaintext = zeroize::Zeroizing::new(bytes_arg(&plaintext, "plaintext")?);
        let token = self.deterministic(&plaintext, options.map(JsValue::from))?;
        Ok(Uint8Array::from(&token[..]))
    }

    /// Re-encrypt a text token under the primary key (unchanged if it already is).
    pub fn reencrypt(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] token: JsValue,
        options: Option<EncryptOptionsArg>,
    ) -> JsResult<String> {
        let token = string_arg(&token, "token")?;
        let context = encrypt_options(options.map(JsValue::from))?;
        self.read(|k| k.reencrypt_str(&token, &context))
    }

    /// Re-encrypt a binary token under the primary key.
    #[wasm_bindgen(js_name = reencryptBytes)]
    pub fn reencrypt_bytes(
        &self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array")] token: JsValue,
        options: Option<EncryptOptionsArg>,
    ) -> JsResult<Uint8Array> {
        let token = bytes_arg(&token, "token")?;
        let context = encrypt_options(options.map(JsValue::from))?;
        let again = self.read(|k| k.reencrypt(&token, &context))?;
        Ok(Uint8Array::from(&again[..]))
    }

    /// Blind index (truncated keyed HMAC-SHA256, lower-case hex) for equality lookups.
    #[wasm_bindgen(js_name = blindIndex)]
    pub fn blind_index(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] value: JsValue,
        options: Option<BlindIndexOptionsArg>,
    ) -> JsResult<String> {
        let value = zeroize::Zeroizing::new(string_arg(&value, "value")?);
        let o = options_object(
            options.map(JsValue::from),
            &["context", "length", "caseInsensitive", "keyId"],
        )?;
        let context = context_option(o.as_ref())?;
        let mut opts = BlindIndexOptions::new(&context);
        if let Some(length) = integer_option(o.as_ref(), "length", 0, 1 << 20)? {
            opts = opts.length(length as usize);
        }
        if let Some(yes) = bool_option(o.as_ref(), "caseInsensitive")? {
            opts = opts.case_insensitive(yes);
        }
        if let Some(id) = integer_option(o.as_ref(), "keyId", 1, u32::MAX.into())? {
            opts = opts.key_id(id as u32);
        }
        self.read(|k| k.blind_index(&value, &opts))
    }
}

impl JsKeyring {
    fn deterministic(&self, plaintext: &[u8], options: Option<JsValue>) -> JsResult<Vec<u8>> {
        let o = options_object(options, &["context", "keyId"])?;
        let context = context_option(o.as_ref())?;
        let key_id = integer_option(o.as_ref(), "keyId", 1, u32::MAX.into())?;
        self.read(|k| match key_id {
            Some(id) => k.encrypt_deterministic_with_key(plaintext, &context, id as u32),
            None => k.encrypt_deterministic(plaintext, &context),
        })
    }
}

fn encrypt_options(options: Option<JsValue>) -> JsResult<Vec<u8>> {
    context_option(options_object(options, &["context"])?.as_ref())
}

fn set(o: &Object, key: &str, value: JsValue) {
    // Defining a data property on a plain new object cannot fail.
    let _ = Reflect::set(o, &JsValue::from_str(key), &value);
}

/// Read a token's header (format and key ID) without decrypting. The header
/// is only authenticated by a successful decrypt.
#[wasm_bindgen(js_name = inspectToken, unchecked_return_type = "TokenInfo")]
pub fn inspect_token(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] token: JsValue,
) -> JsResult<JsValue> {
    let info = if token.is_string() {
        crate::inspect(&string_arg(&token, "token")?)
    } else {
        crate::inspect_bytes(&bytes_arg(&token, "token")?)
    }
    .map_err(into_error)?;
    let o = Object::new();
    set(&o, "format", info.format.name().into());
    set(&o, "keyId", info.key_id.into());
    Ok(o.into())
}

/// Derive a purpose's subkey from 32 master-key bytes (HKDF-SHA256, see
/// src/spec/token-format.md). For interoperability checks; treat the result as a secret.
#[wasm_bindgen(js_name = deriveSubkey)]
pub fn derive_subkey(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array")] master_key: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Purpose")] purpose: JsValue,
) -> JsResult<Uint8Array> {
    let bytes = zeroize::Zeroizing::new(bytes_arg(&master_key, "masterKey")?);
    let key = SecretKey::from_bytes(&bytes).map_err(into_error)?;
    let purpose = Purpose::from_label(&string_arg(&purpose, "purpose")?).map_err(into_error)?;
    Ok(Uint8Array::from(&key.derive(purpose)[..]))
}

/// The fieldguard version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}
