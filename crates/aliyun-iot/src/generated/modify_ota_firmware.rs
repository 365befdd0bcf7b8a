// @generated from spec/iot/operations/ModifyOTAFirmware.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The input of `ModifyOTAFirmware`: Changes the name, the description or the custom
/// information pushed to devices of an OTA update package.
///
/// Quota: 5 calls per second per account. HTTP methods: POST, GET. Documented error codes:
/// `iot.ota.FirmwareNotFound`, `iot.system.SystemException` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ModifyOtaFirmwareInput {
    /// `FirmwareId` (required): The unique ID of the OTA update package, as returned by
    /// CreateOTAFirmware or listed by ListOTAFirmware.
    ///
    /// Example: `s8SSHiKjpBfrM3BSN0z803****`
    pub firmware_id: String,

    /// `ProductKey` (required): The ProductKey of the product the package belongs to.
    ///
    /// Example: `a19mzPZ****`
    pub product_key: String,

    /// `FirmwareName`: The new name of the package, unique in the account, with the rules of
    /// CreateOTAFirmware (1 to 40 characters).
    pub firmware_name: Option<String>,

    /// `FirmwareDesc`: The new description of the package, at most 100 characters.
    pub firmware_desc: Option<String>,

    /// `FirmwareUdi`: The new custom information pushed to devices with the update notification, at
    /// most 4,096 characters (the field CreateOTAFirmware calls `Udi`).
    pub firmware_udi: Option<String>,

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances):
    /// without it the call fails. Leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub iot_instance_id: Option<String>,
}

impl ModifyOtaFirmwareInput {
    /// A builder for this input.
    pub fn builder() -> ModifyOtaFirmwareInputBuilder {
        ModifyOtaFirmwareInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for ModifyOtaFirmwareInput {
    type Output = ModifyOtaFirmwareResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "ModifyOTAFirmware",
            super::API_VERSION,
        )
        .quota_per_second(5)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post, aliyun_runtime::Method::Get])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("FirmwareId", &self.firmware_id);
        w.write("ProductKey", &self.product_key);
        w.write("FirmwareName", &self.firmware_name);
        w.write("FirmwareDesc", &self.firmware_desc);
        w.write("FirmwareUdi", &self.firmware_udi);
        w.write("IotInstanceId", &self.iot_instance_id);
    }
}

/// Builds a [`ModifyOtaFirmwareInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct ModifyOtaFirmwareInputBuilder {
    firmware_id: Option<String>,
    product_key: Option<String>,
    firmware_name: Option<String>,
    firmware_desc: Option<String>,
    firmware_udi: Option<String>,
    iot_instance_id: Option<String>,
}

impl ModifyOtaFirmwareInputBuilder {
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

    /// `ProductKey` (required): The ProductKey of the product the package belongs to.
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

    /// `FirmwareName`: The new name of the package, unique in the account, with the rules of
    /// CreateOTAFirmware (1 to 40 characters).
    pub fn firmware_name(mut self, value: impl Into<String>) -> Self {
        self.firmware_name = Some(value.into());
        self
    }

    /// Sets or clears `FirmwareName`.
    pub fn set_firmware_name(mut self, value: Option<String>) -> Self {
        self.firmware_name = value;
        self
    }

    /// `FirmwareDesc`: The new description of the package, at most 100 characters.
    pub fn firmware_desc(mut self, value: impl Into<String>) -> Self {
        self.firmware_desc = Some(value.into());
        self
    }

    /// Sets or clears `FirmwareDesc`.
    pub fn set_firmware_desc(mut self, value: Option<String>) -> Self {
        self.firmware_desc = value;
        self
    }

    /// `FirmwareUdi`: The new custom information pushed to devices with the update notification, at
    /// most 4,096 characters (the field CreateOTAFirmware calls `Udi`).
    pub fn firmware_udi(mut self, value: impl Into<String>) -> Self {
        self.firmware_udi = Some(value.into());
        self
    }

    /// Sets or clears `FirmwareUdi`.
    pub fn set_firmware_udi(mut self, value: Option<String>) -> Self {
        self.firmware_udi = value;
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
    pub fn build(self) -> Result<ModifyOtaFirmwareInput, aliyun_runtime::BuildError> {
        Ok(ModifyOtaFirmwareInput {
            firmware_id: self
                .firmware_id
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "ModifyOTAFirmware",
                        "FirmwareId",
                        "firmware_id",
                    ),
                )?,
            product_key: self
                .product_key
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "ModifyOTAFirmware",
                        "ProductKey",
                        "product_key",
                    ),
                )?,
            firmware_name: self.firmware_name,
            firmware_desc: self.firmware_desc,
            firmware_udi: self.firmware_udi,
            iot_instance_id: self.iot_instance_id,
        })
    }
}

/// A `ModifyOTAFirmware` call being set up: set its parameters, then `send` it. `C` is the
/// client that sends it: the async `RpcClient`, or `crate::blocking::Client`, whose `send`
/// waits for the reply.
#[derive(Clone, Debug)]
pub struct ModifyOtaFirmwareFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: ModifyOtaFirmwareInputBuilder,
}

impl<C> ModifyOtaFirmwareFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: ModifyOtaFirmwareInputBuilder::default(),
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

    /// `ProductKey` (required): The ProductKey of the product the package belongs to.
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

    /// `FirmwareName`: The new name of the package, unique in the account, with the rules of
    /// CreateOTAFirmware (1 to 40 characters).
    pub fn firmware_name(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.firmware_name(value);
        self
    }

    /// Sets or clears `FirmwareName`.
    pub fn set_firmware_name(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_firmware_name(value);
        self
    }

    /// `FirmwareDesc`: The new description of the package, at most 100 characters.
    pub fn firmware_desc(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.firmware_desc(value);
        self
    }

    /// Sets or clears `FirmwareDesc`.
    pub fn set_firmware_desc(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_firmware_desc(value);
        self
    }

    /// `FirmwareUdi`: The new custom information pushed to devices with the update notification, at
    /// most 4,096 characters (the field CreateOTAFirmware calls `Udi`).
    pub fn firmware_udi(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.firmware_udi(value);
        self
    }

    /// Sets or clears `FirmwareUdi`.
    pub fn set_firmware_udi(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_firmware_udi(value);
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

impl ModifyOtaFirmwareFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(self) -> Result<ModifyOtaFirmwareResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

impl ModifyOtaFirmwareFluentBuilder<crate::blocking::Client> {
    /// Sends the call and waits for the reply, as the async `send` does.
    pub fn send(self) -> Result<ModifyOtaFirmwareResponse, aliyun_runtime::Error> {
        self.client.call(self.input.build())
    }
}

/// The response of ModifyOTAFirmware, which carries no payload.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ModifyOtaFirmwareResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,
}

impl std::fmt::Debug for ModifyOtaFirmwareResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ModifyOtaFirmwareResponse")
            .field("request_id", &self.request_id)
            .finish()
    }
}

impl wire::Decode for ModifyOtaFirmwareResponse {
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

impl wire::EncodeFields for ModifyOtaFirmwareResponse {
    fn encode_fields(&self, _w: &mut wire::Writer) {}
}

impl wire::Reply for ModifyOtaFirmwareResponse {
    const ENVELOPE: wire::Envelope = super::ENVELOPE;

    fn request_id(&self) -> &str {
        &self.request_id
    }

    fn set_request_id(&mut self, request_id: String) {
        self.request_id = request_id;
    }
}
