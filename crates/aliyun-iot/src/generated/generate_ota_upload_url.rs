// @generated from spec/iot/operations/GenerateOTAUploadURL.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The input of `GenerateOTAUploadURL`: Generates the Object Storage Service (OSS) form-upload
/// credentials and the object URL for one file of an OTA update package. Upload the file with
/// them within one minute, then pass `FirmwareUrl` to CreateOTAFirmware within 60 minutes.
///
/// Quota: 10 calls per second per account. HTTP methods: POST, GET. Documented error codes:
/// `iot.system.SystemException` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GenerateOtaUploadUrlInput {
    /// `FileSuffix`: The file name extension of the file to upload; `bin` when unset.
    ///
    /// Example: `bin`
    pub file_suffix: Option<FileSuffix>,

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances):
    /// without it the call fails. Leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub iot_instance_id: Option<String>,
}

impl GenerateOtaUploadUrlInput {
    /// A builder for this input.
    pub fn builder() -> GenerateOtaUploadUrlInputBuilder {
        GenerateOtaUploadUrlInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for GenerateOtaUploadUrlInput {
    type Output = GenerateOtaUploadUrlResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "GenerateOTAUploadURL",
            super::API_VERSION,
        )
        .quota_per_second(10)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post, aliyun_runtime::Method::Get])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("FileSuffix", &self.file_suffix);
        w.write("IotInstanceId", &self.iot_instance_id);
    }
}

/// Builds a [`GenerateOtaUploadUrlInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct GenerateOtaUploadUrlInputBuilder {
    file_suffix: Option<FileSuffix>,
    iot_instance_id: Option<String>,
}

impl GenerateOtaUploadUrlInputBuilder {
    /// `FileSuffix`: The file name extension of the file to upload; `bin` when unset.
    ///
    /// Example: `bin`
    pub fn file_suffix(mut self, value: FileSuffix) -> Self {
        self.file_suffix = Some(value);
        self
    }

    /// Sets or clears `FileSuffix`.
    pub fn set_file_suffix(mut self, value: Option<FileSuffix>) -> Self {
        self.file_suffix = value;
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
    pub fn build(self) -> Result<GenerateOtaUploadUrlInput, aliyun_runtime::BuildError> {
        Ok(GenerateOtaUploadUrlInput {
            file_suffix: self.file_suffix,
            iot_instance_id: self.iot_instance_id,
        })
    }
}

/// A `GenerateOTAUploadURL` call being set up: set its parameters, then `send` it. `C` is the
/// client that sends it: the async `RpcClient`, or `crate::blocking::Client`, whose `send`
/// waits for the reply.
#[derive(Clone, Debug)]
pub struct GenerateOtaUploadUrlFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: GenerateOtaUploadUrlInputBuilder,
}

impl<C> GenerateOtaUploadUrlFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: GenerateOtaUploadUrlInputBuilder::default(),
        }
    }

    /// `FileSuffix`: The file name extension of the file to upload; `bin` when unset.
    ///
    /// Example: `bin`
    pub fn file_suffix(mut self, value: FileSuffix) -> Self {
        self.input = self.input.file_suffix(value);
        self
    }

    /// Sets or clears `FileSuffix`.
    pub fn set_file_suffix(mut self, value: Option<FileSuffix>) -> Self {
        self.input = self.input.set_file_suffix(value);
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

impl GenerateOtaUploadUrlFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(
        self,
    ) -> Result<GenerateOtaUploadUrlResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

impl GenerateOtaUploadUrlFluentBuilder<crate::blocking::Client> {
    /// Sends the call and waits for the reply, as the async `send` does.
    pub fn send(self) -> Result<GenerateOtaUploadUrlResponse, aliyun_runtime::Error> {
        self.client.call(self.input.build())
    }
}

/// The response of GenerateOTAUploadURL.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct GenerateOtaUploadUrlResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,

    /// `Data`: The upload credentials, when the call succeeded.
    pub data: Option<UploadCredentials>,
}

impl std::fmt::Debug for GenerateOtaUploadUrlResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GenerateOtaUploadUrlResponse")
            .field("request_id", &self.request_id)
            .field("data", &self.data)
            .finish()
    }
}

