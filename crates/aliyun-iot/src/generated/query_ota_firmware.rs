// @generated from spec/iot/operations/QueryOTAFirmware.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The shared types this operation uses, also at `crate::types`.
pub use super::types::{FirmwareStatus, FirmwareType, SignMethod};

/// The input of `QueryOTAFirmware`: Queries the details of an OTA update package: its name,
/// versions, type, verification status, size, signature and download URL(s).
///
/// Quota: 20 calls per second per account. HTTP methods: POST, GET. Documented error codes:
/// `iot.ota.FirmwareNotFound`, `iot.system.SystemException` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct QueryOtaFirmwareInput {
    /// `FirmwareId` (required): The unique ID of the OTA update package, as returned by
    /// CreateOTAFirmware or listed by ListOTAFirmware.
    ///
    /// Example: `s8SSHiKjpBfrM3BSN0z803****`
    pub firmware_id: String,

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances):
    /// without it the call fails. Leave it unset for instances that have no ID.
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
        )
        .quota_per_second(20)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post, aliyun_runtime::Method::Get])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("FirmwareId", &self.firmware_id);
        w.write("IotInstanceId", &self.iot_instance_id);
    }
}

/// Builds a [`QueryOtaFirmwareInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct QueryOtaFirmwareInputBuilder {
    firmware_id: Option<String>,
    iot_instance_id: Option<String>,
}

impl QueryOtaFirmwareInputBuilder {
    /// `FirmwareId` (required): The unique ID of the OTA update package, as returned by
    /// CreateOTAFirmware or listed by ListOTAFirmware.
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

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances):
    /// without it the call fails. Leave it unset for instances that have no ID.
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

    /// The input, or an error naming the first missing (or empty) required parameter.
    pub fn build(self) -> Result<QueryOtaFirmwareInput, aliyun_runtime::BuildError> {
        Ok(QueryOtaFirmwareInput {
            firmware_id: self
                .firmware_id
                .filter(|v| !v.is_empty())
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

/// A `QueryOTAFirmware` call being set up: set its parameters, then `send` it. `C` is the
/// client that sends it: the async `RpcClient`, or `crate::blocking::Client`, whose `send`
/// waits for the reply.
#[derive(Clone, Debug)]
pub struct QueryOtaFirmwareFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: QueryOtaFirmwareInputBuilder,
}

impl<C> QueryOtaFirmwareFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: QueryOtaFirmwareInputBuilder::default(),
        }
    }

    /// `FirmwareId` (required): The unique ID of the OTA update package, as returned by
    /// CreateOTAFirmware or listed by ListOTAFirmware.
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

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances):
    /// without it the call fails. Leave it unset for instances that have no ID.
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
}

impl QueryOtaFirmwareFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(self) -> Result<QueryOtaFirmwareResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

impl QueryOtaFirmwareFluentBuilder<crate::blocking::Client> {
    /// Sends the call and waits for the reply, as the async `send` does.
    pub fn send(self) -> Result<QueryOtaFirmwareResponse, aliyun_runtime::Error> {
        self.client.call(self.input.build())
    }
}

/// The response of QueryOTAFirmware.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct QueryOtaFirmwareResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,

    /// `FirmwareInfo`: The update package, when the call succeeded.
    pub firmware_info: Option<FirmwareInfo>,
}

impl std::fmt::Debug for QueryOtaFirmwareResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("QueryOtaFirmwareResponse")
            .field("request_id", &self.request_id)
            .field("firmware_info", &self.firmware_info)
            .finish()
    }
}

impl wire::Decode for QueryOtaFirmwareResponse {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        #[allow(clippy::single_match)]
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "FirmwareInfo" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.firmware_info,
                        value,
                        &path.field("FirmwareInfo"),
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for QueryOtaFirmwareResponse {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("FirmwareInfo", &self.firmware_info);
    }
}

impl wire::Reply for QueryOtaFirmwareResponse {
    const ENVELOPE: wire::Envelope = super::ENVELOPE;

    fn request_id(&self) -> &str {
        &self.request_id
    }

    fn set_request_id(&mut self, request_id: String) {
        self.request_id = request_id;
    }
}

