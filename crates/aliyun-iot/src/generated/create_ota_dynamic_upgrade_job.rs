// @generated from spec/iot/operations/CreateOTADynamicUpgradeJob.yaml by `cargo xtask codegen`. Do not edit by hand:
// change the spec or the generator, then run `cargo xtask codegen`.

use aliyun_runtime::wire;

/// The shared types this operation uses, also at `crate::types`.
pub use super::types::{CreatedJob, DownloadProtocol, GroupType, OtaTag};

/// The input of `CreateOTADynamicUpgradeJob`: Creates a dynamic update batch, a policy that
/// keeps updating the devices that match it (by source version, or by dynamic device group) as
/// they come along. A package can have only one running dynamic batch; unless the package was
/// created as needing no verification, it must have been verified first. Cancel the policy with
/// CancelOTAStrategyByJob.
///
/// Quota: 20 calls per second per account. HTTP methods: POST, GET. Documented error codes:
/// `iot.ota.FirmwareNotFound`, `iot.system.SystemException` (see `crate::error_codes`).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct CreateOtaDynamicUpgradeJobInput {
    /// `FirmwareId` (required): The ID of the update package to install, as returned by
    /// CreateOTAFirmware or listed by ListOTAFirmware.
    ///
    /// Example: `UfuxnwygsuSkVE0VCN****0100`
    pub firmware_id: String,

    /// `ProductKey` (required): The ProductKey of the product the update package belongs to.
    ///
    /// Example: `a19mzPZ****`
    pub product_key: String,

    /// `SrcVersion`.N: Update the devices that are on (or later report) one of these versions, at
    /// most 10 distinct ones. Required unless `GroupId` and `GroupType` are given; for a delta
    /// package it must be the package's source version (except for group batches). Sent as
    /// `SrcVersion.1`, `SrcVersion.2`, and so on.
    ///
    /// A list: each call of the setter adds one item.
    ///
    /// Example: `V1.0.1`
    pub src_version: Vec<String>,

    /// `GroupId`: The ID of the dynamic device group whose devices to update, given with
    /// `GroupType` instead of `SrcVersion`.
    pub group_id: Option<String>,

    /// `GroupType`: The type of the group named by `GroupId`; only `LINK_PLATFORM_DYNAMIC`.
    pub group_type: Option<GroupType>,

    /// `DynamicMode`: Which devices the policy covers: 1 (the default) updates the devices that
    /// qualify now and keeps watching for more; 2 only updates devices that later report a matching
    /// version.
    pub dynamic_mode: Option<i64>,

    /// `RetryInterval`: Minutes to wait before retrying a device whose update failed: 0 (at once),
    /// 10, 30, 60 or 1440. Must be smaller than `TimeoutInMinutes`. Unset, failed updates are not
    /// retried.
    pub retry_interval: Option<i64>,

    /// `RetryCount`: How many times a failed update is retried, 1, 2 or 5. Required with
    /// `RetryInterval`.
    pub retry_count: Option<i64>,

    /// `TimeoutInMinutes`: How long a device may take to update, 1–1440 minutes; a device that
    /// has not finished by then fails. Unset, there is no time limit.
    pub timeout_in_minutes: Option<i64>,

    /// `MaximumPerMinute`: How many devices are notified per minute at most, 10–10,000, default
    /// 10,000 (older documentation: 0–1,000, default 1,000).
    pub maximum_per_minute: Option<i64>,

    /// `OverwriteMode`: What to do with a device that already has a pending update task: 1 (the
    /// default) keeps that task, 2 replaces it with this batch's. Tasks already running are never
    /// replaced. 2 cannot be combined with `MultiModuleMode`. For a group batch it must match the
    /// group's existing dynamic batch.
    pub overwrite_mode: Option<i64>,

    /// `MultiModuleMode`: Whether a device may update several modules at the same time. Default
    /// `false`. Requires an Enterprise or new public instance and devices on C Link SDK 4.x, and
    /// cannot be combined with `OverwriteMode` 2. For a group batch it must match the group's
    /// existing dynamic batch.
    pub multi_module_mode: Option<bool>,

    /// `NeedConfirm`: Whether each device's update waits for a confirmation from your own app (see
    /// ConfirmOTATask): when `true` the tasks start in the `CONFIRM` state. Default `false`.
    pub need_confirm: Option<bool>,

    /// `NeedPush`: Whether IoT Platform pushes the update to the online devices in scope. Default
    /// `true`. Devices can ask for the update themselves either way.
    pub need_push: Option<bool>,

    /// `DownloadProtocol`: How devices download the package: HTTPS (the default) or MQTT (only in
    /// some regions, for files of at most 16 MB).
    pub download_protocol: Option<DownloadProtocol>,

    /// `Tag`.N: Tags of the batch, at most 10, sent to the devices with the update notification
    /// (`Tag.N.Key`, `Tag.N.Value`, always in pairs). A key has 1–30 characters (letters, digits
    /// and `.`); a value has 1–1,024 characters; keys and values together may not exceed 4,096
    /// characters.
    ///
    /// A list: each call of the setter adds one item.
    pub tag: Vec<OtaTag>,

    /// `IotInstanceId`: The ID of the IoT Platform instance (shown on the instance's Overview
    /// page). Required when the instance has an ID (new public instances and Enterprise instances);
    /// leave it unset for instances that have no ID.
    ///
    /// Example: `iot_instc_pu****_c*-v64********`
    pub iot_instance_id: Option<String>,
}

