//! JS bindings for `crate::escape` (to be written).
