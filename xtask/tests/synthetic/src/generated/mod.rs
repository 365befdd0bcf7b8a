// @generated from xtask/tests/synthetic/spec/product.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

//! A made-up product for the generator's own tests.
//!
//! Generated from `xtask/tests/synthetic/spec/product.yaml` by `cargo xtask codegen`.
/// `DescribeWidget`: Describes a widget
pub mod describe_widget;
/// A client for Synthetic: one method per operation; retries, pacing and signing come from the runtime. Cheap to clone.
///
/// ```no_run
/// # async fn example() -> Result<(), synthetic_sdk::Error> {
/// let client = synthetic_sdk::Client::from_env()?;
/// let reply = client.describe_widget().widget_id("").send().await?;
/// # let _ = reply;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
pub struct Client {
    inner: aliyun_runtime::RpcClient,
}
impl Client {
    /// A client with this configuration.
    pub fn new(config: aliyun_runtime::Config) -> Result<Self, aliyun_runtime::Error> {
        Ok(Self {
            inner: aliyun_runtime::RpcClient::new(config, ENDPOINT_TEMPLATE)?,
        })
    }
    /// A client set up from the environment: region from `ALIBABA_CLOUD_REGION_ID` or the
    /// aliyun CLI profile, credentials from the default chain.
    pub fn from_env() -> Result<Self, aliyun_runtime::Error> {
        Self::new(aliyun_runtime::Config::from_env()?)
    }
    /// The runtime client underneath, for generic calls (`call(&input)`).
    pub fn runtime(&self) -> &aliyun_runtime::RpcClient {
        &self.inner
    }
    /// Calls `DescribeWidget`: Describes a widget: every type kind in one response.
    pub fn describe_widget(&self) -> describe_widget::DescribeWidgetFluentBuilder {
        describe_widget::DescribeWidgetFluentBuilder::new(self.inner.clone())
    }
}
/// The product code.
pub const PRODUCT: &str = "Synthetic";
/// The API version every operation of this product sends.
pub const API_VERSION: &str = "2020-01-01";
/// The endpoint URL template; `{region}` is replaced by the region ID.
pub const ENDPOINT_TEMPLATE: &str = "http://synthetic.{region}.example.invalid/";
/// The format the service answers in when a request does not ask for one.
pub const DEFAULT_FORMAT: aliyun_runtime::wire::Format = aliyun_runtime::wire::Format::Json;
pub use aliyun_runtime::{Config, Error};
