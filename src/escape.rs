//! Context escaping (to be written).
