// @generated from spec/iot/operations/ListOTAModuleVersionsByDevice.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The input of `ListOTAModuleVersionsByDevice`: Lists the OTA module versions a device has
/// reported, a page at a time. Identify the device by `IotId` or by `ProductKey` and
/// `DeviceName`.
///
/// Quota: 10 calls per second per account. HTTP methods: POST, GET. Documented error codes:
/// `iot.system.SystemException` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ListOtaModuleVersionsByDeviceInput {
    /// `CurrentPage` (required): The page to return, from 1.
    ///
    /// Example: `1`
    pub current_page: i64,

    /// `PageSize` (required): Modules per page, at most 200.
    ///
    /// Example: `10`
    pub page_size: i64,

    /// `IotId`: The IoT Platform ID of the device. Give it, or `ProductKey` and `DeviceName`; when
    /// both are given, `IotId` wins.
    ///
    /// Example: `QjIFT***000101`
    pub iot_id: Option<String>,

    /// `ProductKey`: The ProductKey of the device's product; used together with `DeviceName` when
    /// `IotId` is unset.
    ///
    /// Example: `a14***S`
    pub product_key: Option<String>,

    /// `DeviceName`: The name of the device; used together with `ProductKey` when `IotId` is unset.
    ///
    /// Example: `newDevice`
    pub device_name: Option<String>,

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances);
    /// leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub iot_instance_id: Option<String>,
}

impl ListOtaModuleVersionsByDeviceInput {
    /// A builder for this input.
    pub fn builder() -> ListOtaModuleVersionsByDeviceInputBuilder {
        ListOtaModuleVersionsByDeviceInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for ListOtaModuleVersionsByDeviceInput {
    type Output = ListOtaModuleVersionsByDeviceResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "ListOTAModuleVersionsByDevice",
            super::API_VERSION,
        )
        .quota_per_second(10)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post, aliyun_runtime::Method::Get])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("CurrentPage", &self.current_page);
        w.write("PageSize", &self.page_size);
        w.write("IotId", &self.iot_id);
        w.write("ProductKey", &self.product_key);
        w.write("DeviceName", &self.device_name);
        w.write("IotInstanceId", &self.iot_instance_id);
    }
}

/// Builds a [`ListOtaModuleVersionsByDeviceInput`]; `build` refuses a missing required
/// parameter.
#[derive(Clone, Debug, Default)]
pub struct ListOtaModuleVersionsByDeviceInputBuilder {
    current_page: Option<i64>,
    page_size: Option<i64>,
    iot_id: Option<String>,
    product_key: Option<String>,
    device_name: Option<String>,
    iot_instance_id: Option<String>,
}

impl ListOtaModuleVersionsByDeviceInputBuilder {
    /// `CurrentPage` (required): The page to return, from 1.
    ///
    /// Example: `1`
    pub fn current_page(mut self, value: i64) -> Self {
        self.current_page = Some(value);
        self
    }

    /// Sets or clears `CurrentPage`.
    pub fn set_current_page(mut self, value: Option<i64>) -> Self {
        self.current_page = value;
        self
    }

    /// `PageSize` (required): Modules per page, at most 200.
    ///
    /// Example: `10`
    pub fn page_size(mut self, value: i64) -> Self {
        self.page_size = Some(value);
        self
    }

    /// Sets or clears `PageSize`.
    pub fn set_page_size(mut self, value: Option<i64>) -> Self {
        self.page_size = value;
        self
    }

    /// `IotId`: The IoT Platform ID of the device. Give it, or `ProductKey` and `DeviceName`; when
    /// both are given, `IotId` wins.
    ///
    /// Example: `QjIFT***000101`
    pub fn iot_id(mut self, value: impl Into<String>) -> Self {
        self.iot_id = Some(value.into());
        self
    }

    /// Sets or clears `IotId`.
    pub fn set_iot_id(mut self, value: Option<String>) -> Self {
        self.iot_id = value;
        self
    }