impl wire::Decode for GenerateOtaUploadUrlResponse {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        #[allow(clippy::single_match)]
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "Data" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.data,
                        value,
                        &path.field("Data"),
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for GenerateOtaUploadUrlResponse {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("Data", &self.data);
    }
}

impl wire::Reply for GenerateOtaUploadUrlResponse {
    const ENVELOPE: wire::Envelope = super::ENVELOPE;

    fn request_id(&self) -> &str {
        &self.request_id
    }

    fn set_request_id(&mut self, request_id: String) {
        self.request_id = request_id;
    }
}

/// What an OSS PostObject form upload of one package file needs: the target, the signed policy
/// and the URL the object will have.
///
/// Wire name: `Data`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct UploadCredentials {
    /// `Key`: The full object key in the bucket, to send as the `key` form field.
    pub key: Option<String>,

    /// `Host`: The OSS bucket endpoint to send the form upload to (a POST to its root path).
    pub host: Option<String>,

    /// `Policy`: The Base64-encoded upload policy, to send as the `policy` form field.
    pub policy: Option<String>,

    /// `OSSAccessKeyId`: The AccessKey ID of the bucket owner, to send as the `OSSAccessKeyId` form
    /// field.
    pub oss_access_key_id: Option<String>,

    /// `Signature`: The signature of the policy, to send as the `Signature` form field.
    pub signature: Option<String>,

    /// `ObjectStorage`: The kind of object storage, `OSS`.
    pub object_storage: Option<String>,

    /// `FirmwareUrl`: The URL the object has once uploaded (`Host`, `/` and `Key`). Pass it to
    /// CreateOTAFirmware as `FirmwareUrl` or as a `MultiFiles` item's `Url`.
    pub firmware_url: Option<String>,

    /// `UtcCreate`: When the credentials were generated (UTC); they are valid for one minute.
    pub utc_create: Option<aliyun_runtime::jiff::Timestamp>,
}

impl std::fmt::Debug for UploadCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UploadCredentials")
            .field("key", &self.key)
            .field("host", &self.host)
            .field(
                "policy",
                &self.policy.as_ref().map(|_| aliyun_runtime::secret::Redacted),
            )
            .field("oss_access_key_id", &self.oss_access_key_id)
            .field(
                "signature",
                &self.signature.as_ref().map(|_| aliyun_runtime::secret::Redacted),
            )
            .field("object_storage", &self.object_storage)
            .field("firmware_url", &self.firmware_url)
            .field("utc_create", &self.utc_create)
            .finish()
    }
}

impl wire::Decode for UploadCredentials {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "Key" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.key,
                        value,
                        &path.field("Key"),
                    )?
                }
                "Host" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.host,
                        value,
                        &path.field("Host"),
                    )?
                }
                "Policy" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.policy,
                        value,
                        &path.field("Policy"),
                    )?
                }
                "OSSAccessKeyId" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.oss_access_key_id,
                        value,
                        &path.field("OSSAccessKeyId"),
                    )?
                }
                "Signature" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.signature,
                        value,
                        &path.field("Signature"),
                    )?
                }
                "ObjectStorage" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.object_storage,
                        value,
                        &path.field("ObjectStorage"),
                    )?
                }
                "FirmwareUrl" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.firmware_url,
                        value,
                        &path.field("FirmwareUrl"),
                    )?
                }
                "UtcCreate" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.utc_create,
                        value,
                        &path.field("UtcCreate"),
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for UploadCredentials {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("Key", &self.key);
        w.field_opt("Host", &self.host);
        w.field_opt("Policy", &self.policy);
        w.field_opt("OSSAccessKeyId", &self.oss_access_key_id);
        w.field_opt("Signature", &self.signature);
        w.field_opt("ObjectStorage", &self.object_storage);
        w.field_opt("FirmwareUrl", &self.firmware_url);
        w.field_opt("UtcCreate", &self.utc_create);
    }
}

