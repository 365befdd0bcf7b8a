// @generated from spec/iot/operations/CreateOTAVerifyJob.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The shared types this operation uses, also at `crate::types`.
pub use super::types::{CreatedJob, DownloadProtocol, OtaTag};

/// The input of `CreateOTAVerifyJob`: Creates a verification batch that installs an OTA update
/// package on 1 to 10 test devices before it is rolled out. The call is refused while the
/// package is being verified or once it has been verified.
///
/// Quota: 10 calls per second per account. HTTP methods: POST, GET. Documented error codes:
/// `iot.ota.FirmwareNotFound`, `iot.system.SystemException` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct CreateOtaVerifyJobInput {
    /// `FirmwareId` (required): The ID of the update package to verify, as returned by
    /// CreateOTAFirmware or listed by ListOTAFirmware.
    ///
    /// Example: `UfuxnwygsuSkVE0VCN****0100`
    pub firmware_id: String,

    /// `ProductKey` (required): The ProductKey of the product the update package belongs to.
    ///
    /// Example: `a19mzPZ****`
    pub product_key: String,

    /// `TargetDeviceName`.N (required): The names of the test devices, 1 to 10 distinct devices of
    /// that product. Sent as `TargetDeviceName.1`, `TargetDeviceName.2`, and so on.
    ///
    /// A list: each call of the setter adds one item.
    ///
    /// Example: `testdevice`
    pub target_device_name: Vec<String>,

    /// `TimeoutInMinutes`: How long a device may take to update, 1–1440 minutes; a device that
    /// has not finished by then fails.
    pub timeout_in_minutes: Option<i64>,

    /// `NeedConfirm`: Whether each device's update waits for a confirmation from your own app (see
    /// ConfirmOTATask): when `true` the tasks start in the `CONFIRM` state. Default `false`.
    pub need_confirm: Option<bool>,

    /// `NeedPush`: Whether IoT Platform pushes the update to the online devices in scope. Default
    /// `true`. Devices can ask for the update themselves either way.
    pub need_push: Option<bool>,

    /// `DownloadProtocol`: How devices download the package: HTTPS (the default) or MQTT (only in
    /// cn-shanghai, cn-beijing and cn-shenzhen, for files of at most 16 MB).
    pub download_protocol: Option<DownloadProtocol>,

    /// `Tag`.N: Tags of the batch, at most 10, sent to the devices with the update notification
    /// (`Tag.N.Key`, `Tag.N.Value`, always in pairs). A key has 1–30 characters (letters, digits
    /// and `.`); a value has 1–1,024 characters; keys and values together may not exceed 4,096
    /// characters.
    ///
    /// A list: each call of the setter adds one item.
    pub tag: Vec<OtaTag>,

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances);
    /// leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub iot_instance_id: Option<String>,
}

impl CreateOtaVerifyJobInput {
    /// A builder for this input.
    pub fn builder() -> CreateOtaVerifyJobInputBuilder {
        CreateOtaVerifyJobInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for CreateOtaVerifyJobInput {
    type Output = CreateOtaVerifyJobResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "CreateOTAVerifyJob",
            super::API_VERSION,
        )
        .quota_per_second(10)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post, aliyun_runtime::Method::Get])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("FirmwareId", &self.firmware_id);
        w.write("ProductKey", &self.product_key);
        w.write("TargetDeviceName", &self.target_device_name);
        w.write("TimeoutInMinutes", &self.timeout_in_minutes);
        w.write("NeedConfirm", &self.need_confirm);
        w.write("NeedPush", &self.need_push);
        w.write("DownloadProtocol", &self.download_protocol);
        w.write("Tag", &self.tag);
        w.write("IotInstanceId", &self.iot_instance_id);
    }
}

/// Builds a [`CreateOtaVerifyJobInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct CreateOtaVerifyJobInputBuilder {
    firmware_id: Option<String>,
    product_key: Option<String>,
    target_device_name: Vec<String>,
    timeout_in_minutes: Option<i64>,
    need_confirm: Option<bool>,
    need_push: Option<bool>,
    download_protocol: Option<DownloadProtocol>,
    tag: Vec<OtaTag>,
    iot_instance_id: Option<String>,
}

