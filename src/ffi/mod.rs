//! The C ABI (feature `ffi`): `cdylib` and `staticlib` exports over the core.
//!
//! The contract, types and ownership rules are written for C users in the
//! checked-in header `pkg-config/include/fieldguard.h`; keep the two in step.
//! This module only adapts, it never decides anything the core decides:
//!
//! * every entry point runs inside [`guard`]: a Rust panic is caught there
//!   and becomes `FG_INTERNAL`, because unwinding into C is undefined
//!   behaviour (and the release profile unwinds);
//! * every pointer is checked for NULL and every text for UTF-8 before the
//!   core sees it, so bad arguments are `FG_INVALID_ARGUMENT`, never a crash;
//! * results are new buffers from [`alloc_bytes`], freed (and zeroized,
//!   since they may hold decrypted plaintext) by `fg_string_free`;
//! * the error of the last call is kept per thread ([`LAST_ERROR`]) as a
//!   stable code plus the core's message, which never holds input values.
//!
//! `unsafe` is allowed in this module only (`src/lib.rs`), as for the wasm
//! adapter; the core stays `#![deny(unsafe_code)]`.

mod keyring;
mod pii;
mod policy;
mod text;

use crate::{Error, ErrorKind, Result};
use std::cell::RefCell;
use std::ffi::{c_char, c_int, CStr, CString};
use std::panic::{catch_unwind, AssertUnwindSafe};
use zeroize::Zeroize;

/// The `fg_status` values that are not error kinds (see the header; the
/// kinds' numbers are `ErrorKind::status`). The numbers are ABI.
pub(crate) const FG_OK: c_int = 0;
/// Status of a caught panic (a bug in fieldguard, never the caller's input).
pub(crate) const FG_INTERNAL: c_int = 100;

/// The `len` value that means "NUL-terminated": `(size_t)-1` in C.
pub(crate) const NUL_TERMINATED: usize = usize::MAX;

/// The code string of a status, NUL-terminated and static. The numbers and
/// codes are the rows of the error table (`src/error.rs`), against which
/// the header's `fg_status` is tested.
fn status_code(status_number: c_int) -> &'static CStr {
    if status_number == FG_OK {
        return c"OK";
    }
    if status_number == FG_INTERNAL {
        return c"INTERNAL";
    }
    ErrorKind::ALL
        .iter()
        .find(|k| k.status() == status_number)
        .map_or(c"UNKNOWN", |k| code_cstr(*k))
}

/// `ErrorKind::code` as a static C string (the table's codes are ASCII
/// without NUL, so the conversion cannot fail; `UNKNOWN` keeps it panic-free).
fn code_cstr(kind: ErrorKind) -> &'static CStr {
    CStr::from_bytes_with_nul(kind.code_with_nul().as_bytes()).unwrap_or(c"UNKNOWN")
}

/// The last error of this thread: its code and message. Per thread so that
/// concurrent callers never see each other's errors, as with `errno`;
/// `None` after a successful call.
struct LastError {
    code: &'static CStr,
    message: CString,
}

thread_local! {
    static LAST_ERROR: RefCell<Option<LastError>> = const { RefCell::new(None) };
}

fn set_last_error(last: Option<LastError>) {
    // `try_with`: during thread teardown the slot may be gone; losing the
    // message then is better than a panic inside an `extern "C"` function.
    let _ = LAST_ERROR.try_with(|slot| {
        if let Ok(mut slot) = slot.try_borrow_mut() {
            *slot = last;
        }
    });
}

fn record_error(err: &Error) -> c_int {
    // Core messages name what is wrong and where, never values, and contain
    // no NUL; a NUL would only cut the message short, never fail the call.
    let text = err.to_string().replace('\0', " ");
    set_last_error(Some(LastError {
        code: code_cstr(err.kind()),
        message: CString::new(text).unwrap_or_default(),
    }));
    err.kind().status()
}