impl CreateOtaDynamicUpgradeJobInput {
    /// A builder for this input.
    pub fn builder() -> CreateOtaDynamicUpgradeJobInputBuilder {
        CreateOtaDynamicUpgradeJobInputBuilder::default()
    }
}

impl aliyun_runtime::Operation for CreateOtaDynamicUpgradeJobInput {
    type Output = CreateOtaDynamicUpgradeJobResponse;

    const INFO: aliyun_runtime::OperationInfo = aliyun_runtime::OperationInfo::new(
            super::PRODUCT,
            "CreateOTADynamicUpgradeJob",
            super::API_VERSION,
        )
        .quota_per_second(20)
        .default_format(super::DEFAULT_FORMAT)
        .methods(&[aliyun_runtime::Method::Post, aliyun_runtime::Method::Get])
        .signature(super::SIGNATURE);

    fn serialize(&self, w: &mut aliyun_runtime::QueryWriter) {
        w.write("FirmwareId", &self.firmware_id);
        w.write("ProductKey", &self.product_key);
        w.write("SrcVersion", &self.src_version);
        w.write("GroupId", &self.group_id);
        w.write("GroupType", &self.group_type);
        w.write("DynamicMode", &self.dynamic_mode);
        w.write("RetryInterval", &self.retry_interval);
        w.write("RetryCount", &self.retry_count);
        w.write("TimeoutInMinutes", &self.timeout_in_minutes);
        w.write("MaximumPerMinute", &self.maximum_per_minute);
        w.write("OverwriteMode", &self.overwrite_mode);
        w.write("MultiModuleMode", &self.multi_module_mode);
        w.write("NeedConfirm", &self.need_confirm);
        w.write("NeedPush", &self.need_push);
        w.write("DownloadProtocol", &self.download_protocol);
        w.write("Tag", &self.tag);
        w.write("IotInstanceId", &self.iot_instance_id);
    }
}

/// Builds a [`CreateOtaDynamicUpgradeJobInput`]; `build` refuses a missing required parameter.
#[derive(Clone, Debug, Default)]
pub struct CreateOtaDynamicUpgradeJobInputBuilder {
    firmware_id: Option<String>,
    product_key: Option<String>,
    src_version: Vec<String>,
    group_id: Option<String>,
    group_type: Option<GroupType>,
    dynamic_mode: Option<i64>,
    retry_interval: Option<i64>,
    retry_count: Option<i64>,
    timeout_in_minutes: Option<i64>,
    maximum_per_minute: Option<i64>,
    overwrite_mode: Option<i64>,
    multi_module_mode: Option<bool>,
    need_confirm: Option<bool>,
    need_push: Option<bool>,
    download_protocol: Option<DownloadProtocol>,
    tag: Vec<OtaTag>,
    iot_instance_id: Option<String>,
}

