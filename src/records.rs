//! The old home of field paths, kept so `fieldguard::records::FieldPath`
//! and friends still compile (with a deprecation warning): everything here
//! moved to [`crate::path`]. The record engine that used to live here
//! (`RecordFormat`, `transform_records`, `for_each_record`) is gone:
//! reading and writing record files is `fieldguard::stream`'s job alone.
//!
//! Aliases and a forwarding function rather than `pub use`, because rustc
//! ignores `#[deprecated]` on re-exports and on the paths through a module.

use crate::path;

/// Moved to [`fieldguard::path::FieldPath`](crate::path::FieldPath).
#[deprecated(note = "moved to fieldguard::path")]
pub type FieldPath = path::FieldPath;

/// Moved to [`fieldguard::path::Segment`](crate::path::Segment).
#[deprecated(note = "moved to fieldguard::path")]
pub type Segment = path::Segment;

/// Moved to [`fieldguard::path::FieldSelection`](crate::path::FieldSelection).
#[deprecated(note = "moved to fieldguard::path")]
pub type FieldSelection = path::FieldSelection;

/// Moved to [`fieldguard::path::field_context`](crate::path::field_context)
/// (also at the crate root, `fieldguard::field_context`).
#[deprecated(note = "moved to fieldguard::path")]
pub fn field_context(path: &path::FieldPath, record_id: Option<&str>) -> Vec<u8> {
    path::field_context(path, record_id)
}
