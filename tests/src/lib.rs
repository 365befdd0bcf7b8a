//! Workspace-level tests live in `tests/`. The README is included here so that its Rust
//! examples are compiled as doc tests and cannot drift from the API.
#![doc = include_str!("../../README.md")]

/// The bytes of a documented sample from `spec/iot/samples/`.
#[macro_export]
macro_rules! sample {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../spec/iot/samples/",
            $name
        ))
        .as_slice()
    };
}

/// The bytes of a fixture from `tests/fixtures/`.
#[macro_export]
macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/", $name)).as_slice()
    };
}
