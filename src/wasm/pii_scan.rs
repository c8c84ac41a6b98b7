//! JS bindings for `crate::pii::recognize` (to be written).
