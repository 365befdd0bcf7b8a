// @generated from spec/iot/operations/ListOTAFirmware.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The shared types this operation uses, also at `crate::types`.
pub use super::types::{FirmwareStatus, FirmwareType, SignMethod};

/// The input of `ListOTAFirmware`: Lists the OTA update packages of the account, a page at a
/// time, optionally only those of one product or of one destination version.
///
/// Quota: 10 calls per second per account. HTTP methods: POST, GET. Documented error codes:
/// `iot.system.SystemException` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ListOtaFirmwareInput {
    /// `CurrentPage` (required): The page to return, from 1.
    ///
    /// Example: `1`
    pub current_page: i64,

    /// `PageSize` (required): Packages per page, at most 100.
    ///
    /// Example: `10`
    pub page_size: i64,

    /// `ProductKey`: Only the packages of the product with this ProductKey. Unset lists every
    /// package of the account.
    ///
    /// Example: `a19mzPZ****`
    pub product_key: Option<String>,

    /// `DestVersion`: Only the packages with exactly this destination version. Unset lists every
    /// version.
    ///
    /// Example: `4.0.0`
    pub dest_version: Option<String>,

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances):
    /// without it the call fails. Leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub iot_instance_id: Option<String>,
}

impl ListOtaFirmwareInput {
    /// A builder for this input.
    pub fn builder() -> ListOtaFirmwareInputBuilder {
        ListOtaFirmwareInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for ListOtaFirmwareInput {
    type Output = ListOtaFirmwareResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "ListOTAFirmware",
            super::API_VERSION,
        )
        .quota_per_second(10)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post, aliyun_runtime::Method::Get])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("CurrentPage", &self.current_page);
        w.write("PageSize", &self.page_size);
        w.write("ProductKey", &self.product_key);
        w.write("DestVersion", &self.dest_version);
        w.write("IotInstanceId", &self.iot_instance_id);
    }
}

/// Builds a [`ListOtaFirmwareInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct ListOtaFirmwareInputBuilder {
    current_page: Option<i64>,
    page_size: Option<i64>,
    product_key: Option<String>,
    dest_version: Option<String>,
    iot_instance_id: Option<String>,
}

impl ListOtaFirmwareInputBuilder {
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

    /// `PageSize` (required): Packages per page, at most 100.
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

    /// `ProductKey`: Only the packages of the product with this ProductKey. Unset lists every
    /// package of the account.
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

    /// `DestVersion`: Only the packages with exactly this destination version. Unset lists every
    /// version.
    ///
    /// Example: `4.0.0`
    pub fn dest_version(mut self, value: impl Into<String>) -> Self {
        self.dest_version = Some(value.into());
        self
    }

    /// Sets or clears `DestVersion`.
    pub fn set_dest_version(mut self, value: Option<String>) -> Self {
        self.dest_version = value;
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
    pub fn build(self) -> Result<ListOtaFirmwareInput, aliyun_runtime::BuildError> {
        Ok(ListOtaFirmwareInput {
            current_page: self
                .current_page
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "ListOTAFirmware",
                        "CurrentPage",
                        "current_page",
                    ),
                )?,
            page_size: self
                .page_size
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "ListOTAFirmware",
                        "PageSize",
                        "page_size",
                    ),
                )?,
            product_key: self.product_key,
            dest_version: self.dest_version,
            iot_instance_id: self.iot_instance_id,
        })
    }
}

/// A `ListOTAFirmware` call being set up: set its parameters, then `send` it. `C` is the client
/// that sends it: the async `RpcClient`, or `crate::blocking::Client`, whose `send` waits for
/// the reply.
#[derive(Clone, Debug)]
pub struct ListOtaFirmwareFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: ListOtaFirmwareInputBuilder,
}

impl<C> ListOtaFirmwareFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: ListOtaFirmwareInputBuilder::default(),
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

    /// `PageSize` (required): Packages per page, at most 100.
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

    /// `ProductKey`: Only the packages of the product with this ProductKey. Unset lists every
    /// package of the account.
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

    /// `DestVersion`: Only the packages with exactly this destination version. Unset lists every
    /// version.
    ///
    /// Example: `4.0.0`
    pub fn dest_version(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.dest_version(value);
        self
    }

    /// Sets or clears `DestVersion`.
    pub fn set_dest_version(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_dest_version(value);
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

impl ListOtaFirmwareFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(self) -> Result<ListOtaFirmwareResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

impl ListOtaFirmwareFluentBuilder<crate::blocking::Client> {
    /// Sends the call and waits for the reply, as the async `send` does.
    pub fn send(self) -> Result<ListOtaFirmwareResponse, aliyun_runtime::Error> {
        self.client.call(self.input.build())
    }
}

/// The response of ListOTAFirmware.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ListOtaFirmwareResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,

    /// `CurrentPage`: The page returned, from 1.
    pub current_page: Option<i64>,

    /// `PageSize`: Packages per page.
    pub page_size: Option<i64>,

    /// `PageCount`: The number of pages.
    pub page_count: Option<i64>,

    /// `Total`: The number of packages in all pages.
    pub total: Option<i64>,

    /// `FirmwareInfo`: The packages of this page; empty when there are none.
    pub firmwares: Vec<SimpleFirmwareInfo>,
}

