//! Integration tests: sentences.
