// @generated from spec/iot/operations/ListOTAModuleByProduct.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The input of `ListOTAModuleByProduct`: Lists the OTA modules of a product, all in one
/// response. The service accepts GET only.
///
/// Quota: 10 calls per second per account. HTTP methods: GET. Documented error codes:
/// `iot.system.SystemException` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ListOtaModuleByProductInput {
    /// `ProductKey` (required): The ProductKey of the product whose modules are listed.
    ///
    /// Example: `a1uctKe****`
    pub product_key: String,

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances);
    /// leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub iot_instance_id: Option<String>,
}

impl ListOtaModuleByProductInput {
    /// A builder for this input.
    pub fn builder() -> ListOtaModuleByProductInputBuilder {
        ListOtaModuleByProductInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for ListOtaModuleByProductInput {
    type Output = ListOtaModuleByProductResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "ListOTAModuleByProduct",
            super::API_VERSION,
        )
        .quota_per_second(10)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Get])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("ProductKey", &self.product_key);
        w.write("IotInstanceId", &self.iot_instance_id);
    }
}

/// Builds a [`ListOtaModuleByProductInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct ListOtaModuleByProductInputBuilder {
    product_key: Option<String>,
    iot_instance_id: Option<String>,
}

impl ListOtaModuleByProductInputBuilder {
    /// `ProductKey` (required): The ProductKey of the product whose modules are listed.
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
    ) -> Result<ListOtaModuleByProductInput, aliyun_runtime::BuildError> {
        Ok(ListOtaModuleByProductInput {
            product_key: self
                .product_key
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "ListOTAModuleByProduct",
                        "ProductKey",
                        "product_key",
                    ),
                )?,
            iot_instance_id: self.iot_instance_id,
        })
    }
}

/// A `ListOTAModuleByProduct` call being set up: set its parameters, then `send` it. `C` is the
/// client that sends it: the async `RpcClient`, or `crate::blocking::Client`, whose `send`
/// waits for the reply.
#[derive(Clone, Debug)]
pub struct ListOtaModuleByProductFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: ListOtaModuleByProductInputBuilder,
}

impl<C> ListOtaModuleByProductFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: ListOtaModuleByProductInputBuilder::default(),
        }
    }

    /// `ProductKey` (required): The ProductKey of the product whose modules are listed.
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

impl ListOtaModuleByProductFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(
        self,
    ) -> Result<ListOtaModuleByProductResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

impl ListOtaModuleByProductFluentBuilder<crate::blocking::Client> {
    /// Sends the call and waits for the reply, as the async `send` does.
    pub fn send(self) -> Result<ListOtaModuleByProductResponse, aliyun_runtime::Error> {
        self.client.call(self.input.build())
    }
}

/// The response of ListOTAModuleByProduct.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ListOtaModuleByProductResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,

    /// `Data`: The product's modules. The SDKs read a plain JSON array; the published sample shows
    /// a single object instead, and a `{"OtaModuleDTO": [...]}` wrapper is also accepted.
    pub data: Vec<OtaModule>,
}

impl std::fmt::Debug for ListOtaModuleByProductResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ListOtaModuleByProductResponse")
            .field("request_id", &self.request_id)
            .field("data", &self.data)
            .finish()
    }
}

impl wire::Decode for ListOtaModuleByProductResponse {
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
                    aliyun_runtime::codegen::decode_list_into(
                        &mut out.data,
                        value,
                        &path.field("Data"),
                        "OtaModuleDTO",
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for ListOtaModuleByProductResponse {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_list("Data", &self.data, "OtaModuleDTO", false);
    }
}

impl wire::Reply for ListOtaModuleByProductResponse {
    const ENVELOPE: wire::Envelope = super::ENVELOPE;

    fn request_id(&self) -> &str {
        &self.request_id
    }

    fn set_request_id(&mut self, request_id: String) {
        self.request_id = request_id;
    }
}

/// An OTA module of a product, a part of the device that is updated separately.
///
/// Wire name: `OtaModuleDTO`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct OtaModule {
    /// `ModuleName`: The name of the module, unique within the product.
    pub module_name: Option<String>,

    /// `AliasName`: The alias (display name) of the module.
    pub alias_name: Option<String>,

    /// `Desc`: The description of the module.
    pub desc: Option<String>,

    /// `ProductKey`: The ProductKey of the product the module belongs to.
    pub product_key: Option<String>,

    /// `GmtCreate`: When the module was created, as text whose format varies between sources (for
    /// example `Wed, 20-Feb-2019 02:16:09 GMT` or `2020-10-13T09:46Z`).
    pub gmt_create: Option<String>,

    /// `GmtModified`: When the module was last modified, as text in the same varying formats as
    /// `GmtCreate`.
    pub gmt_modified: Option<String>,
}

impl std::fmt::Debug for OtaModule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OtaModule")
            .field("module_name", &self.module_name)
            .field("alias_name", &self.alias_name)
            .field("desc", &self.desc)
            .field("product_key", &self.product_key)
            .field("gmt_create", &self.gmt_create)
            .field("gmt_modified", &self.gmt_modified)
            .finish()
    }
}

impl wire::Decode for OtaModule {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "ModuleName" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.module_name,
                        value,
                        &path.field("ModuleName"),
                    )?
                }
                "AliasName" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.alias_name,
                        value,
                        &path.field("AliasName"),
                    )?
                }
                "Desc" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.desc,
                        value,
                        &path.field("Desc"),
                    )?
                }
                "ProductKey" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.product_key,
                        value,
                        &path.field("ProductKey"),
                    )?
                }
                "GmtCreate" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.gmt_create,
                        value,
                        &path.field("GmtCreate"),
                    )?
                }
                "GmtModified" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.gmt_modified,
                        value,
                        &path.field("GmtModified"),
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for OtaModule {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("ModuleName", &self.module_name);
        w.field_opt("AliasName", &self.alias_name);
        w.field_opt("Desc", &self.desc);
        w.field_opt("ProductKey", &self.product_key);
        w.field_opt("GmtCreate", &self.gmt_create);
        w.field_opt("GmtModified", &self.gmt_modified);
    }
}

#[cfg(test)]
mod sample_tests {
    use aliyun_runtime::wire;

    #[allow(unused_imports)]
    use super::*;

    /// The JSON sample of the documentation, whose `Data` is a single module object rather than an
    /// array. (spec/iot/samples/ListOTAModuleByProduct.doc.json)
    #[test]
    fn decodes_list_ota_module_by_product_doc_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/ListOTAModuleByProduct.doc.json"
        );
        let reply = wire::decode_reply::<
            ListOtaModuleByProductResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }

    /// The XML sample of the documentation, whose `<Data>` holds one module's fields directly.
    /// (spec/iot/samples/ListOTAModuleByProduct.doc.xml)
    #[test]
    fn decodes_list_ota_module_by_product_doc_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/ListOTAModuleByProduct.doc.xml"
        );
        let reply = wire::decode_reply::<
            ListOtaModuleByProductResponse,
        >(aliyun_runtime::wire::Format::Xml, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