/// Run one entry point: clear the last error, run `body`, turn its error into
/// a status and the thread's last error, and stop any panic here.
pub(crate) fn guard(body: impl FnOnce() -> Result<()>) -> c_int {
    set_last_error(None);
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => FG_OK,
        Ok(Err(err)) => record_error(&err),
        Err(_payload) => {
            set_last_error(Some(LastError {
                code: c"INTERNAL",
                message: CString::new(
                    "internal error: fieldguard panicked and the panic was stopped at the C \
                     boundary (a bug: please report it)",
                )
                .unwrap_or_default(),
            }));
            FG_INTERNAL
        }
    }
}

fn invalid(detail: impl Into<String>) -> Error {
    Error::invalid_argument(detail)
}

/// Borrow `len` bytes at `ptr`, or a NUL-terminated string when `len` is
/// [`NUL_TERMINATED`]. NULL is allowed only for an empty input (`len` 0).
///
/// # Safety
/// `ptr` must be NULL or valid for reads of `len` bytes (or up to and
/// including its NUL) for the lifetime `'a`, and not be written meanwhile.
pub(crate) unsafe fn bytes_arg<'a>(ptr: *const c_char, len: usize, name: &str) -> Result<&'a [u8]> {
    if ptr.is_null() {
        return if len == 0 {
            Ok(&[])
        } else {
            Err(invalid(format!("{name} is NULL")))
        };
    }
    if len == NUL_TERMINATED {
        // SAFETY: the caller promises a NUL-terminated string at `ptr`.
        return Ok(unsafe { CStr::from_ptr(ptr) }.to_bytes());
    }
    if len > isize::MAX as usize {
        return Err(invalid(format!("{name}_len is too large")));
    }
    // SAFETY: non-NULL, and the caller promises `len` readable bytes.
    Ok(unsafe { std::slice::from_raw_parts(ptr.cast::<u8>(), len) })
}

/// [`bytes_arg`] that must be UTF-8. The error gives the byte offset of the
/// first invalid sequence, never the bytes.
///
/// # Safety
/// As for [`bytes_arg`].
pub(crate) unsafe fn str_arg<'a>(ptr: *const c_char, len: usize, name: &str) -> Result<&'a str> {
    // SAFETY: forwarded from the caller.
    let bytes = unsafe { bytes_arg(ptr, len, name) }?;
    std::str::from_utf8(bytes).map_err(|e| {
        invalid(format!(
            "{name} is not valid UTF-8 (at byte {})",
            e.valid_up_to()
        ))
    })
}

/// An optional NUL-terminated options JSON: NULL means "all defaults".
///
/// # Safety
/// `ptr` must be NULL or a NUL-terminated string.
pub(crate) unsafe fn options_arg<T: serde::de::DeserializeOwned + Default>(
    ptr: *const c_char,
) -> Result<T> {
    if ptr.is_null() {
        return Ok(T::default());
    }
    // SAFETY: the caller promises a NUL-terminated string.
    let text = unsafe { str_arg(ptr, NUL_TERMINATED, "options_json") }?;
    // Options are configuration, not personal data, so serde's message
    // (which may name an unknown key) is kept, as in the wasm adapter.
    serde_json::from_str(text).map_err(|e| invalid(format!("options_json: {e}")))
}

/// Check an out-pointer and set what it points to to NULL, so that the
/// caller never reads a stale pointer after a failure.
///
/// # Safety
/// `out` must be NULL or valid for a write of one pointer.
pub(crate) unsafe fn out_arg<T>(out: *mut *mut T, name: &str) -> Result<()> {
    if out.is_null() {
        return Err(invalid(format!("{name} is NULL")));
    }
    // SAFETY: non-NULL and writable per the caller.
    unsafe { out.write(std::ptr::null_mut()) };
    Ok(())
}

/// Like [`out_arg`] for an optional out-pointer (NULL: not wanted).
///
/// # Safety
/// As for [`out_arg`].
pub(crate) unsafe fn optional_out<T>(out: *mut *mut T) {
    if !out.is_null() {
        // SAFETY: non-NULL and writable per the caller.
        unsafe { out.write(std::ptr::null_mut()) };
    }
}

