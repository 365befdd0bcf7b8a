// @generated from spec/iot/operations/QueryOTAJob.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The shared types this operation uses, also at `crate::types`.
pub use super::types::{
    DownloadProtocol, JobStatus, JobType, OtaTag, SelectionType, TargetSelection,
};

/// The input of `QueryOTAJob`: Queries the details of an update batch (verification, static or
/// dynamic): its package, scope, state, schedule, rate and retry settings, and tags.
///
/// Quota: 10 calls per second per account. HTTP methods: POST, GET. Documented error codes:
/// `iot.system.SystemException` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct QueryOtaJobInput {
    /// `JobId` (required): The ID of the batch, as returned when it was created or listed by
    /// ListOTAJobByFirmware.
    ///
    /// Example: `HvKuBpuk3rdk6E92CP****0200`
    pub job_id: String,

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances);
    /// leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub iot_instance_id: Option<String>,
}

impl QueryOtaJobInput {
    /// A builder for this input.
    pub fn builder() -> QueryOtaJobInputBuilder {
        QueryOtaJobInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for QueryOtaJobInput {
    type Output = QueryOtaJobResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "QueryOTAJob",
            super::API_VERSION,
        )
        .quota_per_second(10)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post, aliyun_runtime::Method::Get])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("JobId", &self.job_id);
        w.write("IotInstanceId", &self.iot_instance_id);
    }
}

/// Builds a [`QueryOtaJobInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct QueryOtaJobInputBuilder {
    job_id: Option<String>,
    iot_instance_id: Option<String>,
}

impl QueryOtaJobInputBuilder {
    /// `JobId` (required): The ID of the batch, as returned when it was created or listed by
    /// ListOTAJobByFirmware.
    ///
    /// Example: `HvKuBpuk3rdk6E92CP****0200`
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
    pub fn build(self) -> Result<QueryOtaJobInput, aliyun_runtime::BuildError> {
        Ok(QueryOtaJobInput {
            job_id: self
                .job_id
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing("QueryOTAJob", "JobId", "job_id"),
                )?,
            iot_instance_id: self.iot_instance_id,
        })
    }
}

/// A `QueryOTAJob` call being set up: set its parameters, then `send` it. `C` is the client
/// that sends it: the async `RpcClient`, or `crate::blocking::Client`, whose `send` waits for
/// the reply.
#[derive(Clone, Debug)]
pub struct QueryOtaJobFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: QueryOtaJobInputBuilder,
}

impl<C> QueryOtaJobFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: QueryOtaJobInputBuilder::default(),
        }
    }

    /// `JobId` (required): The ID of the batch, as returned when it was created or listed by
    /// ListOTAJobByFirmware.
    ///
    /// Example: `HvKuBpuk3rdk6E92CP****0200`
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

impl QueryOtaJobFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(self) -> Result<QueryOtaJobResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

impl QueryOtaJobFluentBuilder<crate::blocking::Client> {
    /// Sends the call and waits for the reply, as the async `send` does.
    pub fn send(self) -> Result<QueryOtaJobResponse, aliyun_runtime::Error> {
        self.client.call(self.input.build())
    }
}

/// The response of QueryOTAJob.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct QueryOtaJobResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,

    /// `Data`: The batch.
    pub data: Option<OtaJobInfo>,
}

impl std::fmt::Debug for QueryOtaJobResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("QueryOtaJobResponse")
            .field("request_id", &self.request_id)
            .field("data", &self.data)
            .finish()
    }
}

impl wire::Decode for QueryOtaJobResponse {
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

impl wire::EncodeFields for QueryOtaJobResponse {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("Data", &self.data);
    }
}

impl wire::Reply for QueryOtaJobResponse {
    const ENVELOPE: wire::Envelope = super::ENVELOPE;

    fn request_id(&self) -> &str {
        &self.request_id
    }

    fn set_request_id(&mut self, request_id: String) {
        self.request_id = request_id;
    }
}

