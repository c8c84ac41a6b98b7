//! The one place fieldguard draws randomness: the OS CSPRNG through
//! `getrandom` (on wasm32, Web Crypto's `getRandomValues`).

use crate::error::{Error, ErrorKind, Result};

/// Fill `buf` from the OS CSPRNG, or fail with `RANDOM_UNAVAILABLE`.
pub(crate) fn fill(buf: &mut [u8]) -> Result<()> {
    getrandom::getrandom(buf).map_err(|_| Error::new(ErrorKind::RandomUnavailable))
}

/// A random `u32` in `1..=u32::MAX` (zero is kept free as "no key").
pub(crate) fn nonzero_u32() -> Result<u32> {
    loop {
        let mut b = [0u8; 4];
        fill(&mut b)?;
        let v = u32::from_be_bytes(b);
        if v != 0 {
            return Ok(v);
        }
    }
}
