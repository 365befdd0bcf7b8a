// @generated from spec/iot/product.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

//! Generated code: see the header of each file.
/// Alibaba Cloud IoT Platform: over-the-air (OTA) update operations.
/// `QueryOTAFirmware`: Queries the details of an OTA update package
pub mod query_ota_firmware;
/// The product code.
pub const PRODUCT: &str = "Iot";
/// The API version every operation of this product sends.
pub const API_VERSION: &str = "2018-01-20";
/// The endpoint URL template; `{region}` is replaced by the region ID.
pub const ENDPOINT_TEMPLATE: &str = "https://iot.{region}.aliyuncs.com/";
/// The format the service answers in when a request does not ask for one.
pub const DEFAULT_FORMAT: aliyun_runtime::wire::Format = aliyun_runtime::wire::Format::Xml;
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
            )
            .unwrap();
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
            )
            .unwrap();
        assert!(! error.code.starts_with("Http"), "{error:?}");
        assert!(error.request_id.is_some(), "{error:?}");
    }
}