impl CreateOtaDynamicUpgradeJobInputBuilder {
    /// `FirmwareId` (required): The ID of the update package to install, as returned by
    /// CreateOTAFirmware or listed by ListOTAFirmware.
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

    /// `ProductKey` (required): The ProductKey of the product the update package belongs to.
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

    /// `SrcVersion`.N: Update the devices that are on (or later report) one of these versions, at
    /// most 10 distinct ones. Required unless `GroupId` and `GroupType` are given; for a delta
    /// package it must be the package's source version (except for group batches). Sent as
    /// `SrcVersion.1`, `SrcVersion.2`, and so on.
    ///
    /// A list: each call of the setter adds one item.
    ///
    /// Example: `V1.0.1`
    pub fn src_version(mut self, value: impl Into<String>) -> Self {
        self.src_version.push(value.into());
        self
    }

    /// Replaces every item of `SrcVersion` (`None` empties it).
    pub fn set_src_version(mut self, value: Option<Vec<String>>) -> Self {
        self.src_version = value.unwrap_or_default();
        self
    }

    /// `GroupId`: The ID of the dynamic device group whose devices to update, given with
    /// `GroupType` instead of `SrcVersion`.
    pub fn group_id(mut self, value: impl Into<String>) -> Self {
        self.group_id = Some(value.into());
        self
    }

    /// Sets or clears `GroupId`.
    pub fn set_group_id(mut self, value: Option<String>) -> Self {
        self.group_id = value;
        self
    }

    /// `GroupType`: The type of the group named by `GroupId`; only `LINK_PLATFORM_DYNAMIC`.
    pub fn group_type(mut self, value: GroupType) -> Self {
        self.group_type = Some(value);
        self
    }

    /// Sets or clears `GroupType`.
    pub fn set_group_type(mut self, value: Option<GroupType>) -> Self {
        self.group_type = value;
        self
    }

    /// `DynamicMode`: Which devices the policy covers: 1 (the default) updates the devices that
    /// qualify now and keeps watching for more; 2 only updates devices that later report a matching
    /// version.
    pub fn dynamic_mode(mut self, value: i64) -> Self {
        self.dynamic_mode = Some(value);
        self
    }

    /// Sets or clears `DynamicMode`.
    pub fn set_dynamic_mode(mut self, value: Option<i64>) -> Self {
        self.dynamic_mode = value;
        self
    }

    /// `RetryInterval`: Minutes to wait before retrying a device whose update failed: 0 (at once),
    /// 10, 30, 60 or 1440. Must be smaller than `TimeoutInMinutes`. Unset, failed updates are not
    /// retried.
    pub fn retry_interval(mut self, value: i64) -> Self {
        self.retry_interval = Some(value);
        self
    }

    /// Sets or clears `RetryInterval`.
    pub fn set_retry_interval(mut self, value: Option<i64>) -> Self {
        self.retry_interval = value;
        self
    }

    /// `RetryCount`: How many times a failed update is retried, 1, 2 or 5. Required with
    /// `RetryInterval`.
    pub fn retry_count(mut self, value: i64) -> Self {
        self.retry_count = Some(value);
        self
    }

    /// Sets or clears `RetryCount`.
    pub fn set_retry_count(mut self, value: Option<i64>) -> Self {
        self.retry_count = value;
        self
    }

    /// `TimeoutInMinutes`: How long a device may take to update, 1–1440 minutes; a device that
    /// has not finished by then fails. Unset, there is no time limit.
    pub fn timeout_in_minutes(mut self, value: i64) -> Self {
        self.timeout_in_minutes = Some(value);
        self
    }

    /// Sets or clears `TimeoutInMinutes`.
    pub fn set_timeout_in_minutes(mut self, value: Option<i64>) -> Self {
        self.timeout_in_minutes = value;
        self
    }

    /// `MaximumPerMinute`: How many devices are notified per minute at most, 10–10,000, default
    /// 10,000 (older documentation: 0–1,000, default 1,000).
    pub fn maximum_per_minute(mut self, value: i64) -> Self {
        self.maximum_per_minute = Some(value);
        self
    }

