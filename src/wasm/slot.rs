//! The value behind an object that JS holds a handle to (the wasm
//! `Keyring` and `Policy`): usable from re-entrant calls, and freeable —
//! its value dropped, so a keyring's keys are zeroized — even after a call
//! on it was abandoned mid-way.
//!
//! Why not wasm-bindgen's own cell: a wasm trap (memory exhaustion) or a JS
//! exception unwinding through Rust frames runs no destructors, so the
//! glue's borrow of the object stays taken forever and its `free()` then
//! refuses ("attempted to take ownership … while it was borrowed"): the
//! keys are never zeroized. Here the borrow state is ours, and it can tell a
//! live borrow from one left behind by an abandoned call:
//!
//! * core code run under [`Slot::read`]/[`Slot::write`] never calls JS,
//!   except through a randomness draw (`crypto::random`, which counts the
//!   draws in progress);
//! * so when no draw is in progress, JS calling into the module cannot be
//!   nested inside any live borrow, and every borrow still recorded belongs
//!   to a call that will never return: it is cleared.
//!
//! While a draw is in progress (JS code called from inside a core call,
//! e.g. a replaced `crypto.getRandomValues`), recorded borrows are taken as
//! live: a write is refused with a code and `free` is deferred to the end
//! of the live borrow.

use crate::crypto::random::draws_in_progress;
use crate::error::{Error, Result};
use std::cell::{Cell, UnsafeCell};

/// A value shared with JS through a handle: see the module docs.
pub(crate) struct Slot<T> {
    /// `None` once freed.
    value: UnsafeCell<Option<T>>,
    /// Live shared borrows (plus any left by abandoned calls, see `settle`).
    readers: Cell<u32>,
    /// A live exclusive borrow.
    writing: Cell<bool>,
    /// `free` was called: refuse new borrows, drop when the last ends.
    freed: Cell<bool>,
    /// What the value is, for error messages ("keyring", "policy").
    what: &'static str,
}

impl<T> Slot<T> {
    pub(crate) fn new(value: T, what: &'static str) -> Self {
        Self {
            value: UnsafeCell::new(Some(value)),
            readers: Cell::new(0),
            writing: Cell::new(false),
            freed: Cell::new(false),
            what,
        }
    }

    /// Clear borrows that can only be left over from abandoned calls, and
    /// finish a deferred free.
    fn settle(&self) {
        if draws_in_progress() == 0 {
            self.readers.set(0);
            self.writing.set(false);
        }
        if self.freed.get() && self.readers.get() == 0 && !self.writing.get() {
            // SAFETY: no live borrow exists (none recorded, and recorded
            // ones are live whenever one could be), so nothing refers to
            // the value. Dropping runs only Rust code (zeroization).
            unsafe { *self.value.get() = None };
        }
    }

    fn check(&self) -> Result<()> {
        if self.freed.get() {
            return Err(Error::invalid_argument(format!(
                "this {} has been freed",
                self.what
            )));
        }
        if self.writing.get() {
            return Err(self.busy());
        }
        Ok(())
    }

    fn busy(&self) -> Error {
        Error::invalid_argument(format!(
            "this {} is in use by a call in progress (re-entrant call)",
            self.what
        ))
    }

    /// Run `f` with shared access. `f` must not call JS other than through
    /// a randomness draw (so: core code only, arguments converted before).
    pub(crate) fn read<R>(&self, f: impl FnOnce(&T) -> R) -> Result<R> {
        self.settle();
        self.check()?;
        // SAFETY: no exclusive borrow is live (checked above), and the value
        // is only replaced or mutated when no borrow is live.
        let Some(value) = (unsafe { (*self.value.get()).as_ref() }) else {
            return Err(Error::invalid_argument(format!(
                "this {} has been freed",
                self.what
            )));
        };
        self.readers.set(self.readers.get() + 1);
        let out = f(value);
        self.readers.set(self.readers.get().saturating_sub(1));
        self.settle();
        Ok(out)
    }

