//! Workspace-level tests live in `tests/`. The README is included here so that its Rust
//! examples are compiled as doc tests and cannot drift from the API.
#![doc = include_str!("../../README.md")]
