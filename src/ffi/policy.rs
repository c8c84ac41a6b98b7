//! Policies for C: an opaque `fg_policy` handle and `fg_policy_apply` on a
//! JSON record.

use super::keyring::FgKeyring;
use super::{guard, invalid, optional_out, out_arg, put, str_arg};
use crate::error::json_position;
use crate::policy::Policy;
use crate::{Error, ErrorKind};
use serde_json::Value;
use std::ffi::{c_char, c_int};

/// The `fg_policy` of the header.
pub struct FgPolicy {
    inner: Policy,
}

/// Parse a policy document (JSON) into a new handle.
///
/// # Safety
/// See `fieldguard.h`.
#[no_mangle]
pub unsafe extern "C" fn fg_policy_from_json(
    json: *const c_char,
    json_len: usize,
    policy_out: *mut *mut FgPolicy,
) -> c_int {
    guard(|| {
        // SAFETY (whole block): the pointers are as the header requires.
        unsafe {
            out_arg(policy_out, "policy_out")?;
            let json = str_arg(json, json_len, "json")?;
            let inner = Policy::from_json(json)?;
            policy_out.write(Box::into_raw(Box::new(FgPolicy { inner })));
            Ok(())
        }
    })
}

/// Free a policy. NULL is a no-op.
///
/// # Safety
/// `policy` must be NULL or a handle from fieldguard not yet freed.
#[no_mangle]
pub unsafe extern "C" fn fg_policy_free(policy: *mut FgPolicy) {
    if policy.is_null() {
        return;
    }
    let _ = std::panic::catch_unwind(|| {
        // SAFETY: the handle came from `Box::into_raw` and is freed once.
        drop(unsafe { Box::from_raw(policy) });
    });
}

/// Apply the policy to one JSON record; `keyring` may be NULL when the
/// policy needs no keys. Writes the new record (compact JSON) and, if
/// `report_json_out` is not NULL, the report.
///
/// # Safety
/// See `fieldguard.h`.
#[no_mangle]
pub unsafe extern "C" fn fg_policy_apply(
    policy: *const FgPolicy,
    keyring: *const FgKeyring,
    record_json: *const c_char,
    record_json_len: usize,
    record_out: *mut *mut c_char,
    report_json_out: *mut *mut c_char,
) -> c_int {
    guard(|| {
        // SAFETY (whole block): the pointers are as the header requires.
        unsafe {
            out_arg(record_out, "record_out")?;
            optional_out(report_json_out);
            let policy = &policy
                .as_ref()
                .ok_or_else(|| invalid("policy is NULL"))?
                .inner;
            let keyring = keyring.as_ref().map(|k| &k.inner);
            let text = str_arg(record_json, record_json_len, "record_json")?;
            // A record holds personal data: say where the JSON is broken,
            // never serde's message (which can quote the value).
            let mut record: Value = serde_json::from_str(text)
                .map_err(|e| Error::with(ErrorKind::RecordInvalid, json_position(&e)))?;
            let report = policy.apply(&mut record, keyring)?;
            let record = zeroize::Zeroizing::new(
                serde_json::to_vec(&record).map_err(|_| invalid("record is not JSON"))?,
            );
            if !report_json_out.is_null() {
                let report =
                    serde_json::to_vec(&report).map_err(|_| invalid("report is not JSON"))?;
                put(report_json_out, std::ptr::null_mut(), &report)?;
            }
            put(record_out, std::ptr::null_mut(), &record)
        }
    })
}