    /// `ProductKey`: The ProductKey of the device's product; used together with `DeviceName` when
    /// `IotId` is unset.
    ///
    /// Example: `a14***S`
    pub fn product_key(mut self, value: impl Into<String>) -> Self {
        self.product_key = Some(value.into());
        self
    }

    /// Sets or clears `ProductKey`.
    pub fn set_product_key(mut self, value: Option<String>) -> Self {
        self.product_key = value;
        self
    }

    /// `DeviceName`: The name of the device; used together with `ProductKey` when `IotId` is unset.
    ///
    /// Example: `newDevice`
    pub fn device_name(mut self, value: impl Into<String>) -> Self {
        self.device_name = Some(value.into());
        self
    }

    /// Sets or clears `DeviceName`.
    pub fn set_device_name(mut self, value: Option<String>) -> Self {
        self.device_name = value;
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
    ) -> Result<ListOtaModuleVersionsByDeviceInput, aliyun_runtime::BuildError> {
        Ok(ListOtaModuleVersionsByDeviceInput {
            current_page: self
                .current_page
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "ListOTAModuleVersionsByDevice",
                        "CurrentPage",
                        "current_page",
                    ),
                )?,
            page_size: self
                .page_size
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "ListOTAModuleVersionsByDevice",
                        "PageSize",
                        "page_size",
                    ),
                )?,
            iot_id: self.iot_id,
            product_key: self.product_key,
            device_name: self.device_name,
            iot_instance_id: self.iot_instance_id,
        })
    }
}

/// A `ListOTAModuleVersionsByDevice` call being set up: set its parameters, then `send` it. `C`
/// is the client that sends it: the async `RpcClient`, or `crate::blocking::Client`, whose
/// `send` waits for the reply.
#[derive(Clone, Debug)]
pub struct ListOtaModuleVersionsByDeviceFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: ListOtaModuleVersionsByDeviceInputBuilder,
}

impl<C> ListOtaModuleVersionsByDeviceFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: ListOtaModuleVersionsByDeviceInputBuilder::default(),
        }
    }

    /// `CurrentPage` (required): The page to return, from 1.
    ///
    /// Example: `1`
    pub fn current_page(mut self, value: i64) -> Self {
        self.input = self.input.current_page(value);
        self
    }

    /// Sets or clears `CurrentPage`.
    pub fn set_current_page(mut self, value: Option<i64>) -> Self {
        self.input = self.input.set_current_page(value);
        self
    }

    /// `PageSize` (required): Modules per page, at most 200.
    ///
    /// Example: `10`
    pub fn page_size(mut self, value: i64) -> Self {
        self.input = self.input.page_size(value);
        self
    }

    /// Sets or clears `PageSize`.
    pub fn set_page_size(mut self, value: Option<i64>) -> Self {
        self.input = self.input.set_page_size(value);
        self
    }

    /// `IotId`: The IoT Platform ID of the device. Give it, or `ProductKey` and `DeviceName`; when
    /// both are given, `IotId` wins.
    ///
    /// Example: `QjIFT***000101`
    pub fn iot_id(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.iot_id(value);
        self
    }

    /// Sets or clears `IotId`.
    pub fn set_iot_id(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_iot_id(value);
        self
    }

    /// `ProductKey`: The ProductKey of the device's product; used together with `DeviceName` when
    /// `IotId` is unset.
    ///
    /// Example: `a14***S`
    pub fn product_key(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.product_key(value);
        self
    }

    /// Sets or clears `ProductKey`.
    pub fn set_product_key(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_product_key(value);
        self
    }

    /// `DeviceName`: The name of the device; used together with `ProductKey` when `IotId` is unset.
    ///
    /// Example: `newDevice`
    pub fn device_name(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.device_name(value);
        self
    }

    /// Sets or clears `DeviceName`.
    pub fn set_device_name(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_device_name(value);
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

impl ListOtaModuleVersionsByDeviceFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(
        self,
    ) -> Result<ListOtaModuleVersionsByDeviceResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

impl ListOtaModuleVersionsByDeviceFluentBuilder<crate::blocking::Client> {
    /// Sends the call and waits for the reply, as the async `send` does.
    pub fn send(
        self,
    ) -> Result<ListOtaModuleVersionsByDeviceResponse, aliyun_runtime::Error> {
        self.client.call(self.input.build())
    }
}

/// The response of ListOTAModuleVersionsByDevice.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ListOtaModuleVersionsByDeviceResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,

    /// `CurrentPage`: The page returned.
    pub current_page: Option<i64>,

    /// `PageSize`: Modules per page.
    pub page_size: Option<i64>,

    /// `PageCount`: The number of pages.
    pub page_count: Option<i64>,

    /// `Total`: The number of modules in all pages.
    pub total: Option<i64>,

    /// `Data`: The module versions of this page.
    pub data: Vec<SimpleOtaModuleInfo>,
}