/// The file name extension of an OTA update package file.
///
/// Wire name: `FileSuffix`. A value this SDK does not know is kept in `Unknown`, whose content
/// is opaque: match known variants and handle the rest with a wildcard arm, so that code keeps
/// working when a later SDK knows the value.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FileSuffix {
    /// `bin`: A `.bin` file (the default).
    Bin,

    /// `dav`: A `.dav` file.
    Dav,

    /// `apk`: An Android package (`.apk`).
    Apk,

    /// `tar`: A tar archive (`.tar`).
    Tar,

    /// `gz`: A gzip-compressed file (`.gz`).
    Gz,

    /// `tar.gz`: A gzip-compressed tar archive (`.tar.gz`).
    TarGz,

    /// `zip`: A ZIP archive (`.zip`).
    Zip,

    /// `gzip`: A gzip-compressed file (`.gzip`).
    Gzip,

    /// A value this version of the SDK does not know, kept as sent (opaque: read it with
    /// the enum's own methods).
    Unknown(wire::UnknownString),
}

impl FileSuffix {
    /// The variant for a wire value; unknown values are kept in `Unknown`.
    pub fn from_value(value: &str) -> Self {
        match value {
            "bin" => Self::Bin,
            "dav" => Self::Dav,
            "apk" => Self::Apk,
            "tar" => Self::Tar,
            "gz" => Self::Gz,
            "tar.gz" => Self::TarGz,
            "zip" => Self::Zip,
            "gzip" => Self::Gzip,
            other => Self::Unknown(wire::UnknownString::new(other)),
        }
    }

    /// The value on the wire.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Bin => "bin",
            Self::Dav => "dav",
            Self::Apk => "apk",
            Self::Tar => "tar",
            Self::Gz => "gz",
            Self::TarGz => "tar.gz",
            Self::Zip => "zip",
            Self::Gzip => "gzip",
            Self::Unknown(value) => value.as_str(),
        }
    }

    /// The values this SDK knows.
    pub const fn values() -> &'static [&'static str] {
        &["bin", "dav", "apk", "tar", "gz", "tar.gz", "zip", "gzip"]
    }

    /// A short human label of a known value, `"unknown"` otherwise.
    pub fn label(&self) -> &'static str {
        match self {
            Self::Bin => ".bin",
            Self::Dav => ".dav",
            Self::Apk => ".apk",
            Self::Tar => ".tar",
            Self::Gz => ".gz",
            Self::TarGz => ".tar.gz",
            Self::Zip => ".zip",
            Self::Gzip => ".gzip",
            Self::Unknown(_) => "unknown",
        }
    }
}

impl From<&str> for FileSuffix {
    fn from(value: &str) -> Self {
        Self::from_value(value)
    }
}

impl std::fmt::Display for FileSuffix {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unknown(value) => write!(f, "unknown ({value})"),
            known => f.write_str(known.label()),
        }
    }
}

impl wire::Decode for FileSuffix {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        <String as wire::Decode>::decode(node, path)
            .map(|value| Self::from_value(&value))
    }
}

impl wire::Encode for FileSuffix {
    fn encode(&self, w: &mut wire::Writer) {
        w.text(self.as_str())
    }
}

impl aliyun_runtime::QueryValue for FileSuffix {
    fn write_query(&self, w: &mut aliyun_runtime::QueryWriter, name: &str) {
        aliyun_runtime::QueryValue::write_query(self.as_str(), w, name)
    }
}

#[cfg(feature = "server")]
impl aliyun_runtime::query::FromQuery for FileSuffix {
    fn read_query(
        r: &aliyun_runtime::QueryReader<'_>,
        name: &str,
    ) -> Result<Option<Self>, aliyun_runtime::query::QueryError> {
        Ok(r.read::<String>(name)?.map(|value: String| Self::from_value(&value)))
    }
}

#[cfg(test)]
mod sample_tests {
    use aliyun_runtime::wire;

    #[allow(unused_imports)]
    use super::*;

    /// The JSON sample of the documentation. (spec/iot/samples/GenerateOTAUploadURL.doc.json)
    #[test]
    fn decodes_generate_ota_upload_url_doc_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/GenerateOTAUploadURL.doc.json"
        );
        let reply = wire::decode_reply::<
            GenerateOtaUploadUrlResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }

    /// The XML sample of the documentation. (spec/iot/samples/GenerateOTAUploadURL.doc.xml)
    #[test]
    fn decodes_generate_ota_upload_url_doc_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/GenerateOTAUploadURL.doc.xml"
        );
        let reply = wire::decode_reply::<
            GenerateOtaUploadUrlResponse,
        >(aliyun_runtime::wire::Format::Xml, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