/// The details of an update batch.
///
/// Wire name: `Data`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct OtaJobInfo {
    /// `JobId`: The ID of the batch.
    pub job_id: Option<String>,

    /// `FirmwareId`: The ID of the update package the batch installs.
    pub firmware_id: Option<String>,

    /// `ProductKey`: The ProductKey of the product the package belongs to.
    pub product_key: Option<String>,

    /// `Name`: The name of the update package.
    pub name: Option<String>,

    /// `JobDesc`: The description of the batch.
    pub job_desc: Option<String>,

    /// `DestVersion`: The version the package updates devices to.
    pub dest_version: Option<String>,

    /// `JobStatus`: The state of the batch.
    pub job_status: Option<JobStatus>,

    /// `JobType`: Whether the batch is a verification batch or an update batch.
    pub job_type: Option<JobType>,

    /// `SelectionType`: Whether the batch is static or dynamic.
    pub selection_type: Option<SelectionType>,

    /// `TargetSelection`: The scope of the batch; always `ALL` for dynamic batches.
    pub target_selection: Option<TargetSelection>,

    /// `GrayPercent`: The percentage of devices a phased (`GRAY`) batch updates, as a decimal
    /// string (for example `33.33`). Phased batches only.
    pub gray_percent: Option<String>,

    /// `GroupId`: The ID of the device group the batch targets. Group batches only.
    pub group_id: Option<String>,

    /// `GroupName`: The name of the device group the batch targets. Group batches only.
    pub group_name: Option<String>,

    /// `DownloadProtocol`: How devices download the package.
    pub download_protocol: Option<DownloadProtocol>,

    /// `DynamicMode`: Which devices a dynamic batch covers: 1 those that qualify now and later, 2
    /// only those that later report a matching version. Dynamic batches only.
    pub dynamic_mode: Option<i64>,

    /// `OverwriteMode`: Whether the batch replaces a device's pending task: 1 keeps the existing
    /// task, 2 replaces it.
    pub overwrite_mode: Option<i64>,

    /// `MaximumPerMinute`: How many devices are notified per minute at most.
    pub maximum_per_minute: Option<i64>,

    /// `RetryCount`: How many times a failed update is retried. Only when set at creation.
    pub retry_count: Option<i64>,

    /// `RetryInterval`: Minutes between retries of a failed update. Only when set at creation.
    pub retry_interval: Option<i64>,

    /// `TimeoutInMinutes`: How long a device may take to update, in minutes. Only when set at
    /// creation.
    pub timeout_in_minutes: Option<i64>,

    /// `NeedPush`: Whether IoT Platform pushes the update to online devices.
    pub need_push: Option<bool>,

    /// `NeedConfirm`: Whether each device's update waits for a confirmation from your app.
    pub need_confirm: Option<bool>,

    /// `MultiModuleMode`: Whether a device may update several modules at the same time.
    pub multi_module_mode: Option<bool>,

    /// `SrcVersions`: The source versions the batch updates from.
    pub src_versions: Vec<String>,

    /// `Tags`: The tags of the batch.
    pub tags: Vec<OtaTag>,

    /// `UtcCreate`: When the batch was created (UTC).
    pub utc_create: Option<aliyun_runtime::jiff::Timestamp>,

    /// `UtcModified`: When the batch was last changed (UTC).
    pub utc_modified: Option<aliyun_runtime::jiff::Timestamp>,

    /// `UtcStartTime`: When the batch started (UTC).
    pub utc_start_time: Option<aliyun_runtime::jiff::Timestamp>,

    /// `UtcEndTime`: When the batch ended (UTC); present only once it has finished.
    pub utc_end_time: Option<aliyun_runtime::jiff::Timestamp>,

    /// `UtcScheduleTime`: When a scheduled batch is set to start (UTC). Scheduled batches only.
    pub utc_schedule_time: Option<aliyun_runtime::jiff::Timestamp>,

    /// `UtcScheduleFinishTime`: When a scheduled batch is set to end (UTC). Scheduled batches only.
    pub utc_schedule_finish_time: Option<aliyun_runtime::jiff::Timestamp>,
}

