// @generated from spec/iot/operations/GenerateDeviceNameListURL.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The input of `GenerateDeviceNameListURL`: Generates the Object Storage Service (OSS)
/// form-upload credentials and the object URL for a device-list file, whose URL a static update
/// batch then takes as `DnListFileUrl`. Upload the file within one minute and create the batch
/// within 60 minutes.
///
/// Quota: 10 calls per second per account. HTTP methods: POST, GET. Documented error codes:
/// `iot.system.SystemException` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct GenerateDeviceNameListUrlInput {
    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances):
    /// without it the call fails. Leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub iot_instance_id: Option<String>,
}

impl GenerateDeviceNameListUrlInput {
    /// A builder for this input.
    pub fn builder() -> GenerateDeviceNameListUrlInputBuilder {
        GenerateDeviceNameListUrlInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for GenerateDeviceNameListUrlInput {
    type Output = GenerateDeviceNameListUrlResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "GenerateDeviceNameListURL",
            super::API_VERSION,
        )
        .quota_per_second(10)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post, aliyun_runtime::Method::Get])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("IotInstanceId", &self.iot_instance_id);
    }
}

/// Builds a [`GenerateDeviceNameListUrlInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct GenerateDeviceNameListUrlInputBuilder {
    iot_instance_id: Option<String>,
}

impl GenerateDeviceNameListUrlInputBuilder {
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
    pub fn build(
        self,
    ) -> Result<GenerateDeviceNameListUrlInput, aliyun_runtime::BuildError> {
        Ok(GenerateDeviceNameListUrlInput {
            iot_instance_id: self.iot_instance_id,
        })
    }
}

/// A `GenerateDeviceNameListURL` call being set up: set its parameters, then `send` it. `C` is
/// the client that sends it: the async `RpcClient`, or `crate::blocking::Client`, whose `send`
/// waits for the reply.
#[derive(Clone, Debug)]
pub struct GenerateDeviceNameListUrlFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: GenerateDeviceNameListUrlInputBuilder,
}

impl<C> GenerateDeviceNameListUrlFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: GenerateDeviceNameListUrlInputBuilder::default(),
        }
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

impl GenerateDeviceNameListUrlFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(
        self,
    ) -> Result<GenerateDeviceNameListUrlResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

impl GenerateDeviceNameListUrlFluentBuilder<crate::blocking::Client> {
    /// Sends the call and waits for the reply, as the async `send` does.
    pub fn send(
        self,
    ) -> Result<GenerateDeviceNameListUrlResponse, aliyun_runtime::Error> {
        self.client.call(self.input.build())
    }
}

/// The response of GenerateDeviceNameListURL.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct GenerateDeviceNameListUrlResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,

    /// `Data`: The upload credentials, when the call succeeded.
    pub data: Option<DeviceListUploadCredentials>,
}

impl std::fmt::Debug for GenerateDeviceNameListUrlResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GenerateDeviceNameListUrlResponse")
            .field("request_id", &self.request_id)
            .field("data", &self.data)
            .finish()
    }
}

impl wire::Decode for GenerateDeviceNameListUrlResponse {
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

impl wire::EncodeFields for GenerateDeviceNameListUrlResponse {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("Data", &self.data);
    }
}

impl wire::Reply for GenerateDeviceNameListUrlResponse {
    const ENVELOPE: wire::Envelope = super::ENVELOPE;

    fn request_id(&self) -> &str {
        &self.request_id
    }

    fn set_request_id(&mut self, request_id: String) {
        self.request_id = request_id;
    }
}

/// What an OSS PostObject form upload of a device-list file needs: the target, the signed
/// policy and the URL the object will have. The file is a CSV file of at most 5 MB holding up
/// to 10,000 device names of the package's product, one per line.
///
/// Wire name: `Data`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct DeviceListUploadCredentials {
    /// `Key`: The full object key in the bucket, to send as the `key` form field.
    pub key: Option<String>,

    /// `Host`: The OSS bucket endpoint to send the form upload to (a POST to its root path).
    pub host: Option<String>,

    /// `Policy`: The Base64-encoded upload policy, to send as the `policy` form field.
    pub policy: Option<String>,

    /// `AccessKeyId`: The AccessKey ID of the bucket owner. Send it as the `OSSAccessKeyId` form
    /// field (the name OSS expects), not under this name.
    pub access_key_id: Option<String>,

    /// `Signature`: The signature of the policy, to send as the `Signature` form field.
    pub signature: Option<String>,

    /// `ObjectStorage`: The kind of object storage, `OSS`.
    pub object_storage: Option<String>,

    /// `FileUrl`: The URL the file has once uploaded, to pass to CreateOTAStaticUpgradeJob as
    /// `DnListFileUrl`.
    pub file_url: Option<String>,

    /// `UtcCreate`: When the credentials were generated (UTC); they are valid for one minute.
    pub utc_create: Option<aliyun_runtime::jiff::Timestamp>,
}

impl std::fmt::Debug for DeviceListUploadCredentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeviceListUploadCredentials")
            .field("key", &self.key)
            .field("host", &self.host)
            .field(
                "policy",
                &self.policy.as_ref().map(|_| aliyun_runtime::secret::Redacted),
            )
            .field("access_key_id", &self.access_key_id)
            .field(
                "signature",
                &self.signature.as_ref().map(|_| aliyun_runtime::secret::Redacted),
            )
            .field("object_storage", &self.object_storage)
            .field("file_url", &self.file_url)
            .field("utc_create", &self.utc_create)
            .finish()
    }
}

impl wire::Decode for DeviceListUploadCredentials {
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
                "AccessKeyId" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.access_key_id,
                        value,
                        &path.field("AccessKeyId"),
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
                "FileUrl" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.file_url,
                        value,
                        &path.field("FileUrl"),
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

impl wire::EncodeFields for DeviceListUploadCredentials {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("Key", &self.key);
        w.field_opt("Host", &self.host);
        w.field_opt("Policy", &self.policy);
        w.field_opt("AccessKeyId", &self.access_key_id);
        w.field_opt("Signature", &self.signature);
        w.field_opt("ObjectStorage", &self.object_storage);
        w.field_opt("FileUrl", &self.file_url);
        w.field_opt("UtcCreate", &self.utc_create);
    }
}

#[cfg(test)]
mod sample_tests {
    use aliyun_runtime::wire;

    #[allow(unused_imports)]
    use super::*;

    /// The JSON sample of the documentation. (spec/iot/samples/GenerateDeviceNameListURL.doc.json)
    #[test]
    fn decodes_generate_device_name_list_url_doc_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/GenerateDeviceNameListURL.doc.json"
        );
        let reply = wire::decode_reply::<
            GenerateDeviceNameListUrlResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }

    /// The XML sample of the documentation. (spec/iot/samples/GenerateDeviceNameListURL.doc.xml)
    #[test]
    fn decodes_generate_device_name_list_url_doc_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/GenerateDeviceNameListURL.doc.xml"
        );
        let reply = wire::decode_reply::<
            GenerateDeviceNameListUrlResponse,
        >(aliyun_runtime::wire::Format::Xml, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