    /// Sets or clears `MaximumPerMinute`.
    pub fn set_maximum_per_minute(mut self, value: Option<i64>) -> Self {
        self.maximum_per_minute = value;
        self
    }

    /// `OverwriteMode`: What to do with a device that already has a pending update task: 1 (the
    /// default) keeps that task, 2 replaces it with this batch's. Tasks already running are never
    /// replaced. 2 cannot be combined with `MultiModuleMode`. For a group batch it must match the
    /// group's existing dynamic batch.
    pub fn overwrite_mode(mut self, value: i64) -> Self {
        self.overwrite_mode = Some(value);
        self
    }

    /// Sets or clears `OverwriteMode`.
    pub fn set_overwrite_mode(mut self, value: Option<i64>) -> Self {
        self.overwrite_mode = value;
        self
    }

    /// `MultiModuleMode`: Whether a device may update several modules at the same time. Default
    /// `false`. Requires an Enterprise or new public instance and devices on C Link SDK 4.x, and
    /// cannot be combined with `OverwriteMode` 2. For a group batch it must match the group's
    /// existing dynamic batch.
    pub fn multi_module_mode(mut self, value: bool) -> Self {
        self.multi_module_mode = Some(value);
        self
    }

    /// Sets or clears `MultiModuleMode`.
    pub fn set_multi_module_mode(mut self, value: Option<bool>) -> Self {
        self.multi_module_mode = value;
        self
    }

    /// `NeedConfirm`: Whether each device's update waits for a confirmation from your own app (see
    /// ConfirmOTATask): when `true` the tasks start in the `CONFIRM` state. Default `false`.
    pub fn need_confirm(mut self, value: bool) -> Self {
        self.need_confirm = Some(value);
        self
    }

    /// Sets or clears `NeedConfirm`.
    pub fn set_need_confirm(mut self, value: Option<bool>) -> Self {
        self.need_confirm = value;
        self
    }

    /// `NeedPush`: Whether IoT Platform pushes the update to the online devices in scope. Default
    /// `true`. Devices can ask for the update themselves either way.
    pub fn need_push(mut self, value: bool) -> Self {
        self.need_push = Some(value);
        self
    }

    /// Sets or clears `NeedPush`.
    pub fn set_need_push(mut self, value: Option<bool>) -> Self {
        self.need_push = value;
        self
    }

    /// `DownloadProtocol`: How devices download the package: HTTPS (the default) or MQTT (only in
    /// some regions, for files of at most 16 MB).
    pub fn download_protocol(mut self, value: DownloadProtocol) -> Self {
        self.download_protocol = Some(value);
        self
    }

    /// Sets or clears `DownloadProtocol`.
    pub fn set_download_protocol(mut self, value: Option<DownloadProtocol>) -> Self {
        self.download_protocol = value;
        self
    }

    /// `Tag`.N: Tags of the batch, at most 10, sent to the devices with the update notification
    /// (`Tag.N.Key`, `Tag.N.Value`, always in pairs). A key has 1–30 characters (letters, digits
    /// and `.`); a value has 1–1,024 characters; keys and values together may not exceed 4,096
    /// characters.
    ///
    /// A list: each call of the setter adds one item.
    pub fn tag(mut self, value: OtaTag) -> Self {
        self.tag.push(value);
        self
    }

