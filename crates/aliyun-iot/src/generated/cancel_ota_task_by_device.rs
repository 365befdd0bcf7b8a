// @generated from spec/iot/operations/CancelOTATaskByDevice.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The input of `CancelOTATaskByDevice`: Cancels the update tasks of the named devices for one
/// OTA update package, optionally only those of one batch. Tasks that have not finished yet
/// (queued, notified or in progress) can be canceled.
///
/// Quota: 10 calls per second per account. HTTP methods: POST, GET. Documented error codes:
/// `iot.ota.FirmwareNotFound`, `iot.system.SystemException` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct CancelOtaTaskByDeviceInput {
    /// `FirmwareId` (required): The ID of the update package whose tasks are canceled.
    ///
    /// Example: `q3j9OYBjUAZMv1hlMgdo03****`
    pub firmware_id: String,

    /// `ProductKey` (required): The ProductKey of the product the devices belong to.
    ///
    /// Example: `a1GUfrM****`
    pub product_key: String,

    /// `DeviceName`.N (required): The names of the devices whose tasks are canceled: 1–200 names,
    /// without duplicates. Sent as `DeviceName.1`, `DeviceName.2`, … (singular, unlike
    /// ListOTATaskByJob's `DeviceNames`).
    ///
    /// A list: each call of the setter adds one item.
    ///
    /// Example: `testDevice1`
    pub device_name: Vec<String>,

    /// `JobId`: Only the tasks of this update batch are canceled; when unset, the devices' tasks of
    /// every batch of the package are.
    ///
    /// Example: `7glPHmaDYLAYMD1HHutT02****`
    pub job_id: Option<String>,

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances);
    /// leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub iot_instance_id: Option<String>,
}

impl CancelOtaTaskByDeviceInput {
    /// A builder for this input.
    pub fn builder() -> CancelOtaTaskByDeviceInputBuilder {
        CancelOtaTaskByDeviceInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for CancelOtaTaskByDeviceInput {
    type Output = CancelOtaTaskByDeviceResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "CancelOTATaskByDevice",
            super::API_VERSION,
        )
        .quota_per_second(10)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post, aliyun_runtime::Method::Get])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("FirmwareId", &self.firmware_id);
        w.write("ProductKey", &self.product_key);
        w.write("DeviceName", &self.device_name);
        w.write("JobId", &self.job_id);
        w.write("IotInstanceId", &self.iot_instance_id);
    }
}

/// Builds a [`CancelOtaTaskByDeviceInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct CancelOtaTaskByDeviceInputBuilder {
    firmware_id: Option<String>,
    product_key: Option<String>,
    device_name: Vec<String>,
    job_id: Option<String>,
    iot_instance_id: Option<String>,
}

impl CancelOtaTaskByDeviceInputBuilder {
    /// `FirmwareId` (required): The ID of the update package whose tasks are canceled.
    ///
    /// Example: `q3j9OYBjUAZMv1hlMgdo03****`
    pub fn firmware_id(mut self, value: impl Into<String>) -> Self {
        self.firmware_id = Some(value.into());
        self
    }

    /// Sets or clears `FirmwareId`.
    pub fn set_firmware_id(mut self, value: Option<String>) -> Self {
        self.firmware_id = value;
        self
    }

    /// `ProductKey` (required): The ProductKey of the product the devices belong to.
    ///
    /// Example: `a1GUfrM****`
    pub fn product_key(mut self, value: impl Into<String>) -> Self {
        self.product_key = Some(value.into());
        self
    }

    /// Sets or clears `ProductKey`.
    pub fn set_product_key(mut self, value: Option<String>) -> Self {
        self.product_key = value;
        self
    }

    /// `DeviceName`.N (required): The names of the devices whose tasks are canceled: 1–200 names,
    /// without duplicates. Sent as `DeviceName.1`, `DeviceName.2`, … (singular, unlike
    /// ListOTATaskByJob's `DeviceNames`).
    ///
    /// A list: each call of the setter adds one item.
    ///
    /// Example: `testDevice1`
    pub fn device_name(mut self, value: impl Into<String>) -> Self {
        self.device_name.push(value.into());
        self
    }

    /// Replaces every item of `DeviceName` (`None` empties it).
    pub fn set_device_name(mut self, value: Option<Vec<String>>) -> Self {
        self.device_name = value.unwrap_or_default();
        self
    }

    /// `JobId`: Only the tasks of this update batch are canceled; when unset, the devices' tasks of
    /// every batch of the package are.
    ///
    /// Example: `7glPHmaDYLAYMD1HHutT02****`
    pub fn job_id(mut self, value: impl Into<String>) -> Self {
        self.job_id = Some(value.into());
        self
    }