impl CreateOtaVerifyJobInputBuilder {
    /// `FirmwareId` (required): The ID of the update package to verify, as returned by
    /// CreateOTAFirmware or listed by ListOTAFirmware.
    ///
    /// Example: `UfuxnwygsuSkVE0VCN****0100`
    pub fn firmware_id(mut self, value: impl Into<String>) -> Self {
        self.firmware_id = Some(value.into());
        self
    }

    /// Sets or clears `FirmwareId`.
    pub fn set_firmware_id(mut self, value: Option<String>) -> Self {
        self.firmware_id = value;
        self
    }

    /// `ProductKey` (required): The ProductKey of the product the update package belongs to.
    ///
    /// Example: `a19mzPZ****`
    pub fn product_key(mut self, value: impl Into<String>) -> Self {
        self.product_key = Some(value.into());
        self
    }

    /// Sets or clears `ProductKey`.
    pub fn set_product_key(mut self, value: Option<String>) -> Self {
        self.product_key = value;
        self
    }

    /// `TargetDeviceName`.N (required): The names of the test devices, 1 to 10 distinct devices of
    /// that product. Sent as `TargetDeviceName.1`, `TargetDeviceName.2`, and so on.
    ///
    /// A list: each call of the setter adds one item.
    ///
    /// Example: `testdevice`
    pub fn target_device_name(mut self, value: impl Into<String>) -> Self {
        self.target_device_name.push(value.into());
        self
    }

    /// Replaces every item of `TargetDeviceName` (`None` empties it).
    pub fn set_target_device_name(mut self, value: Option<Vec<String>>) -> Self {
        self.target_device_name = value.unwrap_or_default();
        self
    }

    /// `TimeoutInMinutes`: How long a device may take to update, 1–1440 minutes; a device that
    /// has not finished by then fails.
    pub fn timeout_in_minutes(mut self, value: i64) -> Self {
        self.timeout_in_minutes = Some(value);
        self
    }

    /// Sets or clears `TimeoutInMinutes`.
    pub fn set_timeout_in_minutes(mut self, value: Option<i64>) -> Self {
        self.timeout_in_minutes = value;
        self
    }

    /// `NeedConfirm`: Whether each device's update waits for a confirmation from your own app (see
    /// ConfirmOTATask): when `true` the tasks start in the `CONFIRM` state. Default `false`.
    pub fn need_confirm(mut self, value: bool) -> Self {
        self.need_confirm = Some(value);
        self
    }

    /// Sets or clears `NeedConfirm`.
    pub fn set_need_confirm(mut self, value: Option<bool>) -> Self {
        self.need_confirm = value;
        self
    }

    /// `NeedPush`: Whether IoT Platform pushes the update to the online devices in scope. Default
    /// `true`. Devices can ask for the update themselves either way.
    pub fn need_push(mut self, value: bool) -> Self {
        self.need_push = Some(value);
        self
    }

    /// Sets or clears `NeedPush`.
    pub fn set_need_push(mut self, value: Option<bool>) -> Self {
        self.need_push = value;
        self
    }

    /// `DownloadProtocol`: How devices download the package: HTTPS (the default) or MQTT (only in
    /// cn-shanghai, cn-beijing and cn-shenzhen, for files of at most 16 MB).
    pub fn download_protocol(mut self, value: DownloadProtocol) -> Self {
        self.download_protocol = Some(value);
        self
    }

    /// Sets or clears `DownloadProtocol`.
    pub fn set_download_protocol(mut self, value: Option<DownloadProtocol>) -> Self {
        self.download_protocol = value;
        self
    }

    /// `Tag`.N: Tags of the batch, at most 10, sent to the devices with the update notification
    /// (`Tag.N.Key`, `Tag.N.Value`, always in pairs). A key has 1–30 characters (letters, digits
    /// and `.`); a value has 1–1,024 characters; keys and values together may not exceed 4,096
    /// characters.
    ///
    /// A list: each call of the setter adds one item.
    pub fn tag(mut self, value: OtaTag) -> Self {
        self.tag.push(value);
        self
    }

