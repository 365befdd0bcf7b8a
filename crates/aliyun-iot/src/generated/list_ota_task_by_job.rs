// @generated from spec/iot/operations/ListOTATaskByJob.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The shared types this operation uses, also at `crate::types`.
pub use super::types::{SimpleOtaTaskInfo, TaskStatus};

/// The input of `ListOTATaskByJob`: Lists the per-device update tasks of an OTA update batch, a
/// page at a time. The tasks can be filtered by state or by device names.
///
/// Quota: 10 calls per second per account. HTTP methods: POST, GET. Documented error codes:
/// `iot.system.SystemException` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct ListOtaTaskByJobInput {
    /// `JobId` (required): The ID of the update batch whose tasks are listed.
    ///
    /// Example: `7glPHmaDYLAYMD1HHutT02****`
    pub job_id: String,

    /// `CurrentPage`: The page to return, from 1. `CurrentPage` times `PageSize` may not exceed
    /// 100,000. Ignored when `DeviceNames` is given.
    ///
    /// Example: `1`
    pub current_page: Option<i64>,

    /// `PageSize`: Tasks per page, at most 100. Ignored when `DeviceNames` is given.
    ///
    /// Example: `10`
    pub page_size: Option<i64>,

    /// `TaskStatus`: Only tasks in this state are returned; when unset, tasks in every state are.
    ///
    /// Example: `SUCCEEDED`
    pub task_status: Option<TaskStatus>,

    /// `DeviceNames`.N: Only the tasks of these devices are returned: at most 50 names; when given,
    /// paging is ignored.
    ///
    /// A list: each call of the setter adds one item.
    ///
    /// Example: `testDevice1`
    pub device_names: Vec<String>,

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances);
    /// leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub iot_instance_id: Option<String>,
}

impl ListOtaTaskByJobInput {
    /// A builder for this input.
    pub fn builder() -> ListOtaTaskByJobInputBuilder {
        ListOtaTaskByJobInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for ListOtaTaskByJobInput {
    type Output = ListOtaTaskByJobResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "ListOTATaskByJob",
            super::API_VERSION,
        )
        .quota_per_second(10)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post, aliyun_runtime::Method::Get])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("JobId", &self.job_id);
        w.write("CurrentPage", &self.current_page);
        w.write("PageSize", &self.page_size);
        w.write("TaskStatus", &self.task_status);
        w.write("DeviceNames", &self.device_names);
        w.write("IotInstanceId", &self.iot_instance_id);
    }
}

/// Builds a [`ListOtaTaskByJobInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct ListOtaTaskByJobInputBuilder {
    job_id: Option<String>,
    current_page: Option<i64>,
    page_size: Option<i64>,
    task_status: Option<TaskStatus>,
    device_names: Vec<String>,
    iot_instance_id: Option<String>,
}

impl ListOtaTaskByJobInputBuilder {
    /// `JobId` (required): The ID of the update batch whose tasks are listed.
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

    /// `CurrentPage`: The page to return, from 1. `CurrentPage` times `PageSize` may not exceed
    /// 100,000. Ignored when `DeviceNames` is given.
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

    /// `PageSize`: Tasks per page, at most 100. Ignored when `DeviceNames` is given.
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

    /// `TaskStatus`: Only tasks in this state are returned; when unset, tasks in every state are.
    ///
    /// Example: `SUCCEEDED`
    pub fn task_status(mut self, value: TaskStatus) -> Self {
        self.task_status = Some(value);
        self
    }

    /// Sets or clears `TaskStatus`.
    pub fn set_task_status(mut self, value: Option<TaskStatus>) -> Self {
        self.task_status = value;
        self
    }

    /// `DeviceNames`.N: Only the tasks of these devices are returned: at most 50 names; when given,
    /// paging is ignored.
    ///
    /// A list: each call of the setter adds one item.
    ///
    /// Example: `testDevice1`
    pub fn device_names(mut self, value: impl Into<String>) -> Self {
        self.device_names.push(value.into());
        self
    }

    /// Replaces every item of `DeviceNames` (`None` empties it).
    pub fn set_device_names(mut self, value: Option<Vec<String>>) -> Self {
        self.device_names = value.unwrap_or_default();
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
    pub fn build(self) -> Result<ListOtaTaskByJobInput, aliyun_runtime::BuildError> {
        Ok(ListOtaTaskByJobInput {
            job_id: self
                .job_id
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "ListOTATaskByJob",
                        "JobId",
                        "job_id",
                    ),
                )?,
            current_page: self.current_page,
            page_size: self.page_size,
            task_status: self.task_status,
            device_names: self.device_names,
            iot_instance_id: self.iot_instance_id,
        })
    }
}

/// A `ListOTATaskByJob` call being set up: set its parameters, then `send` it. `C` is the
/// client that sends it: the async `RpcClient`, or `crate::blocking::Client`, whose `send`
/// waits for the reply.
#[derive(Clone, Debug)]
pub struct ListOtaTaskByJobFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: ListOtaTaskByJobInputBuilder,
}

impl<C> ListOtaTaskByJobFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: ListOtaTaskByJobInputBuilder::default(),
        }
    }

    /// `JobId` (required): The ID of the update batch whose tasks are listed.
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

    /// `CurrentPage`: The page to return, from 1. `CurrentPage` times `PageSize` may not exceed
    /// 100,000. Ignored when `DeviceNames` is given.
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

    /// `PageSize`: Tasks per page, at most 100. Ignored when `DeviceNames` is given.
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

    /// `TaskStatus`: Only tasks in this state are returned; when unset, tasks in every state are.
    ///
    /// Example: `SUCCEEDED`
    pub fn task_status(mut self, value: TaskStatus) -> Self {
        self.input = self.input.task_status(value);
        self
    }

    /// Sets or clears `TaskStatus`.
    pub fn set_task_status(mut self, value: Option<TaskStatus>) -> Self {
        self.input = self.input.set_task_status(value);
        self
    }

    /// `DeviceNames`.N: Only the tasks of these devices are returned: at most 50 names; when given,
    /// paging is ignored.
    ///
    /// A list: each call of the setter adds one item.
    ///
    /// Example: `testDevice1`
    pub fn device_names(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.device_names(value);
        self
    }

    /// Replaces every item of `DeviceNames` (`None` empties it).
    pub fn set_device_names(mut self, value: Option<Vec<String>>) -> Self {
        self.input = self.input.set_device_names(value);
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

impl ListOtaTaskByJobFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(self) -> Result<ListOtaTaskByJobResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

impl ListOtaTaskByJobFluentBuilder<crate::blocking::Client> {
    /// Sends the call and waits for the reply, as the async `send` does.
    pub fn send(self) -> Result<ListOtaTaskByJobResponse, aliyun_runtime::Error> {
        self.client.call(self.input.build())
    }
}

/// The response of ListOTATaskByJob.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct ListOtaTaskByJobResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,

    /// `CurrentPage`: The page returned.
    pub current_page: Option<i64>,

    /// `PageSize`: Tasks per page.
    pub page_size: Option<i64>,

    /// `PageCount`: The number of pages.
    pub page_count: Option<i64>,

    /// `Total`: The number of tasks in all pages.
    pub total: Option<i64>,

    /// `Data`: The tasks of this page.
    pub data: Vec<SimpleOtaTaskInfo>,
}

impl std::fmt::Debug for ListOtaTaskByJobResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ListOtaTaskByJobResponse")
            .field("request_id", &self.request_id)
            .field("current_page", &self.current_page)
            .field("page_size", &self.page_size)
            .field("page_count", &self.page_count)
            .field("total", &self.total)
            .field("data", &self.data)
            .finish()
    }
}

impl wire::Decode for ListOtaTaskByJobResponse {
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
                        "SimpleOTATaskInfo",
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for ListOtaTaskByJobResponse {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("CurrentPage", &self.current_page);
        w.field_opt("PageSize", &self.page_size);
        w.field_opt("PageCount", &self.page_count);
        w.field_opt("Total", &self.total);
        w.field_list("Data", &self.data, "SimpleOTATaskInfo", true);
    }
}

impl wire::Reply for ListOtaTaskByJobResponse {
    const ENVELOPE: wire::Envelope = super::ENVELOPE;

    fn request_id(&self) -> &str {
        &self.request_id
    }

    fn set_request_id(&mut self, request_id: String) {
        self.request_id = request_id;
    }
}

impl aliyun_runtime::PagedOperation for ListOtaTaskByJobInput {
    fn page(&self) -> Option<i64> {
        self.current_page
    }

    fn set_page(&mut self, page: i64) {
        self.current_page = Some(page);
    }

    fn page_size(&self) -> Option<i64> {
        self.page_size
    }
}

impl aliyun_runtime::PagedOutput for ListOtaTaskByJobResponse {
    type Item = SimpleOtaTaskInfo;

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

impl<C> ListOtaTaskByJobFluentBuilder<C> {
    /// The client and the first page's input, the page and size defaulted.
    fn first_page(
        mut self,
    ) -> (C, Result<ListOtaTaskByJobInput, aliyun_runtime::BuildError>) {
        self.input.current_page.get_or_insert(1);
        self.input.page_size.get_or_insert(10);
        (self.client, self.input.build())
    }
}

impl ListOtaTaskByJobFluentBuilder {
    /// Follows every page, from the page set (1 when unset), 10 items a page unless the size is
    /// set. Each page is a paced, retried call; see [`aliyun_runtime::Paginator`] for how the end
    /// is found.
    pub fn into_paginator(
        self,
    ) -> Result<
        aliyun_runtime::Paginator<ListOtaTaskByJobInput>,
        aliyun_runtime::BuildError,
    > {
        let (client, input) = self.first_page();
        Ok(aliyun_runtime::Paginator::new(client, input?))
    }
}

/// The items of every page, fetched a page at a time as the iterator advances (as
/// `into_paginator`, 10 items a page unless the size is set); an error ends it, and a call that
/// cannot be built is its one error.
impl IntoIterator for ListOtaTaskByJobFluentBuilder<crate::blocking::Client> {
    type Item = Result<SimpleOtaTaskInfo, aliyun_runtime::Error>;
    type IntoIter = crate::blocking::Items<ListOtaTaskByJobInput>;

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

    /// The JSON sample of the documentation (a failed and a succeeded task).
    /// (spec/iot/samples/ListOTATaskByJob.doc.json)
    #[test]
    fn decodes_list_ota_task_by_job_doc_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/ListOTATaskByJob.doc.json"
        );
        let reply = wire::decode_reply::<
            ListOtaTaskByJobResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }

    /// The XML sample of the documentation (its RequestId differs from the JSON one).
    /// (spec/iot/samples/ListOTATaskByJob.doc.xml)
    #[test]
    fn decodes_list_ota_task_by_job_doc_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/ListOTATaskByJob.doc.xml"
        );
        let reply = wire::decode_reply::<
            ListOtaTaskByJobResponse,
        >(aliyun_runtime::wire::Format::Xml, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
