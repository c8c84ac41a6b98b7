//! JS bindings for `crate::text` (to be written).
