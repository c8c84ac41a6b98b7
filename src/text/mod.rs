//! Text canonicalization and cleaning (to be written).