    /// Replaces every item of `Tag` (`None` empties it).
    pub fn set_tag(mut self, value: Option<Vec<OtaTag>>) -> Self {
        self.tag = value.unwrap_or_default();
        self
    }

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances);
    /// leave it unset for instances that have no ID.
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
    pub fn build(self) -> Result<CreateOtaVerifyJobInput, aliyun_runtime::BuildError> {
        Ok(CreateOtaVerifyJobInput {
            firmware_id: self
                .firmware_id
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "CreateOTAVerifyJob",
                        "FirmwareId",
                        "firmware_id",
                    ),
                )?,
            product_key: self
                .product_key
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "CreateOTAVerifyJob",
                        "ProductKey",
                        "product_key",
                    ),
                )?,
            target_device_name: if self.target_device_name.is_empty() {
                return Err(
                    aliyun_runtime::BuildError::missing(
                        "CreateOTAVerifyJob",
                        "TargetDeviceName",
                        "target_device_name",
                    ),
                )
            } else {
                self.target_device_name
            },
            timeout_in_minutes: self.timeout_in_minutes,
            need_confirm: self.need_confirm,
            need_push: self.need_push,
            download_protocol: self.download_protocol,
            tag: self.tag,
            iot_instance_id: self.iot_instance_id,
        })
    }
}

/// A `CreateOTAVerifyJob` call being set up: set its parameters, then `send` it. `C` is the
/// client that sends it: the async `RpcClient`, or `crate::blocking::Client`, whose `send`
/// waits for the reply.
#[derive(Clone, Debug)]
pub struct CreateOtaVerifyJobFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: CreateOtaVerifyJobInputBuilder,
}

impl<C> CreateOtaVerifyJobFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: CreateOtaVerifyJobInputBuilder::default(),
        }
    }

    /// `FirmwareId` (required): The ID of the update package to verify, as returned by
    /// CreateOTAFirmware or listed by ListOTAFirmware.
    ///
    /// Example: `UfuxnwygsuSkVE0VCN****0100`
    pub fn firmware_id(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.firmware_id(value);
        self
    }

    /// Sets or clears `FirmwareId`.
    pub fn set_firmware_id(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_firmware_id(value);
        self
    }

    /// `ProductKey` (required): The ProductKey of the product the update package belongs to.
    ///
    /// Example: `a19mzPZ****`
    pub fn product_key(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.product_key(value);
        self
    }

    /// Sets or clears `ProductKey`.
    pub fn set_product_key(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_product_key(value);
        self
    }

    /// `TargetDeviceName`.N (required): The names of the test devices, 1 to 10 distinct devices of
    /// that product. Sent as `TargetDeviceName.1`, `TargetDeviceName.2`, and so on.
    ///
    /// A list: each call of the setter adds one item.
    ///
    /// Example: `testdevice`
    pub fn target_device_name(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.target_device_name(value);
        self
    }

    /// Replaces every item of `TargetDeviceName` (`None` empties it).
    pub fn set_target_device_name(mut self, value: Option<Vec<String>>) -> Self {
        self.input = self.input.set_target_device_name(value);
        self
    }

    /// `TimeoutInMinutes`: How long a device may take to update, 1–1440 minutes; a device that
    /// has not finished by then fails.
    pub fn timeout_in_minutes(mut self, value: i64) -> Self {
        self.input = self.input.timeout_in_minutes(value);
        self
    }

    /// Sets or clears `TimeoutInMinutes`.
    pub fn set_timeout_in_minutes(mut self, value: Option<i64>) -> Self {
        self.input = self.input.set_timeout_in_minutes(value);
        self
    }

    /// `NeedConfirm`: Whether each device's update waits for a confirmation from your own app (see
    /// ConfirmOTATask): when `true` the tasks start in the `CONFIRM` state. Default `false`.
    pub fn need_confirm(mut self, value: bool) -> Self {
        self.input = self.input.need_confirm(value);
        self
    }

    /// Sets or clears `NeedConfirm`.
    pub fn set_need_confirm(mut self, value: Option<bool>) -> Self {
        self.input = self.input.set_need_confirm(value);
        self
    }

    /// `NeedPush`: Whether IoT Platform pushes the update to the online devices in scope. Default
    /// `true`. Devices can ask for the update themselves either way.
    pub fn need_push(mut self, value: bool) -> Self {
        self.input = self.input.need_push(value);
        self
    }

    /// Sets or clears `NeedPush`.
    pub fn set_need_push(mut self, value: Option<bool>) -> Self {
        self.input = self.input.set_need_push(value);
        self
    }

    /// `DownloadProtocol`: How devices download the package: HTTPS (the default) or MQTT (only in
    /// cn-shanghai, cn-beijing and cn-shenzhen, for files of at most 16 MB).
    pub fn download_protocol(mut self, value: DownloadProtocol) -> Self {
        self.input = self.input.download_protocol(value);
        self
    }

    /// Sets or clears `DownloadProtocol`.
    pub fn set_download_protocol(mut self, value: Option<DownloadProtocol>) -> Self {
        self.input = self.input.set_download_protocol(value);
        self
    }

    /// `Tag`.N: Tags of the batch, at most 10, sent to the devices with the update notification
    /// (`Tag.N.Key`, `Tag.N.Value`, always in pairs). A key has 1–30 characters (letters, digits
    /// and `.`); a value has 1–1,024 characters; keys and values together may not exceed 4,096
    /// characters.
    ///
    /// A list: each call of the setter adds one item.
    pub fn tag(mut self, value: OtaTag) -> Self {
        self.input = self.input.tag(value);
        self
    }

    /// Replaces every item of `Tag` (`None` empties it).
    pub fn set_tag(mut self, value: Option<Vec<OtaTag>>) -> Self {
        self.input = self.input.set_tag(value);
        self
    }

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances);
    /// leave it unset for instances that have no ID.
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

impl CreateOtaVerifyJobFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(
        self,
    ) -> Result<CreateOtaVerifyJobResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

impl CreateOtaVerifyJobFluentBuilder<crate::blocking::Client> {
    /// Sends the call and waits for the reply, as the async `send` does.
    pub fn send(self) -> Result<CreateOtaVerifyJobResponse, aliyun_runtime::Error> {
        self.client.call(self.input.build())
    }
}

/// The response of CreateOTAVerifyJob.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct CreateOtaVerifyJobResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,

    /// `Data`: The verification batch that was created.
    pub data: Option<CreatedJob>,
}

impl std::fmt::Debug for CreateOtaVerifyJobResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateOtaVerifyJobResponse")
            .field("request_id", &self.request_id)
            .field("data", &self.data)
            .finish()
    }
}

impl wire::Decode for CreateOtaVerifyJobResponse {
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

impl wire::EncodeFields for CreateOtaVerifyJobResponse {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("Data", &self.data);
    }
}

impl wire::Reply for CreateOtaVerifyJobResponse {
    const ENVELOPE: wire::Envelope = super::ENVELOPE;

    fn request_id(&self) -> &str {
        &self.request_id
    }

    fn set_request_id(&mut self, request_id: String) {
        self.request_id = request_id;
    }
}

#[cfg(test)]
mod sample_tests {
    use aliyun_runtime::wire;

    #[allow(unused_imports)]
    use super::*;

    /// The JSON sample of the documentation. (spec/iot/samples/CreateOTAVerifyJob.doc.json)
    #[test]
    fn decodes_create_ota_verify_job_doc_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/CreateOTAVerifyJob.doc.json"
        );
        let reply = wire::decode_reply::<
            CreateOtaVerifyJobResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }

    /// The XML sample of the documentation. (spec/iot/samples/CreateOTAVerifyJob.doc.xml)
    #[test]
    fn decodes_create_ota_verify_job_doc_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/CreateOTAVerifyJob.doc.xml"
        );
        let reply = wire::decode_reply::<
            CreateOtaVerifyJobResponse,
        >(aliyun_runtime::wire::Format::Xml, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
