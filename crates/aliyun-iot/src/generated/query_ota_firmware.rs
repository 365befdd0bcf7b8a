// @generated from spec/iot/operations/QueryOTAFirmware.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;
/// The input of `QueryOTAFirmware`: Queries the details of an OTA update package: its name, versions, type, verification status, size, signature and download URL(s).
///
/// Quota: 20 calls per second per account. HTTP methods: POST, GET.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct QueryOtaFirmwareInput {
    /// `FirmwareId` (required): The unique ID of the OTA update package, as returned by CreateOTAFirmware or listed by ListOTAFirmware.
    ///
    /// Example: `s8SSHiKjpBfrM3BSN0z803****`
    pub firmware_id: String,
    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview page). Required when the instance has an ID (new public instances and Enterprise instances): without it the call fails. Leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub iot_instance_id: Option<String>,
}
impl QueryOtaFirmwareInput {
    /// A builder for this input.
    pub fn builder() -> QueryOtaFirmwareInputBuilder {
        QueryOtaFirmwareInputBuilder::default()
    }
}
impl aliyun_runtime::Operation for QueryOtaFirmwareInput {
    type Output = QueryOtaFirmwareResponse;
    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
        super::PRODUCT,
        "QueryOTAFirmware",
        super::API_VERSION,
        20,
        aliyun_runtime::wire::Format::Xml,
    );
    fn params(&self) -> Vec<(&'static str, String)> {
        let mut params = Vec::with_capacity(2);
        params.push(("FirmwareId", self.firmware_id.to_string()));
        if let Some(value) = &self.iot_instance_id {
            params.push(("IotInstanceId", value.to_string()));
        }
        params
    }
}
/// Builds a [`QueryOtaFirmwareInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct QueryOtaFirmwareInputBuilder {
    firmware_id: Option<String>,
    iot_instance_id: Option<String>,
}
impl QueryOtaFirmwareInputBuilder {
    /// `FirmwareId` (required): The unique ID of the OTA update package, as returned by CreateOTAFirmware or listed by ListOTAFirmware.
    ///
    /// Example: `s8SSHiKjpBfrM3BSN0z803****`
    pub fn firmware_id(mut self, value: impl Into<String>) -> Self {
        self.firmware_id = Some(value.into());
        self
    }
    /// Sets or clears `FirmwareId`.
    pub fn set_firmware_id(mut self, value: Option<String>) -> Self {
        self.firmware_id = value;
        self
    }
    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview page). Required when the instance has an ID (new public instances and Enterprise instances): without it the call fails. Leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub fn iot_instance_id(mut self, value: impl Into<String>) -> Self {
        self.iot_instance_id = Some(value.into());
        self
    }
    /// Sets or clears `IotInstanceId`.
    pub fn set_iot_instance_id(mut self, value: Option<String>) -> Self {
        self.iot_instance_id = value;
        self
    }
    /// The input, or an error naming the first missing required parameter.
    pub fn build(self) -> Result<QueryOtaFirmwareInput, aliyun_runtime::BuildError> {
        Ok(QueryOtaFirmwareInput {
            firmware_id: self
                .firmware_id
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "QueryOTAFirmware",
                        "FirmwareId",
                        "firmware_id",
                    ),
                )?,
            iot_instance_id: self.iot_instance_id,
        })
    }
}
/// A `QueryOTAFirmware` call being set up: set its parameters, then [`send`](QueryOtaFirmwareFluentBuilder::send) it.
#[derive(Clone, Debug)]
pub struct QueryOtaFirmwareFluentBuilder {
    client: aliyun_runtime::RpcClient,
    input: QueryOtaFirmwareInputBuilder,
}
impl QueryOtaFirmwareFluentBuilder {
    pub(crate) fn new(client: aliyun_runtime::RpcClient) -> Self {
        Self {
            client,
            input: QueryOtaFirmwareInputBuilder::default(),
        }
    }
    /// `FirmwareId` (required): The unique ID of the OTA update package, as returned by CreateOTAFirmware or listed by ListOTAFirmware.
    ///
    /// Example: `s8SSHiKjpBfrM3BSN0z803****`
    pub fn firmware_id(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.firmware_id(value);
        self
    }
    /// Sets or clears `FirmwareId`.
    pub fn set_firmware_id(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_firmware_id(value);
        self
    }
    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview page). Required when the instance has an ID (new public instances and Enterprise instances): without it the call fails. Leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub fn iot_instance_id(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.iot_instance_id(value);
        self
    }
    /// Sets or clears `IotInstanceId`.
    pub fn set_iot_instance_id(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_iot_instance_id(value);
        self
    }
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(self) -> Result<QueryOtaFirmwareResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}
/// The response of QueryOTAFirmware.
///
/// Wire name: `QueryOTAFirmwareResponse`.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct QueryOtaFirmwareResponse {
    /// `RequestId`: The ID of the request, for support tickets and logs.
    pub request_id: String,
    /// `Success`: Whether the call succeeded. The client turns `false` (or a missing flag beside a `Code`) into an error.
    pub success: Option<bool>,
    /// `Code`: The error code, when the call failed (for example `iot.system.SystemException`).
    pub code: Option<String>,
    /// `ErrorMessage`: The error message, when the call failed.
    pub error_message: Option<String>,
    /// `FirmwareInfo`: The update package, when the call succeeded.
    pub firmware_info: Option<FirmwareInfo>,
}
impl wire::Decode for QueryOtaFirmwareResponse {
    fn decode(
        node: wire::Node,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        let mut out = Self::default();
        let mut required_request_id = None;
        for (key, value) in wire::struct_entries(node, path)? {
            match key.as_str() {
                "RequestId" => {
                    required_request_id = wire::decode_required(
                        value,
                        &path.field("RequestId"),
                    )?;
                }
                "Success" => {
                    out.success = wire::Decode::decode_optional(
                        value,
                        &path.field("Success"),
                    )?;
                }
                "Code" => {
                    out.code = wire::Decode::decode_optional(value, &path.field("Code"))?;
                }
                "ErrorMessage" => {
                    out.error_message = wire::Decode::decode_optional(
                        value,
                        &path.field("ErrorMessage"),
                    )?;
                }
                "FirmwareInfo" => {
                    out.firmware_info = wire::Decode::decode_optional(
                        value,
                        &path.field("FirmwareInfo"),
                    )?;
                }
                _ => {}
            }
        }
        out.request_id = wire::required(required_request_id, path, "RequestId")?;
        Ok(out)
    }
}
impl wire::Encode for QueryOtaFirmwareResponse {
    fn encode(&self, format: wire::Format) -> wire::Node {
        let mut entries = Vec::with_capacity(5);
        wire::put(&mut entries, "RequestId", &self.request_id, format);
        wire::put_opt(&mut entries, "Success", &self.success, format);
        wire::put_opt(&mut entries, "Code", &self.code, format);
        wire::put_opt(&mut entries, "ErrorMessage", &self.error_message, format);
        wire::put_opt(&mut entries, "FirmwareInfo", &self.firmware_info, format);
        wire::Node::Map(entries)
    }
}
/// The details of an OTA update package.
///
/// Wire name: `FirmwareInfo`.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct FirmwareInfo {
    /// `FirmwareId`: The unique ID of the update package.
    pub firmware_id: Option<String>,
    /// `FirmwareName`: The name of the update package.
    pub firmware_name: Option<String>,
    /// `FirmwareDesc`: The description of the update package.
    pub firmware_desc: Option<String>,
    /// `DestVersion`: The version the package updates a device to (for example `4.0.0`).
    pub dest_version: Option<String>,
    /// `SrcVersion`: The version a delta package updates from; an empty string for full packages.
    pub src_version: Option<String>,
    /// `Type`: Whether the package is a full package or a delta package.
    pub r#type: Option<FirmwareType>,
    /// `Status`: The verification status of the package.
    pub status: Option<FirmwareStatus>,
    /// `VerifyProgress`: Verification progress in percent: 0 unverified, 100 verified, N in between while verifying (see `Status`).
    pub verify_progress: Option<i64>,
    /// `SignMethod`: The digest algorithm of the package's signatures.
    pub sign_method: Option<SignMethod>,
    /// `FirmwareSign`: The signature (hex digest) of the file. Single-file packages only.
    pub firmware_sign: Option<String>,
    /// `FirmwareSize`: The size of the file in bytes. Single-file packages only.
    pub firmware_size: Option<i64>,
    /// `FirmwareUrl`: The pre-signed Object Storage Service (OSS) URL of the file. Single-file packages only.
    pub firmware_url: Option<String>,
    /// `ModuleName`: The OTA module the package belongs to.
    pub module_name: Option<String>,
    /// `ProductKey`: The ProductKey of the product the package belongs to.
    pub product_key: Option<String>,
    /// `ProductName`: The name of the product the package belongs to.
    pub product_name: Option<String>,
    /// `Udi`: Custom information pushed to devices with the update notification, up to 4,096 characters. Often, not always, JSON.
    pub udi: Option<String>,
    /// `UtcCreate`: When the package was created (UTC).
    pub utc_create: Option<aliyun_runtime::jiff::Timestamp>,
    /// `UtcModified`: When the package was last modified (UTC).
    pub utc_modified: Option<aliyun_runtime::jiff::Timestamp>,
    /// `MultiFiles`: The files of a multi-file package. Multi-file packages only.
    pub multi_files: Vec<OtaPackageFile>,
}
impl wire::Decode for FirmwareInfo {
    fn decode(
        node: wire::Node,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        let mut out = Self::default();
        for (key, value) in wire::struct_entries(node, path)? {
            match key.as_str() {
                "FirmwareId" => {
                    out.firmware_id = wire::Decode::decode_optional(
                        value,
                        &path.field("FirmwareId"),
                    )?;
                }
                "FirmwareName" => {
                    out.firmware_name = wire::Decode::decode_optional(
                        value,
                        &path.field("FirmwareName"),
                    )?;
                }
                "FirmwareDesc" => {
                    out.firmware_desc = wire::Decode::decode_optional(
                        value,
                        &path.field("FirmwareDesc"),
                    )?;
                }
                "DestVersion" => {
                    out.dest_version = wire::Decode::decode_optional(
                        value,
                        &path.field("DestVersion"),
                    )?;
                }
                "SrcVersion" => {
                    out.src_version = wire::Decode::decode_optional(
                        value,
                        &path.field("SrcVersion"),
                    )?;
                }
                "Type" => {
                    out.r#type = wire::Decode::decode_optional(
                        value,
                        &path.field("Type"),
                    )?;
                }
                "Status" => {
                    out.status = wire::Decode::decode_optional(
                        value,
                        &path.field("Status"),
                    )?;
                }
                "VerifyProgress" => {
                    out.verify_progress = wire::Decode::decode_optional(
                        value,
                        &path.field("VerifyProgress"),
                    )?;
                }
                "SignMethod" => {
                    out.sign_method = wire::Decode::decode_optional(
                        value,
                        &path.field("SignMethod"),
                    )?;
                }
                "FirmwareSign" => {
                    out.firmware_sign = wire::Decode::decode_optional(
                        value,
                        &path.field("FirmwareSign"),
                    )?;
                }
                "FirmwareSize" => {
                    out.firmware_size = wire::Decode::decode_optional(
                        value,
                        &path.field("FirmwareSize"),
                    )?;
                }
                "FirmwareUrl" => {
                    out.firmware_url = wire::Decode::decode_optional(
                        value,
                        &path.field("FirmwareUrl"),
                    )?;
                }
                "ModuleName" => {
                    out.module_name = wire::Decode::decode_optional(
                        value,
                        &path.field("ModuleName"),
                    )?;
                }
                "ProductKey" => {
                    out.product_key = wire::Decode::decode_optional(
                        value,
                        &path.field("ProductKey"),
                    )?;
                }
                "ProductName" => {
                    out.product_name = wire::Decode::decode_optional(
                        value,
                        &path.field("ProductName"),
                    )?;
                }
                "Udi" => {
                    out.udi = wire::Decode::decode_optional(value, &path.field("Udi"))?;
                }
                "UtcCreate" => {
                    out.utc_create = wire::Decode::decode_optional(
                        value,
                        &path.field("UtcCreate"),
                    )?;
                }
                "UtcModified" => {
                    out.utc_modified = wire::Decode::decode_optional(
                        value,
                        &path.field("UtcModified"),
                    )?;
                }
                "MultiFiles" => {
                    wire::decode_list_into(
                        &mut out.multi_files,
                        value,
                        &path.field("MultiFiles"),
                        "OtaPackageFileDTO",
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}
impl wire::Encode for FirmwareInfo {
    fn encode(&self, format: wire::Format) -> wire::Node {
        let mut entries = Vec::with_capacity(19);
        wire::put_opt(&mut entries, "FirmwareId", &self.firmware_id, format);
        wire::put_opt(&mut entries, "FirmwareName", &self.firmware_name, format);
        wire::put_opt(&mut entries, "FirmwareDesc", &self.firmware_desc, format);
        wire::put_opt(&mut entries, "DestVersion", &self.dest_version, format);
        wire::put_opt(&mut entries, "SrcVersion", &self.src_version, format);
        wire::put_opt(&mut entries, "Type", &self.r#type, format);
        wire::put_opt(&mut entries, "Status", &self.status, format);
        wire::put_opt(&mut entries, "VerifyProgress", &self.verify_progress, format);
        wire::put_opt(&mut entries, "SignMethod", &self.sign_method, format);
        wire::put_opt(&mut entries, "FirmwareSign", &self.firmware_sign, format);
        wire::put_opt(&mut entries, "FirmwareSize", &self.firmware_size, format);
        wire::put_opt(&mut entries, "FirmwareUrl", &self.firmware_url, format);
        wire::put_opt(&mut entries, "ModuleName", &self.module_name, format);
        wire::put_opt(&mut entries, "ProductKey", &self.product_key, format);
        wire::put_opt(&mut entries, "ProductName", &self.product_name, format);
        wire::put_opt(&mut entries, "Udi", &self.udi, format);
        wire::put_opt(&mut entries, "UtcCreate", &self.utc_create, format);
        wire::put_opt(&mut entries, "UtcModified", &self.utc_modified, format);
        wire::put_list(
            &mut entries,
            "MultiFiles",
            &self.multi_files,
            "OtaPackageFileDTO",
            format,
        );
        wire::Node::Map(entries)
    }
}
/// One file of a multi-file OTA update package.
///
/// Wire name: `OtaPackageFileDTO`.
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct OtaPackageFile {
    /// `Name`: The name of the file.
    pub name: Option<String>,
    /// `Size`: The size of the file in bytes.
    pub size: Option<i64>,
    /// `Url`: The pre-signed Object Storage Service (OSS) URL of the file.
    pub url: Option<String>,
    /// `SignValue`: The signature of the file.
    pub sign_value: Option<String>,
    /// `FileMd5`: The MD5 digest of the file.
    pub file_md5: Option<String>,
}
impl wire::Decode for OtaPackageFile {
    fn decode(
        node: wire::Node,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        let mut out = Self::default();
        for (key, value) in wire::struct_entries(node, path)? {
            match key.as_str() {
                "Name" => {
                    out.name = wire::Decode::decode_optional(value, &path.field("Name"))?;
                }
                "Size" => {
                    out.size = wire::Decode::decode_optional(value, &path.field("Size"))?;
                }
                "Url" => {
                    out.url = wire::Decode::decode_optional(value, &path.field("Url"))?;
                }
                "SignValue" => {
                    out.sign_value = wire::Decode::decode_optional(
                        value,
                        &path.field("SignValue"),
                    )?;
                }
                "FileMd5" => {
                    out.file_md5 = wire::Decode::decode_optional(
                        value,
                        &path.field("FileMd5"),
                    )?;
                }
                _ => {}
            }
        }
        Ok(out)
    }
}
impl wire::Encode for OtaPackageFile {
    fn encode(&self, format: wire::Format) -> wire::Node {
        let mut entries = Vec::with_capacity(5);
        wire::put_opt(&mut entries, "Name", &self.name, format);
        wire::put_opt(&mut entries, "Size", &self.size, format);
        wire::put_opt(&mut entries, "Url", &self.url, format);
        wire::put_opt(&mut entries, "SignValue", &self.sign_value, format);
        wire::put_opt(&mut entries, "FileMd5", &self.file_md5, format);
        wire::Node::Map(entries)
    }
}
/// The type of an OTA update package.
///
/// Wire name: `FirmwareType`. Values this SDK does not know are kept in `Unknown`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FirmwareType {
    /// `0`: The file is a full update package; devices receive the whole package.
    Full,
    /// `1`: The file holds only the differences from the previous package; devices receive only the differences.
    Delta,
    /// A value this version of the SDK does not know, kept as sent.
    Unknown(i64),
}
impl FirmwareType {
    /// The variant for a wire value; unknown values are kept in `Unknown`.
    pub fn from_value(value: i64) -> Self {
        match value {
            0 => Self::Full,
            1 => Self::Delta,
            other => Self::Unknown(other),
        }
    }
    /// The value on the wire.
    pub fn value(&self) -> i64 {
        match self {
            Self::Full => 0,
            Self::Delta => 1,
            Self::Unknown(value) => *value,
        }
    }
    /// A short human label of a known value, `"unknown"` otherwise.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Full => "full package",
            Self::Delta => "delta package",
            Self::Unknown(_) => "unknown",
        }
    }
}
impl std::fmt::Display for FirmwareType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unknown(value) => write!(f, "unknown ({value})"),
            known => f.write_str(known.label()),
        }
    }
}
impl wire::Decode for FirmwareType {
    fn decode(
        node: wire::Node,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        <i64 as wire::Decode>::decode(node, path).map(Self::from_value)
    }
}
impl wire::Encode for FirmwareType {
    fn encode(&self, _format: wire::Format) -> wire::Node {
        wire::Node::Number(self.value().into())
    }
}
/// The verification status of an OTA update package.
///
/// Wire name: `FirmwareStatus`. Values this SDK does not know are kept in `Unknown`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FirmwareStatus {
    /// `-1`: The package needs no verification.
    NoVerificationRequired,
    /// `0`: The package has not been verified.
    Unverified,
    /// `1`: The package has been verified.
    Verified,
    /// `2`: The package is being verified.
    Verifying,
    /// `3`: The verification of the package failed.
    VerificationFailed,
    /// A value this version of the SDK does not know, kept as sent.
    Unknown(i64),
}
impl FirmwareStatus {
    /// The variant for a wire value; unknown values are kept in `Unknown`.
    pub fn from_value(value: i64) -> Self {
        match value {
            -1 => Self::NoVerificationRequired,
            0 => Self::Unverified,
            1 => Self::Verified,
            2 => Self::Verifying,
            3 => Self::VerificationFailed,
            other => Self::Unknown(other),
        }
    }
    /// The value on the wire.
    pub fn value(&self) -> i64 {
        match self {
            Self::NoVerificationRequired => -1,
            Self::Unverified => 0,
            Self::Verified => 1,
            Self::Verifying => 2,
            Self::VerificationFailed => 3,
            Self::Unknown(value) => *value,
        }
    }
    /// A short human label of a known value, `"unknown"` otherwise.
    pub fn label(&self) -> &'static str {
        match self {
            Self::NoVerificationRequired => "no verification required",
            Self::Unverified => "unverified",
            Self::Verified => "verified",
            Self::Verifying => "verifying",
            Self::VerificationFailed => "verification failed",
            Self::Unknown(_) => "unknown",
        }
    }
}
impl std::fmt::Display for FirmwareStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unknown(value) => write!(f, "unknown ({value})"),
            known => f.write_str(known.label()),
        }
    }
}
impl wire::Decode for FirmwareStatus {
    fn decode(
        node: wire::Node,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        <i64 as wire::Decode>::decode(node, path).map(Self::from_value)
    }
}
impl wire::Encode for FirmwareStatus {
    fn encode(&self, _format: wire::Format) -> wire::Node {
        wire::Node::Number(self.value().into())
    }
}
/// The digest algorithm used to sign an OTA update package's files.
///
/// Wire name: `SignMethod`. Values this SDK does not know are kept in `Unknown`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SignMethod {
    /// `MD5`: MD5 digest.
    Md5,
    /// `SHA256`: SHA-256 digest.
    Sha256,
    /// A value this version of the SDK does not know, kept as sent.
    Unknown(String),
}
impl SignMethod {
    /// The variant for a wire value; unknown values are kept in `Unknown`.
    pub fn from_value(value: &str) -> Self {
        match value {
            "MD5" => Self::Md5,
            "SHA256" => Self::Sha256,
            other => Self::Unknown(other.to_owned()),
        }
    }
    /// The value on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Md5 => "MD5",
            Self::Sha256 => "SHA256",
            Self::Unknown(value) => value,
        }
    }
    /// A short human label of a known value, `"unknown"` otherwise.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Md5 => "MD5",
            Self::Sha256 => "SHA-256",
            Self::Unknown(_) => "unknown",
        }
    }
}
impl std::fmt::Display for SignMethod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unknown(value) => write!(f, "unknown ({value:?})"),
            known => f.write_str(known.label()),
        }
    }
}
impl wire::Decode for SignMethod {
    fn decode(
        node: wire::Node,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        <String as wire::Decode>::decode(node, path)
            .map(|value| Self::from_value(&value))
    }
}
impl wire::Encode for SignMethod {
    fn encode(&self, _format: wire::Format) -> wire::Node {
        wire::Node::Text(self.as_str().to_owned())
    }
}
impl wire::Reply for QueryOtaFirmwareResponse {
    fn in_band_error(&self) -> Option<aliyun_runtime::ServiceError> {
        wire::in_band_error(
            self.success,
            self.code.as_deref(),
            self.error_message.as_deref(),
            Some(self.request_id.as_str()),
        )
    }
    fn request_id(&self) -> Option<&str> {
        Some(self.request_id.as_str())
    }
}
#[cfg(test)]
mod sample_tests {
    use aliyun_runtime::wire;
    #[allow(unused_imports)]
    use super::*;
    /// The JSON sample of the current document (the seed), braces completed. (spec/iot/samples/QueryOTAFirmware.seed.json)
    #[test]
    fn decodes_query_ota_firmware_seed_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/QueryOTAFirmware.seed.json"
        );
        let reply = wire::decode_reply::<
            QueryOtaFirmwareResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        assert!(reply.is_ok(), "{reply:?}");
    }
    /// The JSON sample of the older document revision. (spec/iot/samples/QueryOTAFirmware.doc.json)
    #[test]
    fn decodes_query_ota_firmware_doc_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/QueryOTAFirmware.doc.json"
        );
        let reply = wire::decode_reply::<
            QueryOtaFirmwareResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        assert!(reply.is_ok(), "{reply:?}");
    }
    /// The XML sample of the older document revision (CDATA, no XML declaration). (spec/iot/samples/QueryOTAFirmware.doc.xml)
    #[test]
    fn decodes_query_ota_firmware_doc_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/QueryOTAFirmware.doc.xml"
        );
        let reply = wire::decode_reply::<
            QueryOtaFirmwareResponse,
        >(aliyun_runtime::wire::Format::Xml, 200, body);
        assert!(reply.is_ok(), "{reply:?}");
    }
}
