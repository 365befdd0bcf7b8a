//! Typed Rust client for Alibaba Cloud IoT Platform's over-the-air (OTA) update API.
//!
//! The types and operations are generated from `spec/iot` by `cargo xtask codegen`; the
//! runtime (signing, credentials, transport, retries, pacing, errors, wire decoding) is the
//! hand-written `aliyun-runtime` crate.

#![warn(missing_docs)]

#[rustfmt::skip]
mod generated;

pub use aliyun_runtime as runtime;
pub use aliyun_runtime::jiff;
pub use generated::*;

mod udi;