    /// Replaces every item of `Tag` (`None` empties it).
    pub fn set_tag(mut self, value: Option<Vec<OtaTag>>) -> Self {
        self.tag = value.unwrap_or_default();
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
    ) -> Result<CreateOtaDynamicUpgradeJobInput, aliyun_runtime::BuildError> {
        Ok(CreateOtaDynamicUpgradeJobInput {
            firmware_id: self
                .firmware_id
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "CreateOTADynamicUpgradeJob",
                        "FirmwareId",
                        "firmware_id",
                    ),
                )?,
            product_key: self
                .product_key
                .filter(|v| !v.is_empty())
                .ok_or(
                    aliyun_runtime::BuildError::missing(
                        "CreateOTADynamicUpgradeJob",
                        "ProductKey",
                        "product_key",
                    ),
                )?,
            src_version: self.src_version,
            group_id: self.group_id,
            group_type: self.group_type,
            dynamic_mode: self.dynamic_mode,
            retry_interval: self.retry_interval,
            retry_count: self.retry_count,
            timeout_in_minutes: self.timeout_in_minutes,
            maximum_per_minute: self.maximum_per_minute,
            overwrite_mode: self.overwrite_mode,
            multi_module_mode: self.multi_module_mode,
            need_confirm: self.need_confirm,
            need_push: self.need_push,
            download_protocol: self.download_protocol,
            tag: self.tag,
            iot_instance_id: self.iot_instance_id,
        })
    }
}

/// A `CreateOTADynamicUpgradeJob` call being set up: set its parameters, then `send` it. `C` is
/// the client that sends it: the async `RpcClient`, or `crate::blocking::Client`, whose `send`
/// waits for the reply.
#[derive(Clone, Debug)]
pub struct CreateOtaDynamicUpgradeJobFluentBuilder<C = aliyun_runtime::RpcClient> {
    client: C,
    input: CreateOtaDynamicUpgradeJobInputBuilder,
}

impl<C> CreateOtaDynamicUpgradeJobFluentBuilder<C> {
    pub(crate) fn new(client: C) -> Self {
        Self {
            client,
            input: CreateOtaDynamicUpgradeJobInputBuilder::default(),
        }
    }

    /// `FirmwareId` (required): The ID of the update package to install, as returned by
    /// CreateOTAFirmware or listed by ListOTAFirmware.
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

    /// `ProductKey` (required): The ProductKey of the product the update package belongs to.
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

    /// `SrcVersion`.N: Update the devices that are on (or later report) one of these versions, at
    /// most 10 distinct ones. Required unless `GroupId` and `GroupType` are given; for a delta
    /// package it must be the package's source version (except for group batches). Sent as
    /// `SrcVersion.1`, `SrcVersion.2`, and so on.
    ///
    /// A list: each call of the setter adds one item.
    ///
    /// Example: `V1.0.1`
    pub fn src_version(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.src_version(value);
        self
    }

    /// Replaces every item of `SrcVersion` (`None` empties it).
    pub fn set_src_version(mut self, value: Option<Vec<String>>) -> Self {
        self.input = self.input.set_src_version(value);
        self
    }

    /// `GroupId`: The ID of the dynamic device group whose devices to update, given with
    /// `GroupType` instead of `SrcVersion`.
    pub fn group_id(mut self, value: impl Into<String>) -> Self {
        self.input = self.input.group_id(value);
        self
    }

    /// Sets or clears `GroupId`.
    pub fn set_group_id(mut self, value: Option<String>) -> Self {
        self.input = self.input.set_group_id(value);
        self
    }

    /// `GroupType`: The type of the group named by `GroupId`; only `LINK_PLATFORM_DYNAMIC`.
    pub fn group_type(mut self, value: GroupType) -> Self {
        self.input = self.input.group_type(value);
        self
    }

    /// Sets or clears `GroupType`.
    pub fn set_group_type(mut self, value: Option<GroupType>) -> Self {
        self.input = self.input.set_group_type(value);
        self
    }

    /// `DynamicMode`: Which devices the policy covers: 1 (the default) updates the devices that
    /// qualify now and keeps watching for more; 2 only updates devices that later report a matching
    /// version.
    pub fn dynamic_mode(mut self, value: i64) -> Self {
        self.input = self.input.dynamic_mode(value);
        self
    }

    /// Sets or clears `DynamicMode`.
    pub fn set_dynamic_mode(mut self, value: Option<i64>) -> Self {
        self.input = self.input.set_dynamic_mode(value);
        self
    }

    /// `RetryInterval`: Minutes to wait before retrying a device whose update failed: 0 (at once),
    /// 10, 30, 60 or 1440. Must be smaller than `TimeoutInMinutes`. Unset, failed updates are not
    /// retried.
    pub fn retry_interval(mut self, value: i64) -> Self {
        self.input = self.input.retry_interval(value);
        self
    }