/// Bytes in front of every returned buffer: its length, so that
/// `fg_string_free` can zeroize and deallocate it exactly.
const HEADER: usize = std::mem::size_of::<usize>();

fn layout(len: usize) -> Option<std::alloc::Layout> {
    let size = len.checked_add(HEADER + 1)?;
    std::alloc::Layout::from_size_align(size, std::mem::align_of::<usize>()).ok()
}

/// Copy `bytes` into a new NUL-terminated buffer owned by the caller (freed
/// with `fg_string_free`). Out of memory aborts, as everywhere in Rust.
pub(crate) fn alloc_bytes(bytes: &[u8]) -> Result<*mut c_char> {
    let layout = layout(bytes.len()).ok_or_else(|| invalid("result too large"))?;
    // SAFETY: the layout has a non-zero size (at least HEADER + 1).
    let base = unsafe { std::alloc::alloc(layout) };
    if base.is_null() {
        std::alloc::handle_alloc_error(layout);
    }
    // SAFETY: `base` holds HEADER + len + 1 bytes, aligned for usize.
    unsafe {
        base.cast::<usize>().write(bytes.len());
        let text = base.add(HEADER);
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), text, bytes.len());
        text.add(bytes.len()).write(0);
        Ok(text.cast::<c_char>())
    }
}

/// Write a result to `out` (and its length to `len_out` if not NULL).
///
/// # Safety
/// `out` was checked by [`out_arg`]; `len_out` is NULL or writable.
pub(crate) unsafe fn put(out: *mut *mut c_char, len_out: *mut usize, bytes: &[u8]) -> Result<()> {
    let buffer = alloc_bytes(bytes)?;
    // SAFETY: per the caller.
    unsafe {
        out.write(buffer);
        if !len_out.is_null() {
            len_out.write(bytes.len());
        }
    }
    Ok(())
}

/// Free a buffer returned by any fieldguard function; zeroizes it first.
///
/// # Safety
/// `s` must be NULL or a pointer fieldguard returned and not yet freed.
#[no_mangle]
pub unsafe extern "C" fn fg_string_free(s: *mut c_char) {
    if s.is_null() {
        return;
    }
    // SAFETY: `s` came from `alloc_bytes`, so the length header sits HEADER
    // bytes before it and the layout is the one allocated with.
    unsafe {
        let base = s.cast::<u8>().sub(HEADER);
        let len = base.cast::<usize>().read();
        if let Some(layout) = layout(len) {
            std::slice::from_raw_parts_mut(base, layout.size()).zeroize();
            std::alloc::dealloc(base, layout);
        }
    }
}

/// The code string of the calling thread's last error (`"OK"` if the last
/// call succeeded). Static: never freed.
#[no_mangle]
pub extern "C" fn fg_last_error_code() -> *const c_char {
    LAST_ERROR
        .try_with(|slot| {
            slot.try_borrow()
                .ok()
                .and_then(|e| e.as_ref().map(|e| e.code))
                .unwrap_or(c"OK")
        })
        .unwrap_or(c"OK")
        .as_ptr()
}

/// The message of the calling thread's last error (`""` after a success).
/// Valid until the next fieldguard call on this thread; never freed.
#[no_mangle]
pub extern "C" fn fg_last_error_message() -> *const c_char {
    LAST_ERROR
        .try_with(|slot| {
            slot.try_borrow()
                .ok()
                .and_then(|e| e.as_ref().map(|e| e.message.as_ptr()))
                .unwrap_or(c"".as_ptr())
        })
        .unwrap_or(c"".as_ptr())
}

/// The code string of a status number (`"UNKNOWN"` for numbers not in the
/// header). Static: never freed.
#[no_mangle]
pub extern "C" fn fg_status_code(status: c_int) -> *const c_char {
    status_code(status).as_ptr()
}

/// The fieldguard version, e.g. `"0.1.0"`. Static: never freed.
#[no_mangle]
pub extern "C" fn fg_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

#[cfg(test)]
mod tests;