impl std::fmt::Debug for OtaJobInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OtaJobInfo")
            .field("job_id", &self.job_id)
            .field("firmware_id", &self.firmware_id)
            .field("product_key", &self.product_key)
            .field("name", &self.name)
            .field("job_desc", &self.job_desc)
            .field("dest_version", &self.dest_version)
            .field("job_status", &self.job_status)
            .field("job_type", &self.job_type)
            .field("selection_type", &self.selection_type)
            .field("target_selection", &self.target_selection)
            .field("gray_percent", &self.gray_percent)
            .field("group_id", &self.group_id)
            .field("group_name", &self.group_name)
            .field("download_protocol", &self.download_protocol)
            .field("dynamic_mode", &self.dynamic_mode)
            .field("overwrite_mode", &self.overwrite_mode)
            .field("maximum_per_minute", &self.maximum_per_minute)
            .field("retry_count", &self.retry_count)
            .field("retry_interval", &self.retry_interval)
            .field("timeout_in_minutes", &self.timeout_in_minutes)
            .field("need_push", &self.need_push)
            .field("need_confirm", &self.need_confirm)
            .field("multi_module_mode", &self.multi_module_mode)
            .field("src_versions", &self.src_versions)
            .field("tags", &self.tags)
            .field("utc_create", &self.utc_create)
            .field("utc_modified", &self.utc_modified)
            .field("utc_start_time", &self.utc_start_time)
            .field("utc_end_time", &self.utc_end_time)
            .field("utc_schedule_time", &self.utc_schedule_time)
            .field("utc_schedule_finish_time", &self.utc_schedule_finish_time)
            .finish()
    }
}

impl wire::Decode for OtaJobInfo {
    fn decode(
        node: wire::Node<'_>,
        path: &wire::Path<'_>,
    ) -> Result<Self, wire::FieldError> {
        #[allow(unused_mut)]
        let mut out = Self::default();
        for (key, value) in aliyun_runtime::codegen::struct_entries(node, path)? {
            match &*key {
                "JobId" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.job_id,
                        value,
                        &path.field("JobId"),
                    )?
                }
                "FirmwareId" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.firmware_id,
                        value,
                        &path.field("FirmwareId"),
                    )?
                }
                "ProductKey" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.product_key,
                        value,
                        &path.field("ProductKey"),
                    )?
                }
                "Name" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.name,
                        value,
                        &path.field("Name"),
                    )?
                }
                "JobDesc" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.job_desc,
                        value,
                        &path.field("JobDesc"),
                    )?
                }
                "DestVersion" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.dest_version,
                        value,
                        &path.field("DestVersion"),
                    )?
                }
                "JobStatus" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.job_status,
                        value,
                        &path.field("JobStatus"),
                    )?
                }
                "JobType" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.job_type,
                        value,
                        &path.field("JobType"),
                    )?
                }
                "SelectionType" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.selection_type,
                        value,
                        &path.field("SelectionType"),
                    )?
                }
                "TargetSelection" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.target_selection,
                        value,
                        &path.field("TargetSelection"),
                    )?
                }
                "GrayPercent" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.gray_percent,
                        value,
                        &path.field("GrayPercent"),
                    )?
                }
                "GroupId" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.group_id,
                        value,
                        &path.field("GroupId"),
                    )?
                }
                "GroupName" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.group_name,
                        value,
                        &path.field("GroupName"),
                    )?
                }
                "DownloadProtocol" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.download_protocol,
                        value,
                        &path.field("DownloadProtocol"),
                    )?
                }
                "DynamicMode" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.dynamic_mode,
                        value,
                        &path.field("DynamicMode"),
                    )?
                }
                "OverwriteMode" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.overwrite_mode,
                        value,
                        &path.field("OverwriteMode"),
                    )?
                }
                "MaximumPerMinute" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.maximum_per_minute,
                        value,
                        &path.field("MaximumPerMinute"),
                    )?
                }
                "RetryCount" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.retry_count,
                        value,
                        &path.field("RetryCount"),
                    )?
                }
                "RetryInterval" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.retry_interval,
                        value,
                        &path.field("RetryInterval"),
                    )?
                }
                "TimeoutInMinutes" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.timeout_in_minutes,
                        value,
                        &path.field("TimeoutInMinutes"),
                    )?
                }
                "NeedPush" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.need_push,
                        value,
                        &path.field("NeedPush"),
                    )?
                }
                "NeedConfirm" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.need_confirm,
                        value,
                        &path.field("NeedConfirm"),
                    )?
                }
                "MultiModuleMode" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.multi_module_mode,
                        value,
                        &path.field("MultiModuleMode"),
                    )?
                }
                "SrcVersions" => {
                    aliyun_runtime::codegen::decode_list_into(
                        &mut out.src_versions,
                        value,
                        &path.field("SrcVersions"),
                        "SrcVersion",
                    )?
                }
                "Tags" => {
                    aliyun_runtime::codegen::decode_list_into(
                        &mut out.tags,
                        value,
                        &path.field("Tags"),
                        "OtaTagDTO",
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
                "UtcStartTime" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.utc_start_time,
                        value,
                        &path.field("UtcStartTime"),
                    )?
                }
                "UtcEndTime" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.utc_end_time,
                        value,
                        &path.field("UtcEndTime"),
                    )?
                }
                "UtcScheduleTime" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.utc_schedule_time,
                        value,
                        &path.field("UtcScheduleTime"),
                    )?
                }
                "UtcScheduleFinishTime" => {
                    aliyun_runtime::codegen::decode_into(
                        &mut out.utc_schedule_finish_time,
                        value,
                        &path.field("UtcScheduleFinishTime"),
                    )?
                }
                _ => {}
            }
        }
        Ok(out)
    }
}

