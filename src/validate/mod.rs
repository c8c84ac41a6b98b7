//! Typed validators and normalizers (to be written).
