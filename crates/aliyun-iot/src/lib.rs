//! Typed Rust client for Alibaba Cloud IoT Platform's over-the-air (OTA) update API.
//!
//! The types and operations are generated from `spec/iot` by `cargo xtask codegen`; the
//! runtime (signing, credentials, transport, retries, pacing, errors, wire decoding) is the
//! hand-written `aliyun-runtime` crate. The release pipeline built on the operations (upload,
//! wait until verified, roll out and watch, download and verify) is [`workflow`].

#![warn(missing_docs)]

#[rustfmt::skip]
mod generated;

pub use aliyun_runtime as runtime;
pub use aliyun_runtime::jiff;
pub use generated::*;

mod udi;

pub mod blocking;
pub mod workflow;
pub use workflow::WorkflowError;

/// The configuration [`Client::from_env`] uses: the region from `ALIBABA_CLOUD_REGION_ID` or the
/// aliyun CLI profile's `region_id`, credentials from the `aliyun-config` default chain
/// (environment, OIDC/RRSA, CLI profile in every mode, INI file, ECS instance role, credentials
/// URI) behind its refreshing cache, and shared pacing when `ALIYUN_IOT_PACING_URL` is set.
pub fn config_from_env() -> Result<aliyun_runtime::Config, aliyun_runtime::Error> {
    let loaded = aliyun_config::Loader::new().load();
    let region = loaded.region()?.ok_or_else(|| {
        aliyun_runtime::Error::Config(
            "no region: set ALIBABA_CLOUD_REGION_ID, or region_id in the aliyun CLI profile, or give an endpoint".into(),
        )
    })?;
    let mut builder = aliyun_runtime::Config::builder()
        .region(&region)?
        .credentials(loaded.credentials_provider());
    let pacing_url =
        aliyun_config::Environment::process().var(aliyun_runtime::config::ENV_PACING_URL);
    if let Some(pacing) = aliyun_runtime::Pacing::from_env_value(pacing_url.as_deref())? {
        builder = builder.pacing(pacing);
    }
    builder.build()
}
