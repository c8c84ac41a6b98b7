//! Unit tests of the boundary itself (the C program in tests/c covers the API).

use super::*;

#[test]
fn a_panic_becomes_fg_internal() {
    let status = guard(|| panic!("boom"));
    assert_eq!(status, FG_INTERNAL);
    let code = unsafe { CStr::from_ptr(fg_last_error_code()) };
    assert_eq!(code, c"INTERNAL");
    // The next successful call clears it.
    assert_eq!(guard(|| Ok(())), FG_OK);
    assert_eq!(unsafe { CStr::from_ptr(fg_last_error_code()) }, c"OK");
    assert_eq!(unsafe { CStr::from_ptr(fg_last_error_message()) }, c"");
}

#[test]
fn every_kind_has_a_distinct_status_and_its_code() {
    let mut seen = std::collections::HashSet::new();
    for &kind in ErrorKind::ALL {
        let n = kind.status();
        assert!(n > FG_OK && n < FG_INTERNAL && seen.insert(n));
        assert_eq!(status_code(n).to_str().unwrap(), kind.code());
        assert_eq!(code_cstr(kind).to_str().unwrap(), kind.code());
    }
    assert_eq!(status_code(-1), c"UNKNOWN");
}

#[test]
fn errors_are_recorded_per_thread() {
    let status = guard(|| Err(Error::with(ErrorKind::DecryptFailed, "")));
    assert_eq!(status, 1);
    std::thread::spawn(|| {
        assert_eq!(unsafe { CStr::from_ptr(fg_last_error_code()) }, c"OK");
    })
    .join()
    .unwrap();
    assert_eq!(
        unsafe { CStr::from_ptr(fg_last_error_code()) },
        c"DECRYPT_FAILED"
    );
}

#[test]
fn buffers_round_trip_with_nul_bytes() {
    for bytes in [&b""[..], b"a\0b", &[0xAB; 1000]] {
        let p = alloc_bytes(bytes).unwrap();
        let got = unsafe { std::slice::from_raw_parts(p.cast::<u8>(), bytes.len() + 1) };
        assert_eq!(&got[..bytes.len()], bytes);
        assert_eq!(got[bytes.len()], 0);
        unsafe { fg_string_free(p) };
    }
}

#[test]
fn arguments_are_checked() {
    unsafe {
        assert_eq!(bytes_arg(std::ptr::null(), 0, "x").unwrap(), b"");
        assert_eq!(
            bytes_arg(std::ptr::null(), 1, "x").unwrap_err().detail(),
            "x is NULL"
        );
        assert_eq!(
            bytes_arg(c"ab".as_ptr(), NUL_TERMINATED, "x").unwrap(),
            b"ab"
        );
        let bad = [b'o', b'k', 0xFF];
        let err = str_arg(bad.as_ptr().cast(), 3, "text").unwrap_err();
        assert_eq!(err.detail(), "text is not valid UTF-8 (at byte 2)");
        let err = out_arg::<c_char>(std::ptr::null_mut(), "out").unwrap_err();
        assert_eq!(err.code(), "INVALID_ARGUMENT");
    }
}

#[test]
fn handles_are_shareable_between_threads() {
    fn check<T: Send + Sync>() {}
    check::<crate::Keyring>();
    check::<crate::policy::Policy>();
}
