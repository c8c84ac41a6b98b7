//! JS bindings for `crate::html` (to be written).
