//! JS bindings for `crate::validate` (to be written).
