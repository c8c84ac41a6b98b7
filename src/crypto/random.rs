//! The one place fieldguard draws randomness: the OS CSPRNG through
//! `getrandom` (on wasm32, Web Crypto's `getRandomValues`).
//!
//! On wasm32 a draw calls into JS, and JS code may call back into the
//! module while a keyring method is mid-way. The wasm adapter's object slots
//! (`crate::slot`) need to know whether that can be happening, so draws in
//! progress are counted here, where every draw passes.

use crate::error::{Error, ErrorKind, Result};
use std::cell::Cell;

thread_local! {
    static DRAWS_IN_PROGRESS: Cell<u32> = const { Cell::new(0) };
}

/// How many randomness draws are running on this thread right now. Zero
/// means no core call is suspended in a draw, so no JS can be running
/// inside one.
#[cfg_attr(not(any(feature = "wasm", test)), allow(dead_code))]
pub(crate) fn draws_in_progress() -> u32 {
    DRAWS_IN_PROGRESS.with(Cell::get)
}

/// Fill `buf` from the OS CSPRNG, or fail with `RANDOM_UNAVAILABLE`.
pub(crate) fn fill(buf: &mut [u8]) -> Result<()> {
    DRAWS_IN_PROGRESS.with(|d| d.set(d.get().saturating_add(1)));
    let drawn = getrandom::getrandom(buf);
    DRAWS_IN_PROGRESS.with(|d| d.set(d.get().saturating_sub(1)));
    drawn.map_err(|_| Error::new(ErrorKind::RandomUnavailable))
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

#[cfg(test)]
pub(crate) mod test_hooks {
    use super::DRAWS_IN_PROGRESS;
    use std::cell::Cell;

    /// Pretend a draw is in progress (a JS callout from a core call) while `f` runs.
    pub(crate) fn inside_draw<R>(f: impl FnOnce() -> R) -> R {
        DRAWS_IN_PROGRESS.with(|d| d.set(d.get() + 1));
        let r = f();
        DRAWS_IN_PROGRESS.with(|d: &Cell<u32>| d.set(d.get() - 1));
        r
    }
}
