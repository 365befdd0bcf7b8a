// @generated from spec/iot/operations/DeleteOTAModule.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The input of `DeleteOTAModule`: Deletes a custom OTA module of a product. The `default`
/// module cannot be deleted, nor can a module that still has update packages. The service
/// accepts POST only.
///
/// Quota: 10 calls per second per account. HTTP methods: POST. Documented error codes:
/// `iot.system.SystemException` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct DeleteOtaModuleInput {
    /// `ProductKey` (required): The ProductKey of the product the module belongs to.
    ///
    /// Example: `a1uctKe****`
    pub product_key: String,

    /// `ModuleName` (required): The name of the custom module to delete.
    ///
    /// Example: `barcodeScanner`
    pub module_name: String,

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances);
    /// leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub iot_instance_id: Option<String>,
}

impl DeleteOtaModuleInput {
    /// A builder for this input.
    pub fn builder() -> DeleteOtaModuleInputBuilder {
        DeleteOtaModuleInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for DeleteOtaModuleInput {
    type Output = DeleteOtaModuleResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "DeleteOTAModule",
            super::API_VERSION,
        )
        .quota_per_second(10)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("ProductKey", &self.product_key);
        w.write("ModuleName", &self.module_name);
        w.write("IotInstanceId", &self.iot_instance_id);
    }
}

/// Builds a [`DeleteOtaModuleInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct DeleteOtaModuleInputBuilder {
    product_key: Option<String>,
    module_name: Option<String>,
    iot_instance_id: Option<String>,
}

impl DeleteOtaModuleInputBuilder {
    /// `ProductKey` (required): The ProductKey of the product the module belongs to.
    ///
    /// Example: `a1uctKe****`
    pub fn product_key(mut self, value: impl Into<String>) -> Self {
        self.product_key = Some(value.into());
        self
    }

    /// Sets or clears `ProductKey`.
    pub fn set_product_key(mut self, value: Option<String>) -> Self {
        self.product_key = value;
        self
    }

    /// `ModuleName` (required): The name of the custom module to delete.
    ///
    /// Example: `barcodeScanner`
    pub fn module_name(mut self, value: impl Into<String>) -> Self {
        self.module_name = Some(value.into());
        self
    }

    /// Sets or clears `ModuleName`.
    pub fn set_module_name(mut self, value: Option<String>) -> Self {
        self.module_name = value;
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
    pub fn build(self) -> Result<DeleteOtaModuleInput, aliyun_runtime::BuildError> {
        Ok(DeleteOtaModuleInput {
            product_key: self
                .product_key
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "DeleteOTAModule",
                        "ProductKey",
                        "product_key",
                    ),
                )?,
            module_name: self
                .module_name
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "DeleteOTAModule",
                        "ModuleName",
                        "module_name",
                    ),
                )?,
            iot_instance_id: self.iot_instance_id,
        })
    }
}

/// A `DeleteOTAModule` call being set up: set its parameters, then `send` it. `C` is the client
/// that sends it: the async `RpcClient`, or `crate::blocking::Client`, whose `send` waits for
/// the reply.
#[derive(Clone, Debug)]
pub struct DeleteOtaModuleFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: DeleteOtaModuleInputBuilder,
}

impl<C> DeleteOtaModuleFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: DeleteOtaModuleInputBuilder::default(),
        }
    }

    /// `ProductKey` (required): The ProductKey of the product the module belongs to.
    ///
    /// Example: `a1uctKe****`
    pub fn product_key(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.product_key(value);
        self
    }

    /// Sets or clears `ProductKey`.
    pub fn set_product_key(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_product_key(value);
        self
    }

    /// `ModuleName` (required): The name of the custom module to delete.
    ///
    /// Example: `barcodeScanner`
    pub fn module_name(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.module_name(value);
        self
    }

    /// Sets or clears `ModuleName`.
    pub fn set_module_name(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_module_name(value);
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

impl DeleteOtaModuleFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(self) -> Result<DeleteOtaModuleResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

impl DeleteOtaModuleFluentBuilder<crate::blocking::Client> {
    /// Sends the call and waits for the reply, as the async `send` does.
    pub fn send(self) -> Result<DeleteOtaModuleResponse, aliyun_runtime::Error> {
        self.client.call(self.input.build())
    }
}

/// The response of DeleteOTAModule, which carries nothing beyond the common envelope.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct DeleteOtaModuleResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,
}

impl std::fmt::Debug for DeleteOtaModuleResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DeleteOtaModuleResponse")
            .field("request_id", &self.request_id)
            .finish()
    }
}

impl wire::Decode for DeleteOtaModuleResponse {
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

impl wire::EncodeFields for DeleteOtaModuleResponse {
    fn encode_fields(&self, _w: &mut wire::Writer) {}
}

impl wire::Reply for DeleteOtaModuleResponse {
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

    /// The JSON sample of the documentation. (spec/iot/samples/DeleteOTAModule.doc.json)
    #[test]
    fn decodes_delete_ota_module_doc_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/DeleteOTAModule.doc.json"
        );
        let reply = wire::decode_reply::<
            DeleteOtaModuleResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }

    /// The XML sample of the documentation (its RequestId differs from the JSON one).
    /// (spec/iot/samples/DeleteOTAModule.doc.xml)
    #[test]
    fn decodes_delete_ota_module_doc_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/DeleteOTAModule.doc.xml"
        );
        let reply = wire::decode_reply::<
            DeleteOtaModuleResponse,
        >(aliyun_runtime::wire::Format::Xml, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