impl wire::EncodeFields for OtaJobInfo {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("JobId", &self.job_id);
        w.field_opt("FirmwareId", &self.firmware_id);
        w.field_opt("ProductKey", &self.product_key);
        w.field_opt("Name", &self.name);
        w.field_opt("JobDesc", &self.job_desc);
        w.field_opt("DestVersion", &self.dest_version);
        w.field_opt("JobStatus", &self.job_status);
        w.field_opt("JobType", &self.job_type);
        w.field_opt("SelectionType", &self.selection_type);
        w.field_opt("TargetSelection", &self.target_selection);
        w.field_opt("GrayPercent", &self.gray_percent);
        w.field_opt("GroupId", &self.group_id);
        w.field_opt("GroupName", &self.group_name);
        w.field_opt("DownloadProtocol", &self.download_protocol);
        w.field_opt("DynamicMode", &self.dynamic_mode);
        w.field_opt("OverwriteMode", &self.overwrite_mode);
        w.field_opt("MaximumPerMinute", &self.maximum_per_minute);
        w.field_opt("RetryCount", &self.retry_count);
        w.field_opt("RetryInterval", &self.retry_interval);
        w.field_opt("TimeoutInMinutes", &self.timeout_in_minutes);
        w.field_opt("NeedPush", &self.need_push);
        w.field_opt("NeedConfirm", &self.need_confirm);
        w.field_opt("MultiModuleMode", &self.multi_module_mode);
        w.field_list("SrcVersions", &self.src_versions, "SrcVersion", true);
        w.field_list("Tags", &self.tags, "OtaTagDTO", true);
        w.field_opt("UtcCreate", &self.utc_create);
        w.field_opt("UtcModified", &self.utc_modified);
        w.field_opt("UtcStartTime", &self.utc_start_time);
        w.field_opt("UtcEndTime", &self.utc_end_time);
        w.field_opt("UtcScheduleTime", &self.utc_schedule_time);
        w.field_opt("UtcScheduleFinishTime", &self.utc_schedule_finish_time);
    }
}

#[cfg(test)]
mod sample_tests {
    use aliyun_runtime::wire;

    #[allow(unused_imports)]
    use super::*;

    /// The JSON sample of the documentation. (spec/iot/samples/QueryOTAJob.doc.json)
    #[test]
    fn decodes_query_ota_job_doc_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/QueryOTAJob.doc.json"
        );
        let reply = wire::decode_reply::<
            QueryOtaJobResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }

    /// The XML sample of the documentation. (spec/iot/samples/QueryOTAJob.doc.xml)
    #[test]
    fn decodes_query_ota_job_doc_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/QueryOTAJob.doc.xml"
        );
        let reply = wire::decode_reply::<
            QueryOtaJobResponse,
        >(aliyun_runtime::wire::Format::Xml, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