    /// Run `f` with exclusive access (same rule for `f` as [`Slot::read`]).
    pub(crate) fn write<R>(&self, f: impl FnOnce(&mut T) -> R) -> Result<R> {
        self.settle();
        self.check()?;
        if self.readers.get() > 0 {
            return Err(self.busy());
        }
        // SAFETY: no borrow is live (checked above).
        let Some(value) = (unsafe { (*self.value.get()).as_mut() }) else {
            return Err(Error::invalid_argument(format!(
                "this {} has been freed",
                self.what
            )));
        };
        self.writing.set(true);
        let out = f(value);
        self.writing.set(false);
        self.settle();
        Ok(out)
    }

    /// Drop the value now, or when the live borrow ends. Idempotent.
    pub(crate) fn free(&self) {
        self.freed.set(true);
        self.settle();
    }

    /// Whether the value has been dropped (tests).
    #[cfg(test)]
    fn is_dropped(&self) -> bool {
        // SAFETY: reads the discriminant only; tests call it with no borrow live.
        unsafe { (*self.value.get()).is_none() }
    }
}

#[cfg(test)]
mod tests {
    use super::Slot;
    use crate::crypto::random::test_hooks::inside_draw;
    use std::rc::Rc;

    /// Stands in for a keyring: counts drops (zeroization happens in Drop).
    struct Tracked(Rc<std::cell::Cell<u32>>);
    impl Drop for Tracked {
        fn drop(&mut self) {
            self.0.set(self.0.get() + 1);
        }
    }

    fn tracked() -> (Slot<Tracked>, Rc<std::cell::Cell<u32>>) {
        let drops = Rc::new(std::cell::Cell::new(0));
        (Slot::new(Tracked(drops.clone()), "keyring"), drops)
    }

    /// What a wasm trap does to a call: its frames vanish, no destructor or
    /// epilogue runs. Simulated by recording the borrow and never ending it.
    fn abandon_read(slot: &Slot<Tracked>) {
        slot.settle();
        slot.readers.set(slot.readers.get() + 1);
    }

    #[test]
    fn free_after_an_abandoned_read_drops_the_value() {
        let (slot, drops) = tracked();
        abandon_read(&slot);
        slot.free();
        assert_eq!(drops.get(), 1);
        assert!(slot.is_dropped());
        let err = slot.read(|_| ()).unwrap_err();
        assert_eq!(err.code(), "INVALID_ARGUMENT");
    }

    #[test]
    fn an_abandoned_write_does_not_block_later_calls_or_free() {
        let (slot, drops) = tracked();
        slot.writing.set(true); // a trap inside `rotate`
        assert!(slot.read(|_| 1).is_ok());
        assert!(slot.write(|_| 1).is_ok());
        slot.free();
        slot.free(); // double free is a no-op
        assert_eq!(drops.get(), 1);
    }

    #[test]
    fn a_free_reentering_a_live_read_is_deferred_to_its_end() {
        let (slot, drops) = tracked();
        let out = slot.read(|_| {
            // JS called from a randomness draw frees the object mid-call.
            inside_draw(|| {
                slot.free();
                assert_eq!(drops.get(), 0, "not while the value is borrowed");
                assert_eq!(slot.read(|_| ()).unwrap_err().code(), "INVALID_ARGUMENT");
            });
            7
        });
        assert_eq!(out.unwrap(), 7);
        assert_eq!(drops.get(), 1);
    }

    #[test]
    fn a_write_reentering_a_live_read_is_refused_with_a_code() {
        let (slot, _) = tracked();
        slot.read(|_| {
            inside_draw(|| {
                let err = slot.write(|_| ()).unwrap_err();
                assert_eq!(err.code(), "INVALID_ARGUMENT");
                assert!(slot.read(|_| ()).is_ok(), "nested reads are fine");
            })
        })
        .unwrap();
        assert!(slot.write(|_| ()).is_ok());
    }
}
