// @generated from spec/iot/product.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

//! Alibaba Cloud IoT Platform: over-the-air (OTA) update operations.
//!
//! Generated from `spec/iot/product.yaml` by `cargo xtask codegen`.
/// `QueryOTAFirmware`: Queries the details of an OTA update package
pub mod query_ota_firmware;
/// A client for Iot: one method per operation; retries, pacing and signing come from the runtime. Cheap to clone.
///
/// ```no_run
/// # async fn example() -> Result<(), aliyun_iot::Error> {
/// let client = aliyun_iot::Client::from_env()?;
/// let reply = client.query_ota_firmware().firmware_id("s8SSHiKjpBfrM3BSN0z803****").send().await?;
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
    /// Calls `QueryOTAFirmware`: Queries the details of an OTA update package: its name, versions, type, verification status, size, signature and download URL(s).
    pub fn query_ota_firmware(
        &self,
    ) -> query_ota_firmware::QueryOtaFirmwareFluentBuilder {
        query_ota_firmware::QueryOtaFirmwareFluentBuilder::new(self.inner.clone())
    }
}
/// The product code.
pub const PRODUCT: &str = "Iot";
/// The API version every operation of this product sends.
pub const API_VERSION: &str = "2018-01-20";
/// The endpoint URL template; `{region}` is replaced by the region ID.
pub const ENDPOINT_TEMPLATE: &str = "https://iot.{region}.aliyuncs.com/";
/// The format the service answers in when a request does not ask for one.
pub const DEFAULT_FORMAT: aliyun_runtime::wire::Format = aliyun_runtime::wire::Format::Xml;
pub use aliyun_runtime::{Config, Error};
#[cfg(test)]
mod sample_tests {
    use aliyun_runtime::wire;
    #[allow(unused_imports)]
    use super::*;
    /// A gateway error (SignatureNonceUsed), as documented. (spec/iot/samples/gateway-error.json)
    #[test]
    fn decodes_gateway_error_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/gateway-error.json"
        );
        let error = wire::decode_gateway_error(
            aliyun_runtime::wire::Format::Json,
            400,
            body,
        );
        assert!(! error.code.starts_with("Http"), "{error:?}");
        assert!(error.request_id.is_some(), "{error:?}");
    }
    /// A gateway error (InvalidAction.NotFound) in XML, with an XML declaration. (spec/iot/samples/gateway-error.xml)
    #[test]
    fn decodes_gateway_error_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/gateway-error.xml"
        );
        let error = wire::decode_gateway_error(
            aliyun_runtime::wire::Format::Xml,
            400,
            body,
        );
        assert!(! error.code.starts_with("Http"), "{error:?}");
        assert!(error.request_id.is_some(), "{error:?}");
    }
}
