//! The generated large tenancy: sizes, soundness and determinism.