    /// Sets or clears `RetryInterval`.
    pub fn set_retry_interval(mut self, value: Option<i64>) -> Self {
        self.input = self.input.set_retry_interval(value);
        self
    }

    /// `RetryCount`: How many times a failed update is retried, 1, 2 or 5. Required with
    /// `RetryInterval`.
    pub fn retry_count(mut self, value: i64) -> Self {
        self.input = self.input.retry_count(value);
        self
    }

    /// Sets or clears `RetryCount`.
    pub fn set_retry_count(mut self, value: Option<i64>) -> Self {
        self.input = self.input.set_retry_count(value);
        self
    }

    /// `TimeoutInMinutes`: How long a device may take to update, 1–1440 minutes; a device that
    /// has not finished by then fails. Unset, there is no time limit.
    pub fn timeout_in_minutes(mut self, value: i64) -> Self {
        self.input = self.input.timeout_in_minutes(value);
        self
    }

    /// Sets or clears `TimeoutInMinutes`.
    pub fn set_timeout_in_minutes(mut self, value: Option<i64>) -> Self {
        self.input = self.input.set_timeout_in_minutes(value);
        self
    }

    /// `MaximumPerMinute`: How many devices are notified per minute at most, 10–10,000, default
    /// 10,000 (older documentation: 0–1,000, default 1,000).
    pub fn maximum_per_minute(mut self, value: i64) -> Self {
        self.input = self.input.maximum_per_minute(value);
        self
    }

    /// Sets or clears `MaximumPerMinute`.
    pub fn set_maximum_per_minute(mut self, value: Option<i64>) -> Self {
        self.input = self.input.set_maximum_per_minute(value);
        self
    }

    /// `OverwriteMode`: What to do with a device that already has a pending update task: 1 (the
    /// default) keeps that task, 2 replaces it with this batch's. Tasks already running are never
    /// replaced. 2 cannot be combined with `MultiModuleMode`. For a group batch it must match the
    /// group's existing dynamic batch.
    pub fn overwrite_mode(mut self, value: i64) -> Self {
        self.input = self.input.overwrite_mode(value);
        self
    }

    /// Sets or clears `OverwriteMode`.
    pub fn set_overwrite_mode(mut self, value: Option<i64>) -> Self {
        self.input = self.input.set_overwrite_mode(value);
        self
    }

    /// `MultiModuleMode`: Whether a device may update several modules at the same time. Default
    /// `false`. Requires an Enterprise or new public instance and devices on C Link SDK 4.x, and
    /// cannot be combined with `OverwriteMode` 2. For a group batch it must match the group's
    /// existing dynamic batch.
    pub fn multi_module_mode(mut self, value: bool) -> Self {
        self.input = self.input.multi_module_mode(value);
        self
    }

    /// Sets or clears `MultiModuleMode`.
    pub fn set_multi_module_mode(mut self, value: Option<bool>) -> Self {
        self.input = self.input.set_multi_module_mode(value);
        self
    }

    /// `NeedConfirm`: Whether each device's update waits for a confirmation from your own app (see
    /// ConfirmOTATask): when `true` the tasks start in the `CONFIRM` state. Default `false`.
    pub fn need_confirm(mut self, value: bool) -> Self {
        self.input = self.input.need_confirm(value);
        self
    }

    /// Sets or clears `NeedConfirm`.
    pub fn set_need_confirm(mut self, value: Option<bool>) -> Self {
        self.input = self.input.set_need_confirm(value);
        self
    }

    /// `NeedPush`: Whether IoT Platform pushes the update to the online devices in scope. Default
    /// `true`. Devices can ask for the update themselves either way.
    pub fn need_push(mut self, value: bool) -> Self {
        self.input = self.input.need_push(value);
        self
    }

    /// Sets or clears `NeedPush`.
    pub fn set_need_push(mut self, value: Option<bool>) -> Self {
        self.input = self.input.set_need_push(value);
        self
    }

