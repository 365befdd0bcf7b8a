//! A crate generated from xtask's synthetic spec (`xtask/tests/synthetic/spec`): it exists to
//! prove the generator handles every type kind; `tests/roundtrip.rs` exercises it.

#[rustfmt::skip]
mod generated;

pub use generated::*;
