//! Typed client for Alibaba Cloud Security Token Service (STS), generated from `spec/sts/` by
//! `cargo xtask codegen`: `AssumeRole` (signed, V1 as the official credential libraries sign
//! it), `AssumeRoleWithOIDC` (anonymous: the OIDC token is the proof) and
//! `GetCallerIdentity`. The credential providers of `aliyun-config` call it.

#[rustfmt::skip]
mod generated;

pub use generated::*;
