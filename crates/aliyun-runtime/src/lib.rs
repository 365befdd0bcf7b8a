//! Runtime for generated Alibaba Cloud RPC clients.
//!
//! Generated crates (such as `aliyun-iot`) describe operations and shapes; this crate owns
//! everything else, one module per concern.

pub mod credentials;
pub mod error;
pub mod operation;
pub mod pacing;
pub mod retry;
pub mod secret;
pub mod signing;
pub mod wire;

pub use error::{BuildError, Error, ErrorOrigin, ServiceError};
pub use operation::{Operation, OperationInfo};
pub use secret::Secret;

/// Re-exported so generated crates and their users name one version of the time type.
pub use jiff;