impl std::fmt::Debug for ListOtaModuleVersionsByDeviceResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ListOtaModuleVersionsByDeviceResponse")
            .field("request_id", &self.request_id)
            .field("current_page", &self.current_page)
            .field("page_size", &self.page_size)
            .field("page_count", &self.page_count)
            .field("total", &self.total)
            .field("data", &self.data)
            .finish()
    }
}

impl wire::Decode for ListOtaModuleVersionsByDeviceResponse {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "CurrentPage" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.current_page,
                        value,
                        &path.field("CurrentPage"),
                    )?
                }
                "PageSize" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.page_size,
                        value,
                        &path.field("PageSize"),
                    )?
                }
                "PageCount" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.page_count,
                        value,
                        &path.field("PageCount"),
                    )?
                }
                "Total" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.total,
                        value,
                        &path.field("Total"),
                    )?
                }
                "Data" => {
                    aliyun_runtime::codegen::decode_list_into(
                        &mut out.data,
                        value,
                        &path.field("Data"),
                        "SimpleOTAModuleInfo",
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for ListOtaModuleVersionsByDeviceResponse {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("CurrentPage", &self.current_page);
        w.field_opt("PageSize", &self.page_size);
        w.field_opt("PageCount", &self.page_count);
        w.field_opt("Total", &self.total);
        w.field_list("Data", &self.data, "SimpleOTAModuleInfo", true);
    }
}

impl wire::Reply for ListOtaModuleVersionsByDeviceResponse {
    const ENVELOPE: wire::Envelope = super::ENVELOPE;

    fn request_id(&self) -> &str {
        &self.request_id
    }

    fn set_request_id(&mut self, request_id: String) {
        self.request_id = request_id;
    }
}

/// The version of one OTA module, as reported by a device.
///
/// Wire name: `SimpleOTAModuleInfo`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct SimpleOtaModuleInfo {
    /// `ProductKey`: The ProductKey of the device's product.
    pub product_key: Option<String>,

    /// `DeviceName`: The name of the device.
    pub device_name: Option<String>,

    /// `IotId`: The IoT Platform ID of the device.
    pub iot_id: Option<String>,

    /// `ModuleName`: The name of the module (for example `default`).
    pub module_name: Option<String>,

    /// `ModuleVersion`: The module version the device reported.
    pub module_version: Option<String>,
}

impl std::fmt::Debug for SimpleOtaModuleInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SimpleOtaModuleInfo")
            .field("product_key", &self.product_key)
            .field("device_name", &self.device_name)
            .field("iot_id", &self.iot_id)
            .field("module_name", &self.module_name)
            .field("module_version", &self.module_version)
            .finish()
    }
}

impl wire::Decode for SimpleOtaModuleInfo {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "ProductKey" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.product_key,
                        value,
                        &path.field("ProductKey"),
                    )?
                }
                "DeviceName" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.device_name,
                        value,
                        &path.field("DeviceName"),
                    )?
                }
                "IotId" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.iot_id,
                        value,
                        &path.field("IotId"),
                    )?
                }
                "ModuleName" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.module_name,
                        value,
                        &path.field("ModuleName"),
                    )?
                }
                "ModuleVersion" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.module_version,
                        value,
                        &path.field("ModuleVersion"),
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for SimpleOtaModuleInfo {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("ProductKey", &self.product_key);
        w.field_opt("DeviceName", &self.device_name);
        w.field_opt("IotId", &self.iot_id);
        w.field_opt("ModuleName", &self.module_name);
        w.field_opt("ModuleVersion", &self.module_version);
    }
}