/// The details of an OTA update package.
///
/// Wire name: `FirmwareInfo`.
#[derive(Clone, Default, PartialEq)]
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

    /// `VerifyProgress`: Verification progress in percent: 0 unverified, 100 verified, N in between
    /// while verifying (see `Status`).
    pub verify_progress: Option<i64>,

    /// `SignMethod`: The digest algorithm of the package's signatures.
    pub sign_method: Option<SignMethod>,

    /// `FirmwareSign`: The signature (hex digest) of the file. Single-file packages only.
    pub firmware_sign: Option<String>,

    /// `FirmwareSize`: The size of the file in bytes. Single-file packages only.
    pub firmware_size: Option<i64>,

    /// `FirmwareUrl`: The pre-signed Object Storage Service (OSS) URL of the file. Single-file
    /// packages only.
    pub firmware_url: Option<String>,

    /// `ModuleName`: The OTA module the package belongs to.
    pub module_name: Option<String>,

    /// `ProductKey`: The ProductKey of the product the package belongs to.
    pub product_key: Option<String>,

    /// `ProductName`: The name of the product the package belongs to.
    pub product_name: Option<String>,

    /// `Udi`: Custom information pushed to devices with the update notification, up to 4,096
    /// characters. Often, not always, JSON.
    pub udi: Option<String>,

    /// `UtcCreate`: When the package was created (UTC).
    pub utc_create: Option<aliyun_runtime::jiff::Timestamp>,

    /// `UtcModified`: When the package was last modified (UTC).
    pub utc_modified: Option<aliyun_runtime::jiff::Timestamp>,

    /// `MultiFiles`: The files of a multi-file package. Multi-file packages only.
    pub multi_files: Vec<OtaPackageFile>,
}

impl std::fmt::Debug for FirmwareInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FirmwareInfo")
            .field("firmware_id", &self.firmware_id)
            .field("firmware_name", &self.firmware_name)
            .field("firmware_desc", &self.firmware_desc)
            .field("dest_version", &self.dest_version)
            .field("src_version", &self.src_version)
            .field("type", &self.r#type)
            .field("status", &self.status)
            .field("verify_progress", &self.verify_progress)
            .field("sign_method", &self.sign_method)
            .field("firmware_sign", &self.firmware_sign)
            .field("firmware_size", &self.firmware_size)
            .field(
                "firmware_url",
                &self.firmware_url.as_ref().map(|_| aliyun_runtime::secret::Redacted),
            )
            .field("module_name", &self.module_name)
            .field("product_key", &self.product_key)
            .field("product_name", &self.product_name)
            .field("udi", &self.udi)
            .field("utc_create", &self.utc_create)
            .field("utc_modified", &self.utc_modified)
            .field("multi_files", &self.multi_files)
            .finish()
    }
}

