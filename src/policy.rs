//! Field rules / policy (to be written).
