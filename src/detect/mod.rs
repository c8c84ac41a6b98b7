//! Injection detection (to be written).