impl aliyun_runtime::PagedOperation for ListOtaModuleVersionsByDeviceInput {
    fn page(&self) -> Option<i64> {
        Some(self.current_page)
    }

    fn set_page(&mut self, page: i64) {
        self.current_page = page;
    }

    fn page_size(&self) -> Option<i64> {
        Some(self.page_size)
    }
}

impl aliyun_runtime::PagedOutput for ListOtaModuleVersionsByDeviceResponse {
    type Item = SimpleOtaModuleInfo;

    fn items(&self) -> &[Self::Item] {
        &self.data
    }

    fn into_items(self) -> Vec<Self::Item> {
        self.data
    }

    fn total(&self) -> Option<i64> {
        self.total
    }

    fn page_count(&self) -> Option<i64> {
        self.page_count
    }

    fn current_page(&self) -> Option<i64> {
        self.current_page
    }
}

impl<C> ListOtaModuleVersionsByDeviceFluentBuilder<C> {
    /// The client and the first page's input, the page and size defaulted.
    fn first_page(
        mut self,
    ) -> (C, Result<ListOtaModuleVersionsByDeviceInput, aliyun_runtime::BuildError>) {
        self.input.current_page.get_or_insert(1);
        self.input.page_size.get_or_insert(10);
        (self.client, self.input.build())
    }
}

impl ListOtaModuleVersionsByDeviceFluentBuilder {
    /// Follows every page, from the page set (1 when unset), 10 items a page unless the size is
    /// set. Each page is a paced, retried call; see [`aliyun_runtime::Paginator`] for how the end
    /// is found.
    pub fn into_paginator(
        self,
    ) -> Result<
        aliyun_runtime::Paginator<ListOtaModuleVersionsByDeviceInput>,
        aliyun_runtime::BuildError,
    > {
        let (client, input) = self.first_page();
        Ok(aliyun_runtime::Paginator::new(client, input?))
    }
}

/// The items of every page, fetched a page at a time as the iterator advances (as
/// `into_paginator`, 10 items a page unless the size is set); an error ends it, and a call that
/// cannot be built is its one error.
impl IntoIterator
for ListOtaModuleVersionsByDeviceFluentBuilder<crate::blocking::Client> {
    type Item = Result<SimpleOtaModuleInfo, aliyun_runtime::Error>;
    type IntoIter = crate::blocking::Items<ListOtaModuleVersionsByDeviceInput>;

    fn into_iter(self) -> Self::IntoIter {
        let (client, input) = self.first_page();
        client.items(input)
    }
}

#[cfg(test)]
mod sample_tests {
    use aliyun_runtime::wire;

    #[allow(unused_imports)]
    use super::*;

    /// The JSON sample of the documentation, whose envelope keys are camelCase (`requestId`,
    /// `success`, `code`, `errorMessage`) unlike every SDK.
    /// (spec/iot/samples/ListOTAModuleVersionsByDevice.doc.json)
    #[test]
    fn decodes_list_ota_module_versions_by_device_doc_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/ListOTAModuleVersionsByDevice.doc.json"
        );
        let reply = wire::decode_reply::<
            ListOtaModuleVersionsByDeviceResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }

    /// The XML sample of the documentation, with the same camelCase envelope elements.
    /// (spec/iot/samples/ListOTAModuleVersionsByDevice.doc.xml)
    #[test]
    fn decodes_list_ota_module_versions_by_device_doc_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/ListOTAModuleVersionsByDevice.doc.xml"
        );
        let reply = wire::decode_reply::<
            ListOtaModuleVersionsByDeviceResponse,
        >(aliyun_runtime::wire::Format::Xml, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