    /// Sets or clears `JobId`.
    pub fn set_job_id(mut self, value: Option<String>) -> Self {
        self.job_id = value;
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
    pub fn build(
        self,
    ) -> Result<CancelOtaTaskByDeviceInput, aliyun_runtime::BuildError> {
        Ok(CancelOtaTaskByDeviceInput {
            firmware_id: self
                .firmware_id
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "CancelOTATaskByDevice",
                        "FirmwareId",
                        "firmware_id",
                    ),
                )?,
            product_key: self
                .product_key
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "CancelOTATaskByDevice",
                        "ProductKey",
                        "product_key",
                    ),
                )?,
            device_name: if self.device_name.is_empty() {
                return Err(
                    aliyun_runtime::BuildError::missing(
                        "CancelOTATaskByDevice",
                        "DeviceName",
                        "device_name",
                    ),
                )
            } else {
                self.device_name
            },
            job_id: self.job_id,
            iot_instance_id: self.iot_instance_id,
        })
    }
}

/// A `CancelOTATaskByDevice` call being set up: set its parameters, then `send` it. `C` is the
/// client that sends it: the async `RpcClient`, or `crate::blocking::Client`, whose `send`
/// waits for the reply.
#[derive(Clone, Debug)]
pub struct CancelOtaTaskByDeviceFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: CancelOtaTaskByDeviceInputBuilder,
}

impl<C> CancelOtaTaskByDeviceFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: CancelOtaTaskByDeviceInputBuilder::default(),
        }
    }

    /// `FirmwareId` (required): The ID of the update package whose tasks are canceled.
    ///
    /// Example: `q3j9OYBjUAZMv1hlMgdo03****`
    pub fn firmware_id(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.firmware_id(value);
        self
    }

    /// Sets or clears `FirmwareId`.
    pub fn set_firmware_id(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_firmware_id(value);
        self
    }

    /// `ProductKey` (required): The ProductKey of the product the devices belong to.
    ///
    /// Example: `a1GUfrM****`
    pub fn product_key(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.product_key(value);
        self
    }

    /// Sets or clears `ProductKey`.
    pub fn set_product_key(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_product_key(value);
        self
    }

    /// `DeviceName`.N (required): The names of the devices whose tasks are canceled: 1–200 names,
    /// without duplicates. Sent as `DeviceName.1`, `DeviceName.2`, … (singular, unlike
    /// ListOTATaskByJob's `DeviceNames`).
    ///
    /// A list: each call of the setter adds one item.
    ///
    /// Example: `testDevice1`
    pub fn device_name(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.device_name(value);
        self
    }

    /// Replaces every item of `DeviceName` (`None` empties it).
    pub fn set_device_name(mut self, value: Option<Vec<String>>) -> Self {
        self.input = self.input.set_device_name(value);
        self
    }

    /// `JobId`: Only the tasks of this update batch are canceled; when unset, the devices' tasks of
    /// every batch of the package are.
    ///
    /// Example: `7glPHmaDYLAYMD1HHutT02****`
    pub fn job_id(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.job_id(value);
        self
    }

    /// Sets or clears `JobId`.
    pub fn set_job_id(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_job_id(value);
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

impl CancelOtaTaskByDeviceFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(
        self,
    ) -> Result<CancelOtaTaskByDeviceResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

impl CancelOtaTaskByDeviceFluentBuilder<crate::blocking::Client> {
    /// Sends the call and waits for the reply, as the async `send` does.
    pub fn send(self) -> Result<CancelOtaTaskByDeviceResponse, aliyun_runtime::Error> {
        self.client.call(self.input.build())
    }
}

/// The response of CancelOTATaskByDevice, which carries nothing beyond the common envelope.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct CancelOtaTaskByDeviceResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,
}

impl std::fmt::Debug for CancelOtaTaskByDeviceResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CancelOtaTaskByDeviceResponse")
            .field("request_id", &self.request_id)
            .finish()
    }
}

impl wire::Decode for CancelOtaTaskByDeviceResponse {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        let _ = (node, path);
        Ok(out)
    }
}

impl wire::EncodeFields for CancelOtaTaskByDeviceResponse {
    fn encode_fields(&self, _w: &mut wire::Writer) {}
}

impl wire::Reply for CancelOtaTaskByDeviceResponse {
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

    /// The JSON sample of the documentation. (spec/iot/samples/CancelOTATaskByDevice.doc.json)
    #[test]
    fn decodes_cancel_ota_task_by_device_doc_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/CancelOTATaskByDevice.doc.json"
        );
        let reply = wire::decode_reply::<
            CancelOtaTaskByDeviceResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }

    /// The XML sample of the documentation. (spec/iot/samples/CancelOTATaskByDevice.doc.xml)
    #[test]
    fn decodes_cancel_ota_task_by_device_doc_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/CancelOTATaskByDevice.doc.xml"
        );
        let reply = wire::decode_reply::<
            CancelOtaTaskByDeviceResponse,
        >(aliyun_runtime::wire::Format::Xml, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