    /// `DownloadProtocol`: How devices download the package: HTTPS (the default) or MQTT (only in
    /// some regions, for files of at most 16 MB).
    pub fn download_protocol(mut self, value: DownloadProtocol) -> Self {
        self.input = self.input.download_protocol(value);
        self
    }

    /// Sets or clears `DownloadProtocol`.
    pub fn set_download_protocol(mut self, value: Option<DownloadProtocol>) -> Self {
        self.input = self.input.set_download_protocol(value);
        self
    }

    /// `Tag`.N: Tags of the batch, at most 10, sent to the devices with the update notification
    /// (`Tag.N.Key`, `Tag.N.Value`, always in pairs). A key has 1–30 characters (letters, digits
    /// and `.`); a value has 1–1,024 characters; keys and values together may not exceed 4,096
    /// characters.
    ///
    /// A list: each call of the setter adds one item.
    pub fn tag(mut self, value: OtaTag) -> Self {
        self.input = self.input.tag(value);
        self
    }

    /// Replaces every item of `Tag` (`None` empties it).
    pub fn set_tag(mut self, value: Option<Vec<OtaTag>>) -> Self {
        self.input = self.input.set_tag(value);
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

impl CreateOtaDynamicUpgradeJobFluentBuilder {
    /// Sends the call: the typed reply, or an error (a missing parameter, the service's
    /// error, a transport failure, a timeout).
    pub async fn send(
        self,
    ) -> Result<CreateOtaDynamicUpgradeJobResponse, aliyun_runtime::Error> {
        let input = self.input.build()?;
        self.client.call(&input).await
    }
}

impl CreateOtaDynamicUpgradeJobFluentBuilder<crate::blocking::Client> {
    /// Sends the call and waits for the reply, as the async `send` does.
    pub fn send(
        self,
    ) -> Result<CreateOtaDynamicUpgradeJobResponse, aliyun_runtime::Error> {
        self.client.call(self.input.build())
    }
}

/// The response of CreateOTADynamicUpgradeJob.
///
/// The payload of the reply; the envelope's `Success`, `Code` and message become an `Err` when
/// the call fails, and its request ID is kept in `request_id`.
#[derive(Clone, Default, PartialEq)]
#[non_exhaustive]
pub struct CreateOtaDynamicUpgradeJobResponse {
    /// The ID of the request, from the reply's envelope: quote it in support tickets.
    pub request_id: String,

    /// `Data`: The dynamic update batch that was created.
    pub data: Option<CreatedJob>,
}

impl std::fmt::Debug for CreateOtaDynamicUpgradeJobResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateOtaDynamicUpgradeJobResponse")
            .field("request_id", &self.request_id)
            .field("data", &self.data)
            .finish()
    }
}

impl wire::Decode for CreateOtaDynamicUpgradeJobResponse {
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

impl wire::EncodeFields for CreateOtaDynamicUpgradeJobResponse {
    fn encode_fields(&self, w: &mut wire::Writer) {
        w.field_opt("Data", &self.data);
    }
}

impl wire::Reply for CreateOtaDynamicUpgradeJobResponse {
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

    /// The JSON sample of the documentation. (spec/iot/samples/CreateOTADynamicUpgradeJob.doc.json)
    #[test]
    fn decodes_create_ota_dynamic_upgrade_job_doc_json() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/CreateOTADynamicUpgradeJob.doc.json"
        );
        let reply = wire::decode_reply::<
            CreateOtaDynamicUpgradeJobResponse,
        >(aliyun_runtime::wire::Format::Json, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }

    /// The XML sample of the documentation. (spec/iot/samples/CreateOTADynamicUpgradeJob.doc.xml)
    #[test]
    fn decodes_create_ota_dynamic_upgrade_job_doc_xml() {
        let body: &[u8] = include_bytes!(
            "../../../../spec/iot/samples/CreateOTADynamicUpgradeJob.doc.xml"
        );
        let reply = wire::decode_reply::<
            CreateOtaDynamicUpgradeJobResponse,
        >(aliyun_runtime::wire::Format::Xml, 200, body);
        let reply = reply.unwrap_or_else(|e| panic!("{e}"));
        assert!(! reply.request_id.is_empty());
    }
}