impl std::fmt::Debug for ListOtaFirmwareResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ListOtaFirmwareResponse")
            .field("request_id", &self.request_id)
            .field("current_page", &self.current_page)
            .field("page_size", &self.page_size)
            .field("page_count", &self.page_count)
            .field("total", &self.total)
            .field("firmwares", &self.firmwares)
            .finish()
    }
}

impl wire::Decode for ListOtaFirmwareResponse {
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
                "FirmwareInfo" => {
                    aliyun_runtime::codegen::decode_list_into(
                        &mut out.firmwares,
                        value,
                        &path.field("FirmwareInfo"),
                        "SimpleFirmwareInfo",
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for ListOtaFirmwareResponse {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("CurrentPage", &self.current_page);
        w.field_opt("PageSize", &self.page_size);
        w.field_opt("PageCount", &self.page_count);
        w.field_opt("Total", &self.total);
        w.field_list("FirmwareInfo", &self.firmwares, "SimpleFirmwareInfo", true);
    }
}

impl wire::Reply for ListOtaFirmwareResponse {
    const ENVELOPE: wire::Envelope = super::ENVELOPE;

    fn request_id(&self) -> &str {
        &self.request_id
    }

    fn set_request_id(&mut self, request_id: String) {
        self.request_id = request_id;
    }
}

/// The summary of an OTA update package, as listed by ListOTAFirmware.
///
/// Wire name: `SimpleFirmwareInfo`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct SimpleFirmwareInfo {
    /// `FirmwareId`: The unique ID of the update package.
    pub firmware_id: Option<String>,

    /// `FirmwareName`: The name of the update package.
    pub firmware_name: Option<String>,

    /// `FirmwareDesc`: The description of the update package.
    pub firmware_desc: Option<String>,

    /// `DestVersion`: The version the package updates a device to (for example `4.0.0`).
    pub dest_version: Option<String>,

    /// `SrcVersion`: The version a delta package updates from; an empty string for full packages.
    pub src_version: Option<String>,

    /// `Type`: Whether the package is a full package or a delta package.
    pub r#type: Option<FirmwareType>,

    /// `Status`: The verification status of the package (documented values 0 to 3 here; `-1` is
    /// documented for QueryOTAFirmware only).
    pub status: Option<FirmwareStatus>,

    /// `FirmwareSign`: The signature (hex digest) of the file. Single-file packages only.
    pub firmware_sign: Option<String>,

    /// `FirmwareSize`: The size of the file in bytes. Single-file packages only.
    pub firmware_size: Option<i64>,

    /// `SignMethod`: The digest algorithm of the package's signatures.
    pub sign_method: Option<SignMethod>,

    /// `ModuleName`: The OTA module the package belongs to.
    pub module_name: Option<String>,

    /// `ProductKey`: The ProductKey of the product the package belongs to.
    pub product_key: Option<String>,

    /// `ProductName`: The name of the product the package belongs to.
    pub product_name: Option<String>,

    /// `UtcCreate`: When the package was created (UTC).
    pub utc_create: Option<aliyun_runtime::jiff::Timestamp>,

    /// `UtcModified`: When the package was last modified (UTC).
    pub utc_modified: Option<aliyun_runtime::jiff::Timestamp>,

    /// `FirmwareUrl`: The plain (not pre-signed) storage URL of the file, when the service includes
    /// it; not every SDK declares this field. Use QueryOTAFirmware for a download URL.
    pub firmware_url: Option<String>,
}

impl std::fmt::Debug for SimpleFirmwareInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SimpleFirmwareInfo")
            .field("firmware_id", &self.firmware_id)
            .field("firmware_name", &self.firmware_name)
            .field("firmware_desc", &self.firmware_desc)
            .field("dest_version", &self.dest_version)
            .field("src_version", &self.src_version)
            .field("type", &self.r#type)
            .field("status", &self.status)
            .field("firmware_sign", &self.firmware_sign)
            .field("firmware_size", &self.firmware_size)
            .field("sign_method", &self.sign_method)
            .field("module_name", &self.module_name)
            .field("product_key", &self.product_key)
            .field("product_name", &self.product_name)
            .field("utc_create", &self.utc_create)
            .field("utc_modified", &self.utc_modified)
            .field("firmware_url", &self.firmware_url)
            .finish()
    }
}

