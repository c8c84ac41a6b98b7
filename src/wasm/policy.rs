//! JS bindings for `crate::policy` (to be written).
