//! Operators: redact, replace, mask, hash, pseudonymize, encrypt, generalize (to be written).
