//! Recognizers: find PII and secrets in free text (to be written).
