// @generated from spec/iot/operations/DeleteOTAFirmware.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The input of `DeleteOTAFirmware`: Deletes an OTA update package.
///
/// Quota: 10 calls per second per account. HTTP methods: POST, GET. Documented error codes:
/// `iot.ota.FirmwareNotFound`, `iot.system.SystemException` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct DeleteOtaFirmwareInput {
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

impl DeleteOtaFirmwareInput {
    /// A builder for this input.
    pub fn builder() -> DeleteOtaFirmwareInputBuilder {
        DeleteOtaFirmwareInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for DeleteOtaFirmwareInput {
    type Output = DeleteOtaFirmwareResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "DeleteOTAFirmware",
            super::API_VERSION,
        )
        .quota_per_second(10)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post, aliyun_runtime::Method::Get])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("FirmwareId", &self.firmware_id);
        w.write("IotInstanceId", &self.iot_instance_id);
    }
}

/// Builds a [`DeleteOtaFirmwareInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct DeleteOtaFirmwareInputBuilder {
    firmware_id: Option<String>,
    iot_instance_id: Option<String>,
}

impl DeleteOtaFirmwareInputBuilder {
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
    pub fn build(self) -> Result<DeleteOtaFirmwareInput, aliyun_runtime::BuildError> {
        Ok(DeleteOtaFirmwareInput {
            firmware_id: self
                .firmware_id
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "DeleteOTAFirmware",
                        "FirmwareId",
                        "firmware_id",
                    ),
                )?,
            iot_instance_id: self.iot_instance_id,
        })
    }
}

/// A `DeleteOTAFirmware` call being set up: set its parameters, then `send` it. `C` is the
/// client that sends it: the async `RpcClient`, or `crate::blocking::Client`, whose `send`
/// waits for the reply.
#[derive(Clone, Debug)]
pub struct DeleteOtaFirmwareFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: DeleteOtaFirmwareInputBuilder,
}

impl<C> DeleteOtaFirmwareFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: DeleteOtaFirmwareInputBuilder::default(),
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

impl DeleteOtaFirmwareFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(self) -> Result<DeleteOtaFirmwareResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

impl DeleteOtaFirmwareFluentBuilder<crate::blocking::Client> {
    /// Sends the call and waits for the reply, as the async `send` does.
    pub fn send(self) -> Result<DeleteOtaFirmwareResponse, aliyun_runtime::Error> {
        self.client.call(self.input.build())
    }
}

/// The response of DeleteOTAFirmware, which carries no payload.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct DeleteOtaFirmwareResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,
}

impl std::fmt::Debug for DeleteOtaFirmwareResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeleteOtaFirmwareResponse")
            .field("request_id", &self.request_id)
            .finish()
    }
}

impl wire::Decode for DeleteOtaFirmwareResponse {
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

impl wire::EncodeFields for DeleteOtaFirmwareResponse {
    fn encode_fields(&self, _w: &mut wire::Writer) {}
}

impl wire::Reply for DeleteOtaFirmwareResponse {
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

    /// The JSON sample of the documentation. (spec/iot/samples/DeleteOTAFirmware.doc.json)
    #[test]
    fn decodes_delete_ota_firmware_doc_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/DeleteOTAFirmware.doc.json"
        );
        let reply = wire::decode_reply::<
            DeleteOtaFirmwareResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }

    /// The XML sample of the documentation. (spec/iot/samples/DeleteOTAFirmware.doc.xml)
    #[test]
    fn decodes_delete_ota_firmware_doc_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/DeleteOTAFirmware.doc.xml"
        );
        let reply = wire::decode_reply::<
            DeleteOtaFirmwareResponse,
        >(aliyun_runtime::wire::Format::Xml, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
