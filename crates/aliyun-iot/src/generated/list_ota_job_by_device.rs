// @generated from spec/iot/operations/ListOTAJobByDevice.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The shared types this operation uses, also at `crate::types`.
pub use super::types::{
    JobStatus, JobType, OtaTag, SelectionType, SimpleOtaJobInfo, TargetSelection,
};

/// The input of `ListOTAJobByDevice`: Lists the update batches of an OTA update package that
/// include a given device, a page at a time.
///
/// Quota: 10 calls per second per account. HTTP methods: POST, GET. Documented error codes:
/// `iot.ota.FirmwareNotFound`, `iot.system.SystemException` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ListOtaJobByDeviceInput {
    /// `FirmwareId` (required): The ID of the update package, as returned by CreateOTAFirmware or
    /// listed by ListOTAFirmware.
    ///
    /// Example: `UfuxnwygsuSkVE0VCN****0100`
    pub firmware_id: String,

    /// `ProductKey` (required): The ProductKey of the product the device belongs to.
    ///
    /// Example: `a19mzPZ****`
    pub product_key: String,

    /// `DeviceName` (required): The name of the device.
    pub device_name: String,

    /// `CurrentPage` (required): The page to return, from 1.
    ///
    /// Example: `1`
    pub current_page: i64,

    /// `PageSize` (required): How many batches a page holds, at most 100.
    ///
    /// Example: `10`
    pub page_size: i64,

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances);
    /// leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub iot_instance_id: Option<String>,
}

impl ListOtaJobByDeviceInput {
    /// A builder for this input.
    pub fn builder() -> ListOtaJobByDeviceInputBuilder {
        ListOtaJobByDeviceInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for ListOtaJobByDeviceInput {
    type Output = ListOtaJobByDeviceResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "ListOTAJobByDevice",
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
        w.write("CurrentPage", &self.current_page);
        w.write("PageSize", &self.page_size);
        w.write("IotInstanceId", &self.iot_instance_id);
    }
}

/// Builds a [`ListOtaJobByDeviceInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct ListOtaJobByDeviceInputBuilder {
    firmware_id: Option<String>,
    product_key: Option<String>,
    device_name: Option<String>,
    current_page: Option<i64>,
    page_size: Option<i64>,
    iot_instance_id: Option<String>,
}

impl ListOtaJobByDeviceInputBuilder {
    /// `FirmwareId` (required): The ID of the update package, as returned by CreateOTAFirmware or
    /// listed by ListOTAFirmware.
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

    /// `ProductKey` (required): The ProductKey of the product the device belongs to.
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

    /// `DeviceName` (required): The name of the device.
    pub fn device_name(mut self, value: impl Into<String>) -> Self {
        self.device_name = Some(value.into());
        self
    }

    /// Sets or clears `DeviceName`.
    pub fn set_device_name(mut self, value: Option<String>) -> Self {
        self.device_name = value;
        self
    }

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

    /// `PageSize` (required): How many batches a page holds, at most 100.
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
    pub fn build(self) -> Result<ListOtaJobByDeviceInput, aliyun_runtime::BuildError> {
        Ok(ListOtaJobByDeviceInput {
            firmware_id: self
                .firmware_id
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "ListOTAJobByDevice",
                        "FirmwareId",
                        "firmware_id",
                    ),
                )?,
            product_key: self
                .product_key
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "ListOTAJobByDevice",
                        "ProductKey",
                        "product_key",
                    ),
                )?,
            device_name: self
                .device_name
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "ListOTAJobByDevice",
                        "DeviceName",
                        "device_name",
                    ),
                )?,
            current_page: self
                .current_page
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "ListOTAJobByDevice",
                        "CurrentPage",
                        "current_page",
                    ),
                )?,
            page_size: self
                .page_size
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "ListOTAJobByDevice",
                        "PageSize",
                        "page_size",
                    ),
                )?,
            iot_instance_id: self.iot_instance_id,
        })
    }
}

/// A `ListOTAJobByDevice` call being set up: set its parameters, then `send` it. `C` is the
/// client that sends it: the async `RpcClient`, or `crate::blocking::Client`, whose `send`
/// waits for the reply.
#[derive(Clone, Debug)]
pub struct ListOtaJobByDeviceFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: ListOtaJobByDeviceInputBuilder,
}

impl<C> ListOtaJobByDeviceFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: ListOtaJobByDeviceInputBuilder::default(),
        }
    }

    /// `FirmwareId` (required): The ID of the update package, as returned by CreateOTAFirmware or
    /// listed by ListOTAFirmware.
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

    /// `ProductKey` (required): The ProductKey of the product the device belongs to.
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

    /// `DeviceName` (required): The name of the device.
    pub fn device_name(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.device_name(value);
        self
    }

    /// Sets or clears `DeviceName`.
    pub fn set_device_name(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_device_name(value);
        self
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

    /// `PageSize` (required): How many batches a page holds, at most 100.
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

impl ListOtaJobByDeviceFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(
        self,
    ) -> Result<ListOtaJobByDeviceResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

impl ListOtaJobByDeviceFluentBuilder<crate::blocking::Client> {
    /// Sends the call and waits for the reply, as the async `send` does.
    pub fn send(self) -> Result<ListOtaJobByDeviceResponse, aliyun_runtime::Error> {
        self.client.call(self.input.build())
    }
}

/// The response of ListOTAJobByDevice.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ListOtaJobByDeviceResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,

    /// `CurrentPage`: The page returned, from 1.
    pub current_page: Option<i64>,

    /// `PageSize`: How many batches a page holds.
    pub page_size: Option<i64>,

    /// `PageCount`: The number of pages.
    pub page_count: Option<i64>,

    /// `Total`: The number of batches in all pages.
    pub total: Option<i64>,

    /// `Data`: The batches of this page.
    pub data: Vec<SimpleOtaJobInfo>,
}

impl std::fmt::Debug for ListOtaJobByDeviceResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ListOtaJobByDeviceResponse")
            .field("request_id", &self.request_id)
            .field("current_page", &self.current_page)
            .field("page_size", &self.page_size)
            .field("page_count", &self.page_count)
            .field("total", &self.total)
            .field("data", &self.data)
            .finish()
    }
}

impl wire::Decode for ListOtaJobByDeviceResponse {
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
                        "SimpleOTAJobInfo",
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for ListOtaJobByDeviceResponse {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("CurrentPage", &self.current_page);
        w.field_opt("PageSize", &self.page_size);
        w.field_opt("PageCount", &self.page_count);
        w.field_opt("Total", &self.total);
        w.field_list("Data", &self.data, "SimpleOTAJobInfo", true);
    }
}

impl wire::Reply for ListOtaJobByDeviceResponse {
    const ENVELOPE: wire::Envelope = super::ENVELOPE;

    fn request_id(&self) -> &str {
        &self.request_id
    }

    fn set_request_id(&mut self, request_id: String) {
        self.request_id = request_id;
    }
}

impl aliyun_runtime::PagedOperation for ListOtaJobByDeviceInput {
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

impl aliyun_runtime::PagedOutput for ListOtaJobByDeviceResponse {
    type Item = SimpleOtaJobInfo;

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

impl<C> ListOtaJobByDeviceFluentBuilder<C> {
    /// The client and the first page's input, the page and size defaulted.
    fn first_page(
        mut self,
    ) -> (C, Result<ListOtaJobByDeviceInput, aliyun_runtime::BuildError>) {
        self.input.current_page.get_or_insert(1);
        self.input.page_size.get_or_insert(10);
        (self.client, self.input.build())
    }
}

impl ListOtaJobByDeviceFluentBuilder {
    /// Follows every page, from the page set (1 when unset), 10 items a page unless the size is
    /// set. Each page is a paced, retried call; see [`aliyun_runtime::Paginator`] for how the end
    /// is found.
    pub fn into_paginator(
        self,
    ) -> Result<
        aliyun_runtime::Paginator<ListOtaJobByDeviceInput>,
        aliyun_runtime::BuildError,
    > {
        let (client, input) = self.first_page();
        Ok(aliyun_runtime::Paginator::new(client, input?))
    }
}

/// The items of every page, fetched a page at a time as the iterator advances (as
/// `into_paginator`, 10 items a page unless the size is set); an error ends it, and a call that
/// cannot be built is its one error.
impl IntoIterator for ListOtaJobByDeviceFluentBuilder<crate::blocking::Client> {
    type Item = Result<SimpleOtaJobInfo, aliyun_runtime::Error>;
    type IntoIter = crate::blocking::Items<ListOtaJobByDeviceInput>;

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

    /// The JSON sample of the documentation. (spec/iot/samples/ListOTAJobByDevice.doc.json)
    #[test]
    fn decodes_list_ota_job_by_device_doc_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/ListOTAJobByDevice.doc.json"
        );
        let reply = wire::decode_reply::<
            ListOtaJobByDeviceResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }

    /// The XML sample of the documentation. (spec/iot/samples/ListOTAJobByDevice.doc.xml)
    #[test]
    fn decodes_list_ota_job_by_device_doc_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/ListOTAJobByDevice.doc.xml"
        );
        let reply = wire::decode_reply::<
            ListOtaJobByDeviceResponse,
        >(aliyun_runtime::wire::Format::Xml, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