impl wire::Decode for FirmwareInfo {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "FirmwareId" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.firmware_id,
                        value,
                        &path.field("FirmwareId"),
                    )?
                }
                "FirmwareName" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.firmware_name,
                        value,
                        &path.field("FirmwareName"),
                    )?
                }
                "FirmwareDesc" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.firmware_desc,
                        value,
                        &path.field("FirmwareDesc"),
                    )?
                }
                "DestVersion" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.dest_version,
                        value,
                        &path.field("DestVersion"),
                    )?
                }
                "SrcVersion" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.src_version,
                        value,
                        &path.field("SrcVersion"),
                    )?
                }
                "Type" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.r#type,
                        value,
                        &path.field("Type"),
                    )?
                }
                "Status" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.status,
                        value,
                        &path.field("Status"),
                    )?
                }
                "VerifyProgress" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.verify_progress,
                        value,
                        &path.field("VerifyProgress"),
                    )?
                }
                "SignMethod" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.sign_method,
                        value,
                        &path.field("SignMethod"),
                    )?
                }
                "FirmwareSign" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.firmware_sign,
                        value,
                        &path.field("FirmwareSign"),
                    )?
                }
                "FirmwareSize" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.firmware_size,
                        value,
                        &path.field("FirmwareSize"),
                    )?
                }
                "FirmwareUrl" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.firmware_url,
                        value,
                        &path.field("FirmwareUrl"),
                    )?
                }
                "ModuleName" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.module_name,
                        value,
                        &path.field("ModuleName"),
                    )?
                }
                "ProductKey" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.product_key,
                        value,
                        &path.field("ProductKey"),
                    )?
                }
                "ProductName" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.product_name,
                        value,
                        &path.field("ProductName"),
                    )?
                }
                "Udi" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.udi,
                        value,
                        &path.field("Udi"),
                    )?
                }
                "UtcCreate" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.utc_create,
                        value,
                        &path.field("UtcCreate"),
                    )?
                }
                "UtcModified" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.utc_modified,
                        value,
                        &path.field("UtcModified"),
                    )?
                }
                "MultiFiles" => {
                    aliyun_runtime::codegen::decode_list_into(
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

impl wire::EncodeFields for FirmwareInfo {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("FirmwareId", &self.firmware_id);
        w.field_opt("FirmwareName", &self.firmware_name);
        w.field_opt("FirmwareDesc", &self.firmware_desc);
        w.field_opt("DestVersion", &self.dest_version);
        w.field_opt("SrcVersion", &self.src_version);
        w.field_opt("Type", &self.r#type);
        w.field_opt("Status", &self.status);
        w.field_opt("VerifyProgress", &self.verify_progress);
        w.field_opt("SignMethod", &self.sign_method);
        w.field_opt("FirmwareSign", &self.firmware_sign);
        w.field_opt("FirmwareSize", &self.firmware_size);
        w.field_opt("FirmwareUrl", &self.firmware_url);
        w.field_opt("ModuleName", &self.module_name);
        w.field_opt("ProductKey", &self.product_key);
        w.field_opt("ProductName", &self.product_name);
        w.field_opt("Udi", &self.udi);
        w.field_opt("UtcCreate", &self.utc_create);
        w.field_opt("UtcModified", &self.utc_modified);
        w.field_list("MultiFiles", &self.multi_files, "OtaPackageFileDTO", false);
    }
}

/// One file of a multi-file OTA update package.
///
/// Wire name: `OtaPackageFileDTO`.
#[derive(Clone, Default, PartialEq)]
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

impl std::fmt::Debug for OtaPackageFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OtaPackageFile")
            .field("name", &self.name)
            .field("size", &self.size)
            .field("url", &self.url.as_ref().map(|_| aliyun_runtime::secret::Redacted))
            .field("sign_value", &self.sign_value)
            .field("file_md5", &self.file_md5)
            .finish()
    }
}

impl wire::Decode for OtaPackageFile {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "Name" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.name,
                        value,
                        &path.field("Name"),
                    )?
                }
                "Size" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.size,
                        value,
                        &path.field("Size"),
                    )?
                }
                "Url" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.url,
                        value,
                        &path.field("Url"),
                    )?
                }
                "SignValue" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.sign_value,
                        value,
                        &path.field("SignValue"),
                    )?
                }
                "FileMd5" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.file_md5,
                        value,
                        &path.field("FileMd5"),
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for OtaPackageFile {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("Name", &self.name);
        w.field_opt("Size", &self.size);
        w.field_opt("Url", &self.url);
        w.field_opt("SignValue", &self.sign_value);
        w.field_opt("FileMd5", &self.file_md5);
    }
}

#[cfg(test)]
mod sample_tests {
    use aliyun_runtime::wire;

    #[allow(unused_imports)]
    use super::*;

    /// The JSON sample of the current document (the seed), braces completed.
    /// (spec/iot/samples/QueryOTAFirmware.seed.json)
    #[test]
    fn decodes_query_ota_firmware_seed_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/QueryOTAFirmware.seed.json"
        );
        let reply = wire::decode_reply::<
            QueryOtaFirmwareResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
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
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }

    /// The XML sample of the older document revision (CDATA, no XML declaration).
    /// (spec/iot/samples/QueryOTAFirmware.doc.xml)
    #[test]
    fn decodes_query_ota_firmware_doc_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/QueryOTAFirmware.doc.xml"
        );
        let reply = wire::decode_reply::<
            QueryOtaFirmwareResponse,
        >(aliyun_runtime::wire::Format::Xml, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