impl wire::Decode for SimpleFirmwareInfo {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "FirmwareId" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.firmware_id,
                        value,
                        &path.field("FirmwareId"),
                    )?
                }
                "FirmwareName" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.firmware_name,
                        value,
                        &path.field("FirmwareName"),
                    )?
                }
                "FirmwareDesc" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.firmware_desc,
                        value,
                        &path.field("FirmwareDesc"),
                    )?
                }
                "DestVersion" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.dest_version,
                        value,
                        &path.field("DestVersion"),
                    )?
                }
                "SrcVersion" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.src_version,
                        value,
                        &path.field("SrcVersion"),
                    )?
                }
                "Type" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.r#type,
                        value,
                        &path.field("Type"),
                    )?
                }
                "Status" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.status,
                        value,
                        &path.field("Status"),
                    )?
                }
                "FirmwareSign" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.firmware_sign,
                        value,
                        &path.field("FirmwareSign"),
                    )?
                }
                "FirmwareSize" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.firmware_size,
                        value,
                        &path.field("FirmwareSize"),
                    )?
                }
                "SignMethod" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.sign_method,
                        value,
                        &path.field("SignMethod"),
                    )?
                }
                "ModuleName" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.module_name,
                        value,
                        &path.field("ModuleName"),
                    )?
                }
                "ProductKey" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.product_key,
                        value,
                        &path.field("ProductKey"),
                    )?
                }
                "ProductName" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.product_name,
                        value,
                        &path.field("ProductName"),
                    )?
                }
                "UtcCreate" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.utc_create,
                        value,
                        &path.field("UtcCreate"),
                    )?
                }
                "UtcModified" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.utc_modified,
                        value,
                        &path.field("UtcModified"),
                    )?
                }
                "FirmwareUrl" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.firmware_url,
                        value,
                        &path.field("FirmwareUrl"),
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for SimpleFirmwareInfo {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("FirmwareId", &self.firmware_id);
        w.field_opt("FirmwareName", &self.firmware_name);
        w.field_opt("FirmwareDesc", &self.firmware_desc);
        w.field_opt("DestVersion", &self.dest_version);
        w.field_opt("SrcVersion", &self.src_version);
        w.field_opt("Type", &self.r#type);
        w.field_opt("Status", &self.status);
        w.field_opt("FirmwareSign", &self.firmware_sign);
        w.field_opt("FirmwareSize", &self.firmware_size);
        w.field_opt("SignMethod", &self.sign_method);
        w.field_opt("ModuleName", &self.module_name);
        w.field_opt("ProductKey", &self.product_key);
        w.field_opt("ProductName", &self.product_name);
        w.field_opt("UtcCreate", &self.utc_create);
        w.field_opt("UtcModified", &self.utc_modified);
        w.field_opt("FirmwareUrl", &self.firmware_url);
    }
}

impl aliyun_runtime::PagedOperation for ListOtaFirmwareInput {
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

impl aliyun_runtime::PagedOutput for ListOtaFirmwareResponse {
    type Item = SimpleFirmwareInfo;

    fn items(&self) -> &[Self::Item] {
        &self.firmwares
    }

    fn into_items(self) -> Vec<Self::Item> {
        self.firmwares
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

impl<C> ListOtaFirmwareFluentBuilder<C> {
    /// The client and the first page's input, the page and size defaulted.
    fn first_page(
        mut self,
    ) -> (C, Result<ListOtaFirmwareInput, aliyun_runtime::BuildError>) {
        self.input.current_page.get_or_insert(1);
        self.input.page_size.get_or_insert(10);
        (self.client, self.input.build())
    }
}

impl ListOtaFirmwareFluentBuilder {
    /// Follows every page, from the page set (1 when unset), 10 items a page unless the size is
    /// set. Each page is a paced, retried call; see [`aliyun_runtime::Paginator`] for how the end
    /// is found.
    pub fn into_paginator(
        self,
    ) -> Result<
        aliyun_runtime::Paginator<ListOtaFirmwareInput>,
        aliyun_runtime::BuildError,
    > {
        let (client, input) = self.first_page();
        Ok(aliyun_runtime::Paginator::new(client, input?))
    }
}

/// The items of every page, fetched a page at a time as the iterator advances (as
/// `into_paginator`, 10 items a page unless the size is set); an error ends it, and a call that
/// cannot be built is its one error.
impl IntoIterator for ListOtaFirmwareFluentBuilder<crate::blocking::Client> {
    type Item = Result<SimpleFirmwareInfo, aliyun_runtime::Error>;
    type IntoIter = crate::blocking::Items<ListOtaFirmwareInput>;

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

    /// The JSON sample of the documentation. (spec/iot/samples/ListOTAFirmware.doc.json)
    #[test]
    fn decodes_list_ota_firmware_doc_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/ListOTAFirmware.doc.json"
        );
        let reply = wire::decode_reply::<
            ListOtaFirmwareResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }

    /// The XML sample of the documentation. (spec/iot/samples/ListOTAFirmware.doc.xml)
    #[test]
    fn decodes_list_ota_firmware_doc_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/ListOTAFirmware.doc.xml"
        );
        let reply = wire::decode_reply::<
            ListOtaFirmwareResponse,
        >(aliyun_runtime::wire::Format::Xml, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
