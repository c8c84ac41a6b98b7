//! JS bindings for `crate::detect` (to be written).
