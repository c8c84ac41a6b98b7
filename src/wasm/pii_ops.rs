//! JS bindings for `crate::pii::operators` (to be written).
