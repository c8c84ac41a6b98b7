//! HTML sanitizing (to be written).
