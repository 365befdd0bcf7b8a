//! Runtime for generated Alibaba Cloud RPC clients.
//!
//! Generated crates (such as `aliyun-iot`) describe operations and shapes; this crate owns
//! everything else, one module per concern.
//!
//! It reads no environment variable and no file: a [`Config`] is given its credentials
//! ([`ProvideCredentials`]) and its region. The providers that find them the way the official
//! SDKs do (environment, OIDC/RRSA, aliyun CLI profiles, the INI file, the ECS instance role,
//! credentials URIs) live in the `aliyun-config` crate.

#![warn(missing_docs)]

pub mod client;
#[doc(hidden)]
pub mod codegen;
pub mod config;
pub mod credentials;
pub mod endpoint;
pub mod error;
pub mod operation;
pub mod pacing;
pub mod paginator;
pub mod protocol;
pub mod query;
pub mod retry;
pub mod secret;
pub mod server;
pub mod signing;
pub mod wire;

pub use client::RpcClient;
pub use config::{Config, ConfigBuilder, Method, Pacing, SharedPacing};
pub use credentials::{Credentials, ProvideCredentials};
pub use endpoint::Endpoint;
pub use error::{BuildError, Error, ErrorOrigin, ServiceError, TransportError};
pub use operation::{Operation, OperationInfo};
pub use paginator::{PagedOperation, PagedOutput, Paginator};
pub use query::{QueryReader, QueryValue, QueryWriter};
pub use retry::RetryConfig;
pub use secret::Secret;
pub use signing::SignatureVersion;
pub use wire::Format;

/// Re-exported so generated crates and their users name one version of the time type.
pub use jiff;
